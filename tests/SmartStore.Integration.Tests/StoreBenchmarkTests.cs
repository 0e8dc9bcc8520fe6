using System.Net;
using MiniExcelLibs;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Integration.Tests;

/// <summary>
/// 门店对标 end to end: hourly history in PostgreSQL → each store against the chain's stores of its type and its own week
/// before, in the API, the traffic page (both languages) and the Excel export, within the viewer's scope.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StoreBenchmarkTests(SmartStoreSystem system)
{
    // A week long past, where no other test writes traffic; the week before it is the comparison.
    private static readonly DateOnly Monday = new(2025, 6, 2);

    [Fact]
    public async Task A_store_far_below_its_peers_is_flagged_and_the_chain_is_its_benchmark_whatever_the_viewer_sees()
    {
        using var admin = await system.SignedIn("admin");
        // Three community stores with a normal week, one of them (X0703) closing early this week: 40 a day instead of 100,
        // from as many passers-by; a fourth that counted nothing; a fifth whose in-store camera counted people inside but
        // whose door counted nobody; two street stores, which count no passers-by.
        foreach (var (code, tag) in new[] { ("X0701", "community"), ("X0702", "community"), ("X0703", "community"), ("X0704", "street"), ("X0705", "street"),
            ("X0706", "community"), ("X0707", "community") })
            await NewStore(admin, code, tag);
        await Week("X0701", Monday, entries: 100, passersBy: 400);
        await Week("X0702", Monday, entries: 100, passersBy: 400);
        await Week("X0703", Monday, entries: 40, passersBy: 560);
        await Week("X0703", Monday.AddDays(-7), entries: 100, passersBy: 400);
        await Week("X0704", Monday, entries: 50, passersBy: 0);
        await Week("X0705", Monday, entries: 50, passersBy: 0);
        for (var day = 0; day < 7; day++)
            await TrafficHistory.Hour(system.Database.Database, "X0707", Monday.AddDays(day).ToDateTime(new TimeOnly(12, 0)), entries: 0, maxInside: 12);

        var period = $"from={Monday:yyyy-MM-dd}&to={Monday.AddDays(6):yyyy-MM-dd}";
        var result = await (await admin.GetAsync($"/api/traffic/stores?{period}")).Json();
        Assert.Equal($"{Monday.AddDays(-7):yyyy-MM-dd}", result["beforeFrom"]!.GetValue<string>());
        var community = result["groups"]!.AsArray().Single(g => g!["type"]?.GetValue<string>() == "community")!;
        Assert.Equal((3, 80.0), (community["stores"]!.GetValue<int>(), community["dailyEntries"]!.GetValue<double>()));
        var stores = result["stores"]!.AsArray().ToDictionary(s => s!["code"]!.GetValue<string>(), s => s!);
        string Flags(string code) => string.Join(' ', stores[code]["flags"]!.AsArray().Select(f => f!.GetValue<string>()));

        Assert.Equal(0.5, stores["X0703"]["peerIndex"]!.GetValue<double>());
        Assert.Equal("below-peers entry-rate-low entries-drop", Flags("X0703"));
        Assert.Equal(-0.6, stores["X0703"]["entriesChange"]!.GetValue<double>());
        // 125 % of the average and an entry rate 29 % above it: inside the 30 % either way.
        Assert.Equal((1.25, ""), (stores["X0701"]["peerIndex"]!.GetValue<double>(), Flags("X0701")));
        Assert.Equal("no-traffic", Flags("X0706"));
        // Its door counted nobody all week: nothing counted, not a store at 0 % of its peers (nor one lowering their average).
        Assert.Equal("no-traffic", Flags("X0707"));
        Assert.Null(stores["X0707"]["peerIndex"]);
        // Two street stores of 50 a day: each is the average; without passers-by, no entry rate to judge.
        Assert.Equal(1.0, stores["X0704"]["peerIndex"]!.GetValue<double>());
        Assert.Null(stores["X0704"]["entryRate"]);
        Assert.Equal("", Flags("X0704"));
        // Furthest below its peers first.
        Assert.Equal("X0703", result["stores"]!.AsArray().First(s => s!["peerIndex"] is not null)!["code"]!.GetValue<string>());

        // 区域维度 on the page: the North's five counting stores added up (2,380 entries, 9,520 passers-by, 20 %), the other
        // regions' stores counted nothing that week.
        var regionsPage = WebUtility.HtmlDecode(await admin.GetStringAsync($"/traffic?{period}"));
        var north = System.Text.RegularExpressions.Regex.Match(regionsPage, "<tr data-region=\"NORTH\">[\\s\\S]*?</tr>").Value;
        Assert.Contains("<td class=\"num\">5 / ", north);
        Assert.Contains("<td class=\"num\">2380</td><td class=\"num\">9520</td>", north);
        Assert.Contains("20.0%", north);
        Assert.Matches("<tr data-region=\"EAST\">[\\s\\S]*?<td class=\"num\">0 / \\d+</td>", regionsPage);

        // A region manager sees only the region's stores, judged against the same chain-wide averages.
        using var east = await system.SignedIn("east");
        var theirs = await (await east.GetAsync($"/api/traffic/stores?{period}")).Json();
        Assert.All(theirs["stores"]!.AsArray(), s => Assert.Equal("EAST", s!["regionCode"]!.GetValue<string>()));
        Assert.Equal(80.0, theirs["groups"]!.AsArray().Single(g => g!["type"]?.GetValue<string>() == "community")!["dailyEntries"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync($"/api/traffic/stores?store=X0703&{period}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await east.GetAsync("/api/traffic/stores?from=2025-06-09&to=2025-06-02")).StatusCode);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/traffic?region=NORTH&{period}"));
        Assert.Contains("data-store=\"X0703\" data-flags=\"below-peers entry-rate-low entries-drop\"", page);
        Assert.Contains("低于同类", page);
        Assert.Contains("Entries dropping", await admin.GetStringAsync($"/traffic?region=NORTH&{period}&culture=en"));

        var workbook = await admin.GetByteArrayAsync($"/api/traffic/report.xlsx?region=NORTH&{period}");
        using var stream = new MemoryStream(workbook);
        var rows = stream.Query(useHeaderRow: true, sheetName: "stores").Cast<IDictionary<string, object?>>().ToList();
        var closing = rows.Single(r => (string?)r["门店 store"] == "X0703");
        Assert.Equal("below-peers entry-rate-low entries-drop", closing["提示 flags"]);
        // The chain's workbook adds the regions up, as the page does.
        using var chainBook = new MemoryStream(await admin.GetByteArrayAsync($"/api/traffic/report.xlsx?{period}"));
        var northRow = chainBook.Query(useHeaderRow: true, sheetName: "regions").Cast<IDictionary<string, object?>>().Single(r => (string?)r["大区 region"] == "NORTH");
        Assert.Equal(2380, Convert.ToInt32(northRow["进店 entries"]));
    }

    [Fact]
    public async Task A_day_its_door_camera_was_blind_for_a_spell_of_its_hours_is_partly_counted_and_left_out_of_its_entries_a_day()
    {
        // Two mall stores, 100 entries a day for two weeks; in the second, X0708's door camera was offline 14:00–20:00 on
        // Wednesday (half its 10:00–22:00 hours), when it counted 40.
        using var admin = await system.SignedIn("admin");
        var monday = new DateOnly(2025, 4, 7);
        foreach (var code in new[] { "X0708", "X0709" })
        {
            await NewStore(admin, code, "mall");
            foreach (var (camera, kind) in new[] { ($"CAM-{code}-E1", "entrance"), ($"CAM-{code}-I1", "interior") })
                Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/cameras", new { code = camera, kind, storeCode = code })).StatusCode);
            await Week(code, monday.AddDays(-7), entries: 100, passersBy: 300);
            for (var day = 0; day < 7; day++)
                await TrafficHistory.Hour(system.Database.Database, code, monday.AddDays(day).ToDateTime(new TimeOnly(12, 0)),
                    entries: code == "X0708" && day == 2 ? 40 : 100, passersBy: code == "X0708" && day == 2 ? 120 : 300);
        }
        var incidents = new CameraIncidents(system.Database.Database);
        async Task Incident(string camera, string kind, DateOnly day, int fromHour, DateOnly endDay, int toHour, int toMinute = 0)
        {
            await incidents.Open(camera, kind, Shanghai(day, fromHour, 0));
            await incidents.Close(camera, kind, Shanghai(endDay, toHour, toMinute));
        }
        await Incident("CAM-X0708-E1", "offline", monday.AddDays(2), 14, monday.AddDays(2), 20);
        // What costs no count: X0709's door camera silent overnight (22:30 to 09:30) and blocked for half an hour (4 % of a
        // day), its in-store camera offline all Thursday.
        await Incident("CAM-X0709-E1", "offline", monday.AddDays(3), 22, monday.AddDays(4), 9, 30);
        await Incident("CAM-X0709-E1", "blocked", monday.AddDays(4), 15, monday.AddDays(4), 15, 30);
        await Incident("CAM-X0709-I1", "offline", monday.AddDays(3), 0, monday.AddDays(4), 0);

        var period = $"from={monday:yyyy-MM-dd}&to={monday.AddDays(6):yyyy-MM-dd}";
        var result = await (await admin.GetAsync($"/api/traffic/stores?{period}")).Json();
        var stores = result["stores"]!.AsArray().ToDictionary(s => s!["code"]!.GetValue<string>(), s => s!);
        var blind = stores["X0708"];
        // Its week's entries are all it counted, its entries a day those of its six whole days: not 91 a day, "dropping" 9 %.
        Assert.Equal((7, 640, 100.0, 1), (blind["days"]!.GetValue<int>(), blind["entries"]!.GetValue<int>(),
            blind["dailyEntries"]!.GetValue<double>(), blind["partlyCountedDays"]!.GetValue<int>()));
        Assert.Equal(["partly-counted"], blind["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal((1.0, 0.0), (blind["peerIndex"]!.GetValue<double>(), blind["entriesChange"]!.GetValue<double>()));
        Assert.Equal((0, 0), (stores["X0709"]["partlyCountedDays"]!.GetValue<int>(), stores["X0709"]["flags"]!.AsArray().Count));
        Assert.Equal(100.0, result["groups"]!.AsArray().Single(g => g!["type"]?.GetValue<string>() == "mall")!["dailyEntries"]!.GetValue<double>());

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/traffic?region=NORTH&{period}"));
        Assert.Contains("data-store=\"X0708\" data-flags=\"partly-counted\"", page);
        Assert.Contains("计数不全", page);
        Assert.Contains("离线或画面故障超过 10%", page);
        using var stream = new MemoryStream(await admin.GetByteArrayAsync($"/api/traffic/report.xlsx?store=X0708&{period}"));
        var row = stream.Query(useHeaderRow: true, sheetName: "stores").Cast<IDictionary<string, object?>>().Single(r => (string?)r["门店 store"] == "X0708");
        Assert.Equal(1, Convert.ToInt32(row["计数不全天数 days partly counted"]));
    }

    [Fact]
    public void A_door_outage_counts_against_the_hours_it_falls_in_today_up_to_now_and_past_midnight_against_the_day_it_began()
    {
        // Open 18:00–02:00; the door camera is offline 00:30–02:30 after Monday's evening (1.5 of Monday's 8 hours, the
        // 00:30–02:00 part falling after midnight but within Monday's hours), then from 18:00 on Tuesday, still so at 18:30.
        var hours = OpeningHours.Daily(new TimeOnly(18, 0), new TimeOnly(2, 0));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var monday = new DateOnly(2025, 4, 7);
        var outages = new[]
        {
            new DoorGaps.Outage("A", Shanghai(monday.AddDays(1), 0, 30), Shanghai(monday.AddDays(1), 2, 30), hours, zone),
            new DoorGaps.Outage("A", Shanghai(monday.AddDays(1), 18, 0), null, hours, zone),
        };
        var now = Shanghai(monday.AddDays(1), 18, 30);
        Assert.Equal([("A", monday), ("A", monday.AddDays(1))], DoorGaps.Days(outages, monday.AddDays(-1), monday.AddDays(1), now, 0.1));
        // 1.5 of 8 hours is under a fifth: at that share only Tuesday's half hour, all of its hours so far, is partly counted.
        Assert.Equal([("A", monday.AddDays(1))], DoorGaps.Days(outages, monday, monday.AddDays(1), now, 0.2));
    }

    private static DateTime Shanghai(DateOnly day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Fact]
    public void A_period_still_going_is_not_compared_with_the_one_before_and_a_store_alone_in_its_type_is_not_judged()
    {
        StoreTotal Total(string code, string type, int entries) => new(code, code, "NORTH", type, true, 1, entries, 3 * entries, entries, null);
        // Mall stores average 93.3 a day: A at 129 % is inside the default 30 %, B at 54 % is not.
        var now = new[] { Total("A", "mall", 120), Total("B", "mall", 50), Total("D", "mall", 110), Total("C", "flagship", 10) };
        var (_, stores) = StoreBenchmark.Compare(now, [], new StoreBenchmarkOptions());
        Assert.Equal(["below-peers"], stores.Single(s => s.Code == "B").Flags);
        Assert.Empty(stores.Single(s => s.Code == "A").Flags);
        Assert.Empty(stores.Single(s => s.Code == "C").Flags); // its own average
        Assert.Null(stores.Single(s => s.Code == "B").EntriesChange);

        // A stricter setting (20 %) flags A too; a period before with too few entries a day to judge from is not compared.
        var before = new[] { Total("A", "mall", 15) };
        var strict = StoreBenchmark.Compare(now, before, new StoreBenchmarkOptions { PeerDeviation = 0.2 }).Stores;
        Assert.Equal(["above-peers"], strict.Single(s => s.Code == "A").Flags);
        Assert.Null(strict.Single(s => s.Code == "A").EntriesChange);
    }

    private static async Task NewStore(HttpClient admin, string code, string tag)
    {
        var weekly = Enumerable.Repeat(new { open = "10:00", close = "22:00" }, 7).ToArray();
        var created = await admin.PostJson("/api/stores", new
        {
            code, name = $"对标{code}", regionCode = "NORTH", city = "北京", address = "测试路2号", latitude = 39.9, longitude = 116.4,
            tags = new[] { tag }, timeZone = "Asia/Shanghai", staffCount = 4, openingHours = new { weekly },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    /// <summary>A week of one hour's traffic a day (its noon), as the store grain writes it.</summary>
    private async Task Week(string store, DateOnly monday, int entries, int passersBy)
    {
        for (var day = 0; day < 7; day++)
            await TrafficHistory.Hour(system.Database.Database, store, monday.AddDays(day).ToDateTime(new TimeOnly(12, 0)), entries, passersBy);
    }
}
