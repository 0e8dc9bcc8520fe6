using System.Net;
using Dapper;
using SmartStore.Storage;

namespace SmartStore.Integration.Tests;

/// <summary>The growing logs are kept for a time, then removed oldest first in batches; the pages say for how long.</summary>
[Collection(SystemCollection.Name)]
public sealed class LogRetentionTests(SmartStoreSystem system)
{
    [Fact]
    public async Task Entries_past_their_keeping_go_in_batches_and_newer_ones_stay()
    {
        await using var connection = await system.Database.Database.Open();
        // More than one batch of four-year-old audit entries, and one a day old, under a key of this test's own.
        await connection.ExecuteAsync("""
            INSERT INTO audit_log (at, actor, action, entity, entity_key)
            SELECT now() - interval '4 years' + g * interval '1 second', 'retention-test', 'update', 'store', 'XRET-OLD' FROM generate_series(1, @n) g;
            INSERT INTO audit_log (at, actor, action, entity, entity_key) VALUES (now() - interval '1 day', 'retention-test', 'update', 'store', 'XRET-NEW');
            INSERT INTO ingest_rejections (at, camera_code, remote_address, source, reason, detail)
            VALUES (now() - interval '100 days', 'CAM-XRET', '127.0.0.1', 'ftp', 'corrupt', 'retention test'),
                   (now() - interval '1 day', 'CAM-XRET', '127.0.0.1', 'ftp', 'corrupt', 'retention test');
            """, new { n = LogRetention.Batch + 5 });

        var retention = new LogRetention(system.Database.Database);
        Assert.Equal(LogRetention.Batch + 5, await retention.Forget(LogRetention.Log.Audit, DateTime.UtcNow.AddYears(-3)));
        Assert.Equal(["XRET-NEW"], await connection.QueryAsync<string>("SELECT entity_key FROM audit_log WHERE actor = 'retention-test'"));
        Assert.Equal(1, await retention.Forget(LogRetention.Log.Rejections, DateTime.UtcNow.AddDays(-90)));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM ingest_rejections WHERE camera_code = 'CAM-XRET'"));
    }

    [Fact]
    public async Task The_log_pages_and_the_storage_page_say_how_long_each_log_is_kept()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Contains("条目保留 1095 天，之后自动删除（Audit__KeepLogFor）", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit")));
        Assert.Contains("条目保留 365 天，之后自动删除（SignIn__KeepLogFor）", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/sign-ins")));
        var storage = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/storage"));
        Assert.Contains("操作日志，保留 1095 天", storage);
        Assert.Contains("被拒收的上传及原因，保留 90 天", storage);
    }
}
