using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using SmartStore.Storage;

namespace SmartStore.Integration.Tests;

/// <summary>设备运维报表: the cameras that were offline or had view faults over a period, counted within opening hours, worst first.</summary>
[Collection(SystemCollection.Name)]
public sealed class CameraReliabilityTests(SmartStoreSystem system)
{
    private const string Store = "X0911";
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>A time of 2026 on the store's clock.</summary>
    private static DateTime Local(int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, minute, 0), Shanghai);

    [Fact]
    public async Task Outages_and_view_faults_count_within_opening_hours_worst_camera_first_in_scope()
    {
        // A North store open 10:00–22:00 (the default) with three cameras; 11-30 and 12-01 are 1,440 open minutes each camera.
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore(Store, "NORTH"))).StatusCode);
        foreach (var (camera, kind) in new[] { ("CAM-X0911-E1", "entrance"), ("CAM-X0911-I1", "interior"), ("CAM-X0911-I2", "interior") })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/cameras", new { code = camera, kind, storeCode = Store })).StatusCode);

        var incidents = new CameraIncidents(system.Database.Database);
        // Unplugged at 21:30, back at 09:30 next morning: 12 hours silent, 30 minutes of them while open.
        await incidents.Open("CAM-X0911-E1", "offline", Local(11, 30, 21, 30));
        await incidents.Close("CAM-X0911-E1", "offline", Local(12, 1, 9, 30));
        // A banner for an hour at noon, and a frozen picture over part of it: 60 minutes with a fault, not 80.
        await incidents.Open("CAM-X0911-E1", "blocked", Local(12, 1, 12));
        await incidents.Close("CAM-X0911-E1", "blocked", Local(12, 1, 13));
        await incidents.Open("CAM-X0911-E1", "frozen", Local(12, 1, 12, 40));
        await incidents.Close("CAM-X0911-E1", "frozen", Local(12, 1, 13));
        // Gone at 21:00 on 12-01 and not back: an hour before closing within the period, and still offline.
        await incidents.Open("CAM-X0911-I2", "offline", Local(12, 1, 21));

        var report = await (await admin.GetAsync($"/api/cameras/reliability?store={Store}&from=2026-11-30&to=2026-12-01")).Json();
        Assert.Equal(3, report["cameras"]!.GetValue<int>());
        Assert.Equal(2, report["camerasWithIncidents"]!.GetValue<int>());
        Assert.Equal(Math.Round(1 - 90.0 / (3 * 1440), 4), report["uptime"]!.GetValue<double>());
        var rows = report["rows"]!.AsArray();
        Assert.Equal(["CAM-X0911-E1", "CAM-X0911-I2"], rows.Select(r => r!["cameraCode"]!.GetValue<string>()));
        var door = rows[0]!;
        Assert.Equal(1440, door["openMinutes"]!.GetValue<double>());
        Assert.Equal(1, door["offlineCount"]!.GetValue<int>());
        Assert.Equal(30, door["offlineMinutes"]!.GetValue<double>());
        Assert.Equal(2, door["faultCount"]!.GetValue<int>());
        Assert.Equal(60, door["faultMinutes"]!.GetValue<double>());
        Assert.Equal(["blocked", "frozen"], door["faultKinds"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.False(door["offlineNow"]!.GetValue<bool>());
        Assert.Equal(Math.Round(1 - 30.0 / 1440, 4), door["uptime"]!.GetValue<double>());
        Assert.Equal(60, rows[1]!["offlineMinutes"]!.GetValue<double>());
        Assert.True(rows[1]!["offlineNow"]!.GetValue<bool>());

        // 12-01 alone: the outage ended at 09:30, before opening — no failure that day, the faults are.
        var second = (await (await admin.GetAsync($"/api/cameras/reliability?store={Store}&from=2026-12-01&to=2026-12-01")).Json())["rows"]!.AsArray()
            .Single(r => r!["cameraCode"]!.GetValue<string>() == "CAM-X0911-E1")!;
        Assert.Equal((0, 0.0, 2), (second["offlineCount"]!.GetValue<int>(), second["offlineMinutes"]!.GetValue<double>(), second["faultCount"]!.GetValue<int>()));

        // The day before: nothing happened to these cameras.
        var before = await (await admin.GetAsync($"/api/cameras/reliability?store={Store}&from=2026-11-29&to=2026-11-29")).Json();
        Assert.Empty(before["rows"]!.AsArray());
        Assert.Equal(1.0, before["uptime"]!.GetValue<double>());

        // The page, in Chinese: the worst camera first, the one still offline tagged; the region's row on the chain view.
        var page = WebUtility.HtmlDecode(await Ok(await admin.GetAsync($"/cameras/reliability?store={Store}&from=2026-11-30&to=2026-12-01")));
        Assert.True(page.IndexOf("data-camera=\"CAM-X0911-E1\"") < page.IndexOf("data-camera=\"CAM-X0911-I2\""));
        Assert.Contains("营业时间在线率", page);
        Assert.Contains("仍离线", page);
        Assert.Contains("30 分钟", page);
        Assert.Contains("data-region=\"NORTH\"", await Ok(await admin.GetAsync("/cameras/reliability?from=2026-11-30&to=2026-12-01")));

        // The Excel export lists both cameras.
        var workbook = await admin.GetByteArrayAsync($"/api/cameras/reliability.xlsx?store={Store}&from=2026-11-30&to=2026-12-01");
        using (var xlsx = new ZipArchive(new MemoryStream(workbook)))
        {
            using var sheet = new StreamReader(xlsx.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var xml = await sheet.ReadToEndAsync();
            Assert.Contains("CAM-X0911-E1", xml);
            Assert.Contains("CAM-X0911-I2", xml);
        }
    }

    [Fact]
    public async Task The_api_refuses_a_bad_period_and_stores_out_of_scope()
    {
        using var admin = await system.SignedIn("admin");
        var backwards = await admin.GetAsync("/api/cameras/reliability?from=2026-12-02&to=2026-12-01");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("before", await backwards.Content.ReadAsStringAsync());

        // The East's region manager: the North's store is refused, and the chain view holds only East cameras.
        using var east = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync("/api/cameras/reliability?store=S0023")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync("/api/cameras/reliability?region=NORTH")).StatusCode);
        var mine = await (await east.GetAsync("/api/cameras/reliability")).Json();
        Assert.Equal(["EAST"], mine["regions"]!.AsArray().Select(r => r!["regionCode"]!.GetValue<string>()));
    }

    private static async Task<string> Ok(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
