using System.Net;

namespace SmartStore.Integration.Tests;

/// <summary>
/// The POS link: receipts pushed per store-local hour, refused whole when an hour is wrong, joined with the counted
/// traffic into conversion (成交率), and the hours where the till and the door disagree listed in the report and on the page.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PosTests(SmartStoreSystem system)
{
    private const string Store = "X0721";
    private static readonly DateTime Day = new(2025, 7, 7);

    [Fact]
    public async Task Receipts_make_conversion_and_an_hour_where_till_and_door_disagree_is_listed()
    {
        using var admin = await system.SignedIn("admin");
        var weekly = Enumerable.Repeat(new { open = "10:00", close = "22:00" }, 7).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", new
        {
            code = Store, name = "小票测试店", regionCode = "NORTH", city = "北京", address = "测试路4号", latitude = 39.9, longitude = 116.4,
            tags = new[] { "street" }, timeZone = "Asia/Shanghai", staffCount = 4, openingHours = new { weekly },
        })).StatusCode);
        // 10:00 twenty people and five receipts; 11:00 thirty people and no receipt; 14:00 three receipts with nobody there.
        var db = system.Database.Database;
        await TrafficHistory.Hour(db, Store, Day.AddHours(10), entries: 20, maxInside: 3);
        await TrafficHistory.Hour(db, Store, Day.AddHours(11), entries: 30, maxInside: 4);
        await TrafficHistory.Hour(db, Store, Day.AddHours(13), entries: 0);
        var pushed = await admin.PutJson($"/api/stores/{Store}/receipts", new
        {
            hours = new object[] { new { hour = "2025-07-07T10:00", receipts = 4, amount = 400m }, new { hour = "2025-07-07T14:00", receipts = 3, amount = 99.5m } },
        });
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        // The integration sends 10:00 again, corrected: the hour is replaced, not added to.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{Store}/receipts", new { hours = new[] { new { hour = "2025-07-07T10:00", receipts = 5, amount = 500m } } })).StatusCode);

        var report = await (await admin.GetAsync($"/api/traffic/report?store={Store}&from=2025-07-07&to=2025-07-07&by=hour")).Json();
        var rows = report["rows"]!.AsArray().ToDictionary(r => DateTime.Parse(r!["period"]!.GetValue<string>()).Hour, r => r!);
        Assert.Equal((5, 0.25), (rows[10]["receipts"]!.GetValue<int>(), rows[10]["conversion"]!.GetValue<double>()));
        Assert.Null(rows[11]["receipts"]);
        Assert.Equal((3, 0), (rows[14]["receipts"]!.GetValue<int>(), rows[14]["entries"]!.GetValue<int>())); // receipts with no counted traffic still show
        Assert.Equal((8, 0.16), (report["total"]!["receipts"]!.GetValue<int>(), report["total"]!["conversion"]!.GetValue<double>()));
        var mismatches = report["mismatches"]!.AsArray().Select(m => (DateTime.Parse(m!["hourLocal"]!.GetValue<string>()).Hour, m["kind"]!.GetValue<string>())).ToList();
        Assert.Equal([(14, "receipts-without-people"), (11, "people-without-receipts")], mismatches);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/traffic?store={Store}&from=2025-07-07&to=2025-07-07&by=hour"));
        Assert.Contains("成交率", page);
        Assert.Contains("data-kind=\"receipts-without-people\"", page);
        Assert.Contains("有小票无人", page);
    }

    [Theory]
    [InlineData("{}", "hours is required")]
    [InlineData("""{"hours":[{"hour":"2025-07-07T10:30","receipts":1,"amount":1}]}""", "must be a store-local hour")]
    [InlineData("""{"hours":[{"hour":"2025-07-07T10:00","receipts":-1,"amount":1}]}""", "receipts must be 0 to 100000")]
    [InlineData("""{"hours":[{"hour":"2025-07-07T10:00","receipts":1}]}""", "amount must be 0 or more")]
    [InlineData("""{"hours":[{"hour":"2025-07-07T10:00","receipts":1,"amount":1},{"hour":"2025-07-07T10:00","receipts":2,"amount":2}]}""", "is given twice")]
    public async Task A_push_with_a_bad_hour_is_refused_whole_with_the_reason(string body, string reason)
    {
        using var admin = await system.SignedIn("admin");
        var response = await admin.PutRaw("/api/stores/S0001/receipts", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Receipts_rung_while_people_came_in_outside_the_hours_on_file_are_not_receipts_without_people()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0747", "NORTH"))).StatusCode);
        // Open 10:00 on file, trading at 08:00: six people came in (off-hours entries) and two receipts were rung. At 14:00
        // three receipts with nobody there.
        await TrafficHistory.Hour(system.Database.Database, "X0747", Day.AddHours(8), entries: 0, offHours: 6);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/stores/X0747/receipts", new
        {
            hours = new[] { new { hour = "2025-07-07T08:00", receipts = 2, amount = 20m }, new { hour = "2025-07-07T14:00", receipts = 3, amount = 30m } },
        })).StatusCode);
        var report = await (await admin.GetAsync("/api/traffic/report?store=X0747&from=2025-07-07&to=2025-07-07&by=hour")).Json();
        var mismatches = report["mismatches"]!.AsArray().Select(m => (DateTime.Parse(m!["hourLocal"]!.GetValue<string>()).Hour, m["kind"]!.GetValue<string>()));
        Assert.Equal([(14, "receipts-without-people")], mismatches);
    }

    [Fact]
    public async Task Receipts_rung_while_the_store_was_closed_by_its_hours_are_left_out_of_conversion()
    {
        using var admin = await system.SignedIn("admin");
        // Open 10:00–22:00 on file (the new store's hours), so entries at 08:00 would be off-hours entries, no customers.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0748", "NORTH"))).StatusCode);
        await TrafficHistory.Hour(system.Database.Database, "X0748", Day.AddHours(21), entries: 10);
        // 08:00 two online orders handed over before opening; 21:00 four sales; 22:00 one, within the quarter hour's grace
        // after closing (the door's rule too), so it was trading.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/stores/X0748/receipts", new
        {
            hours = new[]
            {
                new { hour = "2025-07-07T08:00", receipts = 2, amount = 20m }, new { hour = "2025-07-07T21:00", receipts = 4, amount = 40m },
                new { hour = "2025-07-07T22:00", receipts = 1, amount = 10m },
            },
        })).StatusCode);
        var report = await (await admin.GetAsync("/api/traffic/report?store=X0748&from=2025-07-07&to=2025-07-07&by=hour")).Json();
        var hours = report["rows"]!.AsArray().ToDictionary(r => DateTime.Parse(r!["period"]!.GetValue<string>()).Hour, r => r!["offHoursReceipts"]!.GetValue<int>());
        Assert.Equal(new Dictionary<int, int> { [8] = 2, [21] = 0, [22] = 0 }, hours);
        // All seven receipts are reported; conversion weighs the five rung while trading against the ten entries.
        Assert.Equal((7, 2, 0.5), (report["total"]!["receipts"]!.GetValue<int>(), report["total"]!["offHoursReceipts"]!.GetValue<int>(),
            report["total"]!["conversion"]!.GetValue<double>()));

        // Receipts one by one (收银追溯) are judged by the minute they were rung: 09:40 is before the grace before opening.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/stores/X0748/sales", new
        {
            receipts = new[] { Sale("T1", "2025-07-08T09:40:00"), Sale("T2", "2025-07-08T09:50:00"), Sale("T3", "2025-07-08T12:00:00") },
        })).StatusCode);
        var next = await (await admin.GetAsync("/api/traffic/report?store=X0748&from=2025-07-08&to=2025-07-08&by=hour")).Json();
        Assert.Equal([(9, 2, 1), (12, 1, 0)], next["rows"]!.AsArray().Select(r => (DateTime.Parse(r!["period"]!.GetValue<string>()).Hour,
            r["receipts"]!.GetValue<int>(), r["offHoursReceipts"]!.GetValue<int>())));
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/traffic?store=X0748&from=2025-07-07&to=2025-07-07&culture=en"));
        Assert.Contains("2 rung while closed", page);

        static object Sale(string number, string at) =>
            new { number, at, cashier = "店长", items = new object[] { new { name = "T恤", quantity = 1, unitPrice = 39 } } };
    }

    [Fact]
    public async Task Only_head_office_pushes_receipts_and_only_for_a_store_that_exists()
    {
        var hours = new { hours = new[] { new { hour = "2025-07-07T10:00", receipts = 1, amount = 1m } } };
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutJson("/api/stores/S9999/receipts", hours)).StatusCode);
        using var storeManager = await system.SignedIn("s0001");
        Assert.Equal(HttpStatusCode.Forbidden, (await storeManager.PutJson("/api/stores/S0001/receipts", hours)).StatusCode);
    }
}
