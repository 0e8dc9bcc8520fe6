using System.Net;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Silo;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// A store's life: being prepared before its opening date (筹备中: closed by its hours, its cameras already sending), and
/// closed for good (闭店: kept with its history, off the board, its cameras refused); and reopened.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StoreLifecycleTests(SmartStoreSystem system)
{
    private static readonly string Frame = Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images", "000050.jpg");
    private static readonly TimeZoneInfo China = StoreTimeZones.Find("Asia/Shanghai");

    private static DateOnly Today => StoreTimeZones.DayOf(DateTime.UtcNow, China);

    /// <summary>A new store of the test with a door camera CAM-{code}-E1; the camera's credentials ("camera:secret").</summary>
    private static async Task<string> NewStoreWithDoor(HttpClient admin, string code)
    {
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore(code))).StatusCode);
        var camera = await admin.PostJson("/api/cameras", new { code = $"CAM-{code}-E1", kind = "entrance", storeCode = code });
        return $"CAM-{code}-E1:{(await camera.Json())["secret"]!.GetValue<string>()}";
    }

    /// <summary>The camera sends a picture over HTTP, as curl; its output ends with the status code.</summary>
    private Task<FtpClients.Outcome> PostPicture(string credentials) =>
        FtpClients.Curl("-sS", "-w", "\n%{http_code}", "-u", credentials, "-H", "Content-Type: image/jpeg", "--data-binary", $"@{Frame}",
            new Uri(system.IngestAddress, $"/api/ingest/{credentials.Split(':')[0]}").ToString());

    [Fact]
    public async Task A_closed_store_keeps_its_record_leaves_the_board_refuses_its_cameras_and_reopens()
    {
        using var admin = await system.SignedIn("admin");
        var credentials = await NewStoreWithDoor(admin, "X1001");
        Assert.Contains("测试门店 X1001", await admin.GetStringAsync("/"));
        using var device = system.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await MasterDataApiTests.Heartbeat(device, "CAM-X1001-E1", credentials.Split(':')[1])).StatusCode);
        var store = system.Grains.GetGrain<IStoreGrain>("X1001");
        Assert.Equal(new CameraCounts(1, 0), await store.GetCameraCounts());

        var closed = await admin.PutJson("/api/stores/X1001/closing", new { closedOn = Today.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), (await closed.Json())["openingHours"]!["closedFrom"]!.GetValue<string>());

        // The store's grain follows: closed all day from the date, whatever its week says.
        var noon = Today.ToDateTime(new TimeOnly(12, 0));
        Assert.True(Assert.Single(await store.ClosedThroughout([noon], TimeSpan.FromHours(1))));
        // Its camera leaves the counts the region and head office add up.
        Assert.Equal(new CameraCounts(0, 0), await store.GetCameraCounts());
        Assert.Contains("\"X1001\"", await admin.GetStringAsync("/api/stores?status=closed&q=X1001"));
        Assert.DoesNotContain("\"X1001\"", await admin.GetStringAsync("/api/stores?status=trading&q=X1001"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/stores?status=shut")).StatusCode);
        var board = await admin.GetStringAsync("/");
        Assert.DoesNotContain("测试门店 X1001", board);
        Assert.Contains("id=\"board-closed-down\"", board);   // the board says it leaves closed stores out
        // Its manager's board and phone say why they are empty, not "no store in your scope".
        var password = await admin.NewAccount(new { username = "closing.tester", displayName = "闭店测试", role = "store_manager", storeCodes = new[] { "X1001" } });
        using (var manager = await system.SignedIn("closing.tester", password))
        {
            Assert.Contains("id=\"all-closed-down\"", await manager.GetStringAsync("/"));
            Assert.Contains("id=\"all-closed-down\"", await manager.GetStringAsync("/m"));
        }
        // No peer in 门店对标 over a day it was closed (nor a store that "counted nothing"); asked about itself, still there.
        var day = Today.ToString("yyyy-MM-dd");
        Assert.DoesNotContain("\"X1001\"", await admin.GetStringAsync($"/api/traffic/stores?region=EAST&from={day}&to={day}"));
        Assert.Contains("\"X1001\"", await admin.GetStringAsync($"/api/traffic/stores?store=X1001&from={day}&to={day}"));
        Assert.Contains("id=\"store-closing\"", await admin.GetStringAsync("/stores/X1001"));
        Assert.Contains("测试门店 X1001（已闭店）", await admin.GetStringAsync("/traffic"));   // still there to report on, marked
        Assert.Contains("id=\"camera-store-closed\"", await admin.GetStringAsync("/cameras/CAM-X1001-E1"));
        Assert.Equal("close-down", (await (await admin.GetAsync("/api/audit?entity=store&key=X1001&limit=1")).Json())[0]!["action"]!.GetValue<string>());

        // Its camera's pictures are refused with the reason, over HTTP and FTP, and counted.
        var http = await PostPicture(credentials);
        Assert.EndsWith("403", http.Output.Trim());
        Assert.Contains("closed for good on " + Today.ToString("yyyy-MM-dd"), http.Output);
        var ftp = await FtpClients.Curl("-sS", "-T", Frame, "--user", credentials, $"ftp://127.0.0.1:{system.FtpPort}/door.jpg");
        Assert.NotEqual(0, ftp.ExitCode);
        Assert.Contains("550 Rejected (StoreClosedDown)", ftp.Error);
        await using (var connection = await system.Database.Database.Open())
        {
            Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM ingest_rejections WHERE camera_code = 'CAM-X1001-E1' AND reason = 'StoreClosedDown'"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM snapshots WHERE camera_code = 'CAM-X1001-E1'"));
        }

        var reopened = await admin.DeleteAsync("/api/stores/X1001/closing");
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Null((await reopened.Json())["openingHours"]!["closedFrom"]);
        Assert.False(Assert.Single(await store.ClosedThroughout([noon], TimeSpan.FromHours(1))));
        Assert.Equal(new CameraCounts(1, 0), await store.GetCameraCounts());
        Assert.Contains("测试门店 X1001", await admin.GetStringAsync("/"));
        Assert.Contains("\"X1001\"", await admin.GetStringAsync($"/api/traffic/stores?region=EAST&from={day}&to={day}"));
        Assert.Equal("reopen-store", (await (await admin.GetAsync("/api/audit?entity=store&key=X1001&limit=1")).Json())[0]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_planned_closing_survives_an_edit_of_the_store_and_bad_closings_are_refused()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X1002"))).StatusCode);
        var planned = Today.AddDays(10).ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/stores/X1002/closing", new { closedOn = planned })).StatusCode);

        // Still trading until then: on the board's list, not among the closed.
        Assert.Contains("\"X1002\"", await admin.GetStringAsync("/api/stores?status=trading&q=X1002"));
        Assert.Contains(planned, await admin.GetStringAsync("/stores?q=X1002"));

        // Saving the store's details (its hours sent without the closing) keeps the closing.
        var edited = await admin.PutJson("/api/stores/X1002", ApiJson.NewStore("X1002"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(planned, (await (await admin.GetAsync("/api/stores/X1002")).Json())["openingHours"]!["closedFrom"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutJson("/api/stores/X1002/closing", new { })).StatusCode);
        var far = await admin.PutJson("/api/stores/X1002/closing", new { closedOn = Today.AddYears(2).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Contains("more than 366 days", await far.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutJson("/api/stores/X1099/closing", new { closedOn = planned })).StatusCode);
        using var manager = await system.SignedIn("s0001");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutJson("/api/stores/S0001/closing", new { closedOn = planned })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.DeleteAsync("/api/stores/X1002/closing")).StatusCode);
        Assert.Equal(planned, (await (await admin.GetAsync("/api/stores/X1002")).Json())["openingHours"]!["closedFrom"]!.GetValue<string>());

        // The store page's card: a date that is none is refused in the reader's words; withdrawing the closing works.
        var typo = await PageForms.PostForm(admin, "/stores/X1002", "/stores/X1002?handler=closeDown", new() { ["closedOn"] = "12/31" });
        Assert.Contains("不是日期", await typo.Content.ReadAsStringAsync());
        await PageForms.PostForm(admin, "/stores/X1002", "/stores/X1002?handler=reopen", []);
        Assert.Null((await (await admin.GetAsync("/api/stores/X1002")).Json())["openingHours"]!["closedFrom"]);
    }

    [Fact]
    public async Task A_store_being_prepared_is_closed_by_its_hours_and_nobodys_peer_while_its_cameras_already_send()
    {
        using var admin = await system.SignedIn("admin");
        var credentials = await NewStoreWithDoor(admin, "X1003");
        var opens = Today.AddDays(14).ToString("yyyy-MM-dd");
        var set = await admin.PutJson("/api/stores/X1003/opening", new { opensOn = opens });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(opens, (await set.Json())["openingHours"]!["opensFrom"]!.GetValue<string>());

        var store = system.Grains.GetGrain<IStoreGrain>("X1003");
        var noon = Today.ToDateTime(new TimeOnly(12, 0));
        Assert.True(Assert.Single(await store.ClosedThroughout([noon], TimeSpan.FromHours(1))));
        // The installer's pictures are taken (the door line is drawn on them); the board lists it as being prepared.
        var upload = await PostPicture(credentials);
        Assert.EndsWith("202", upload.Output.Trim());
        Assert.Contains($"title=\"将于 {opens} 开业\"", await admin.GetStringAsync("/"));
        Assert.Contains("\"X1003\"", await admin.GetStringAsync("/api/stores?status=preparing&q=X1003"));
        Assert.DoesNotContain("\"X1003\"", await admin.GetStringAsync("/api/stores?status=trading&q=X1003"));
        var day = Today.ToString("yyyy-MM-dd");
        Assert.DoesNotContain("\"X1003\"", await admin.GetStringAsync($"/api/traffic/stores?region=EAST&from={day}&to={day}"));
        Assert.Equal("set-opening", (await (await admin.GetAsync("/api/audit?entity=store&key=X1003&limit=1")).Json())[0]!["action"]!.GetValue<string>());

        // It cannot close before it opens.
        var early = await admin.PutJson("/api/stores/X1003/closing", new { closedOn = Today.AddDays(7).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("after the store's opening date", await early.Content.ReadAsStringAsync());

        var cleared = await admin.DeleteAsync("/api/stores/X1003/opening");
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null((await cleared.Json())["openingHours"]!["opensFrom"]);
        Assert.False(Assert.Single(await store.ClosedThroughout([noon], TimeSpan.FromHours(1))));
        Assert.Contains($"\"X1003\"", await admin.GetStringAsync($"/api/traffic/stores?region=EAST&from={day}&to={day}"));
    }

    [Fact]
    public async Task On_the_day_a_planned_closing_comes_the_stores_grain_is_told_once()
    {
        using var admin = await system.SignedIn("admin");
        var credentials = await NewStoreWithDoor(admin, "X1004");
        using var device = system.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await MasterDataApiTests.Heartbeat(device, "CAM-X1004-E1", credentials.Split(':')[1])).StatusCode);
        var store = system.Grains.GetGrain<IStoreGrain>("X1004");
        Assert.Equal(new CameraCounts(1, 0), await store.GetCameraCounts());

        // As a closing planned last month finds it at midnight: on file, its grain told nothing since.
        await using (var connection = await system.Database.Database.Open())
            await connection.ExecuteAsync("UPDATE stores SET closed_on = @today WHERE code = 'X1004'", new { today = Today.ToDateTime(TimeOnly.MinValue) });
        Assert.Equal(new CameraCounts(1, 0), await store.GetCameraCounts());

        try
        {
            var turns = new StoreStageTurns(system.Grains, new StoreRepository(system.Database.Database), NullLogger<StoreStageTurns>.Instance);
            Assert.Contains("X1004", await turns.TellTurning(CancellationToken.None));
            Assert.Equal(new CameraCounts(0, 0), await store.GetCameraCounts());
            Assert.DoesNotContain("X1004", await turns.TellTurning(CancellationToken.None));
        }
        finally
        {
            // Other tests count the stores on the board and in the live list.
            Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync("/api/stores/X1004/closing")).StatusCode);
        }
    }

    [Fact]
    public async Task A_store_sheet_sets_and_clears_opening_and_closing_dates_refusing_a_closing_before_the_opening()
    {
        using var admin = await system.SignedIn("admin");
        Task<HttpResponseMessage> Import(string csv, bool change = false) =>
            admin.PostAsync("/api/stores/import" + (change ? "?change=true" : ""), new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        string Day(int days) => Today.AddDays(days).ToString("yyyy-MM-dd");
        async Task<(string? Opens, string? Closed)> Dates() =>
            (await (await admin.GetAsync("/api/stores/X1005")).Json())["openingHours"] is var h
                ? (h!["opensFrom"]?.GetValue<string>(), h["closedFrom"]?.GetValue<string>()) : default;

        // 50 new stores opening next quarter come on one sheet; here one, opening in 20 days.
        var created = await Import($"编码,名称,大区,城市,纬度,经度,开业日期\nX1005,表格开业店,EAST,上海,31.2,121.4,{Day(20)}\n");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal((Day(20), null), await Dates());
        Assert.Contains("\"X1005\"", await admin.GetStringAsync("/api/stores?status=preparing&q=X1005"));

        var early = await Import($"编码,闭店日期\nX1005,{Day(10)}\n", change: true);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("must come after", await early.Content.ReadAsStringAsync());
        var typo = await Import("编码,闭店日期\nX1005,明年\n", change: true);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Equal((Day(20), null), await Dates());

        // "-" clears the opening (it trades now); a closing a year on is set; a sheet without the columns keeps both.
        Assert.Equal(HttpStatusCode.OK, (await Import($"编码,开业日期,闭店日期\nX1005,-,{Day(300)}\n", change: true)).StatusCode);
        Assert.Equal((null, Day(300)), await Dates());
        Assert.Equal(HttpStatusCode.OK, (await Import("编码,员工数\nX1005,9\n", change: true)).StatusCode);
        Assert.Equal((null, Day(300)), await Dates());
        Assert.Equal(HttpStatusCode.OK, (await Import("编码,闭店日期\nX1005,-\n", change: true)).StatusCode);
    }
}
