using System.Net;
using System.Text.Json.Nodes;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>数据库表 and the pictures' disk: what the installation takes, read from PostgreSQL and the pictures' volume.</summary>
[Collection(SystemCollection.Name)]
public sealed class StorageTests(SmartStoreSystem system)
{
    private static readonly string[] Frames = ["000061.jpg", "000062.jpg", "000063.jpg"];

    [Fact]
    public async Task Head_office_sees_each_table_the_pictures_received_today_and_whether_the_disk_holds_them()
    {
        using var admin = await system.SignedIn("admin");
        const string camera = "CAM-X0981-E1";
        var secret = await AllDayStores.WithCamera(admin, "X0981", "存储测试店", "EAST", camera);
        var before = await Today(admin);
        long sent = 0;
        foreach (var frame in Frames)
        {
            var file = Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images", frame);
            var upload = await FtpClients.Curl("-sS", "-w", "\n%{http_code}", "-u", $"{camera}:{secret}", "-H", "Content-Type: image/jpeg",
                "--data-binary", $"@{file}", new Uri(system.IngestAddress, $"/api/ingest/{camera}").ToString());
            Assert.EndsWith("202", upload.Output.Trim());
            sent += new FileInfo(file).Length;
        }

        // Today's row grew by exactly what was sent: three pictures, their bytes.
        var storage = await (await admin.GetAsync("/api/storage")).Json();
        var today = await Today(admin);
        Assert.Equal(before.Pictures + 3, today.Pictures);
        Assert.Equal(before.Bytes + sent, today.Bytes);
        Assert.True(storage["pictures"]!["count"]!.GetValue<long>() >= 3);
        Assert.True(storage["pictures"]!["oldestUtc"]!.GetValue<DateTime>() <= DateTime.UtcNow);
        Assert.True(storage["databaseBytes"]!.GetValue<long>() > 0);
        Assert.True(storage["imagesVolume"]!["freeBytes"]!.GetValue<long>() > 0);
        Assert.Equal(30, storage["retentionDays"]!.GetValue<int>());
        var tables = storage["tables"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("snapshots", tables);
        Assert.Contains("audit_log", tables);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/storage"));
        Assert.Contains("data-table=\"snapshots\"", page);
        Assert.Contains("收到的每张图片", page);
        Assert.Contains($"data-day=\"{storage["pictures"]!["days"]!.AsArray().Last()!["day"]!.GetValue<string>()}\"", page);

        using var region = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Forbidden, (await region.GetAsync("/admin/storage")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await region.GetAsync("/api/storage")).StatusCode);
    }

    [Fact]
    public async Task Above_the_exact_limit_pictures_are_estimated_from_a_sample_of_the_table_which_read_whole_is_exact()
    {
        var footprint = new StorageFootprint(system.Database.Database);
        var from = DateTime.UtcNow.AddDays(-14);
        var exact = await footprint.PicturesSince(from, "Asia/Shanghai");
        var sampled = await footprint.PicturesSince(from, "Asia/Shanghai", exactUpTo: -1, samplePercent: 100);
        Assert.False(exact.Sampled);
        Assert.True(sampled.Sampled);
        Assert.Equal(exact.Count, sampled.Count);
        Assert.Equal(exact.Bytes, sampled.Bytes);
        Assert.Equal(exact.Days, sampled.Days);
    }

    private static async Task<(long Pictures, long Bytes)> Today(HttpClient admin)
    {
        var days = (await (await admin.GetAsync("/api/storage")).Json())["pictures"]!["days"]!.AsArray();
        var last = days.LastOrDefault();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))).ToString("yyyy-MM-dd");
        return last is not null && last["day"]!.GetValue<string>() == today ? (last["pictures"]!.GetValue<long>(), last["bytes"]!.GetValue<long>()) : (0, 0);
    }
}
