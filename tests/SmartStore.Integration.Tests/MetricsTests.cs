using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary><c>/metrics</c>: the chain's monitoring reads SmartStore's health in Prometheus's format, head office only.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class MetricsTests(SmartStoreSystem system)
{
    [Fact]
    public async Task Head_offices_scraper_reads_the_figures_and_nobody_else_does()
    {
        using var analyst = await system.SignedIn("analyst");
        var response = await analyst.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var samples = Samples(text);
        Assert.Equal(1, samples["smartstore_up{component=\"database\"}"]);
        Assert.Equal(1, samples["smartstore_up{component=\"silo\"}"]);
        Assert.True(samples["smartstore_stores"] >= 30);
        // Every bound camera is online, offline or not heard from yet: the three add up to the demo's 72 and more.
        Assert.True(new[] { "online", "offline", "not_reported" }.Sum(s => samples[$"smartstore_cameras{{state=\"{s}\"}}"]) >= 72);
        Assert.Contains("# TYPE smartstore_snapshots_waiting gauge", text);
        // How far analysis is behind, for each kind of camera (a shelf patrol may wait; a door's frames should not).
        Assert.All(new[] { "entrance", "interior", "shelf" }, kind => Assert.InRange(samples[$"smartstore_snapshots_oldest_waiting_seconds{{kind=\"{kind}\"}}"], 0, 86_400));
        Assert.True(samples.ContainsKey("smartstore_alert_deliveries{state=\"given_up\"}"));
        // How much room is left: the database's size, and the pictures' disk (free within its size).
        Assert.True(samples["smartstore_database_bytes"] > 1_000_000);
        Assert.InRange(samples["smartstore_images_volume_bytes{state=\"free\"}"], 1, samples["smartstore_images_volume_bytes{state=\"total\"}"]);

        // An upload refused for a wrong password shows under its reason within the hour.
        var refused = await FtpClients.Curl("-sS", "-T", Path.Combine(SharedData.Shared, "data", "README.md"), "--user", "CAM-S0002-E1:wrong-password",
            $"ftp://127.0.0.1:{system.FtpPort}/");
        Assert.NotEqual(0, refused.ExitCode);
        var after = Samples(await analyst.GetStringAsync("/metrics"));
        Assert.True(after.Where(s => s.Key.StartsWith("smartstore_ingest_rejections_last_hour{", StringComparison.Ordinal)).Sum(s => s.Value) >= 1);

        // A scraper with an analyst's API key as a bearer token (Prometheus's authorization setting).
        using var admin = await system.SignedIn("admin");
        var issued = await (await admin.PostJson("/api/api-keys", new { name = "prometheus", role = "hq_analyst" })).Json();
        using var scraper = system.Anonymous();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await scraper.GetAsync("/metrics")).StatusCode);

        // Nobody else: not signed in, a store's manager, a bearer token that is no key of ours.
        using var anonymous = system.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        using var manager = await system.SignedIn("s0001");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/metrics")).StatusCode);
        using var forger = system.Anonymous();
        forger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ssk_nothing_at_all");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forger.GetAsync("/metrics")).StatusCode);
    }

    private static Dictionary<string, double> Samples(string text) => Sample().Matches(text)
        .ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(smartstore_[a-z_]+(?:\{[^}]*\})?) ([0-9.]+)$", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
