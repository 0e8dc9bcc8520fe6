using System.Net;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Analysis;

namespace SmartStore.Integration.Tests;

/// <summary>
/// 门店分析 on a store with four weeks of history in PostgreSQL: yesterday against its forecast, customers per staff member
/// from the store's head count and then from its shifts (排班), its weekday profile, rank and monthly trend; the page in
/// both languages; bad days and shifts refused with reasons.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StoreAnalysisTests(SmartStoreSystem system)
{
    private const string Store = "X0741", Peer = "X0742";
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_day_is_judged_against_its_forecast_and_its_staff_hour_by_hour()
    {
        using var admin = await system.SignedIn("admin");
        var weekly = Enumerable.Repeat(new { open = "10:00", close = "22:00" }, 7).ToArray();
        foreach (var code in new[] { Store, Peer })
        {
            var created = await admin.PostJson("/api/stores", new
            {
                code, name = $"分析测试店 {code}", regionCode = "EAST", city = "上海", latitude = 31.2, longitude = 121.5, tags = new[] { "mall" },
                timeZone = "Asia/Shanghai", staffCount = 6, openingHours = new { weekly },
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        // Yesterday: 8 an hour, 60 at 14:00. The same weekday of the four weeks before: 10 an hour, 30 at 14:00.
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai)).AddDays(-1);
        async Task Day(string store, DateOnly date, int perHour, int at14)
        {
            for (var h = 10; h < 22; h++) await TrafficHistory.Hour(system.Database.Database, store, date.ToDateTime(new TimeOnly(h, 0)), h == 14 ? at14 : perHour, passersBy: 90);
        }
        await Day(Store, day, 8, 60);
        await Day(Peer, day, 8, 61);
        for (var w = 1; w <= 4; w++) await Day(Store, day.AddDays(-7 * w), 10, 30);
        await Day(Store, day.AddDays(-1), 5, 5);
        await Day(Store, day.AddDays(-2), 5, 5);

        var a = await (await admin.GetAsync($"/api/stores/{Store}/analysis?day={day:yyyy-MM-dd}")).Json();
        Assert.Null(a["nowHour"]);
        Assert.Equal(30.0, a["forecast"]![14]!.GetValue<double>());
        Assert.Equal(10.0, a["forecast"]![10]!.GetValue<double>());
        Assert.Equal(148, a["entriesSoFar"]!.GetValue<int>());
        Assert.Equal(140.0, a["forecastSoFar"]!.GetValue<double>());
        Assert.Equal(0.057, a["againstForecast"]!.GetValue<double>());
        // The four weeks were alike: the usual range is the forecast itself, and yesterday's 148 above all of them.
        Assert.Equal((30.0, 30.0), (a["forecastLow"]![14]!.GetValue<double>(), a["forecastHigh"]![14]!.GetValue<double>()));
        Assert.Equal((140.0, 4, "above"), (a["usualSoFar"]!["high"]!.GetValue<double>(), a["usualSoFar"]!["days"]!.GetValue<int>(), a["againstUsual"]!.GetValue<string>()));
        Assert.False(a["staffFromShifts"]!.GetValue<bool>());
        var byHour = a["staffing"]!.AsArray().ToDictionary(h => h!["hour"]!.GetValue<int>(), h => h!);
        Assert.Equal(12, byHour.Count);
        Assert.Equal("optimal", byHour[14]["verdict"]!.GetValue<string>());        // 60 ÷ 6 = 10
        Assert.Equal("overstaffed", byHour[10]["verdict"]!.GetValue<string>());    // 8 ÷ 6 = 1.3
        Assert.Equal(6, a["weekdayDays"]!.GetValue<int>() + a["weekendDays"]!.GetValue<int>());
        var rank = a["monthRank"]!;
        var peerRank = (await (await admin.GetAsync($"/api/stores/{Peer}/analysis?day={day:yyyy-MM-dd}")).Json())["monthRank"]!;
        // The peer came in more a day this month: ranked above (other tests' stores may rank between them; exact ranks: the unit test).
        Assert.True(peerRank["inType"]!.GetValue<int>() < rank["inType"]!.GetValue<int>());
        Assert.True(peerRank["inRegion"]!.GetValue<int>() < rank["inRegion"]!.GetValue<int>());
        Assert.Equal(rank["typeCount"]!.GetValue<int>(), peerRank["typeCount"]!.GetValue<int>());
        var month = a["months"]!.AsArray().Single(m => m!["month"]!.GetValue<string>() == day.ToString("yyyy-MM"))!;
        Assert.True(month["entries"]!.GetValue<int>() >= 148);

        // Shifts: two at midday, one in the evening — 14:00 is now understaffed (60 ÷ 2), 17:00 fine (8 ÷ 1).
        foreach (var shift in new[] { new { starts = "10:00", ends = "16:00", staff = 2 }, new { starts = "16:00", ends = "22:00", staff = 1 } })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJson($"/api/stores/{Store}/shifts", new { weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, shift.starts, shift.ends, shift.staff })).StatusCode);
        a = await (await admin.GetAsync($"/api/stores/{Store}/analysis?day={day:yyyy-MM-dd}")).Json();
        Assert.True(a["staffFromShifts"]!.GetValue<bool>());
        byHour = a["staffing"]!.AsArray().ToDictionary(h => h!["hour"]!.GetValue<int>(), h => h!);
        Assert.Equal("understaffed", byHour[14]["verdict"]!.GetValue<string>());
        Assert.Equal("optimal", byHour[17]["verdict"]!.GetValue<string>());

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/stores/{Store}/analysis?day={day:yyyy-MM-dd}"));
        Assert.Matches("data-hour=\"14\" data-verdict=\"understaffed\"[\\s\\S]*?人手不足", page);
        Assert.Contains("+6%", page);
        Assert.Contains("data-usual=\"above\"", page);
        Assert.Contains("往常 140–140（4 个同一星期几）", page);
        Assert.Contains("Understaffed", await admin.GetStringAsync($"/stores/{Store}/analysis?day={day:yyyy-MM-dd}&culture=en"));

        // The page's own form adds a shift; its delete button removes it.
        var added = await PageForms.PostForm(admin, $"/stores/{Store}/analysis", $"/stores/{Store}/analysis?handler=Shift",
            new Dictionary<string, string> { ["weekdays"] = "6", ["starts"] = "12:00", ["ends"] = "14:30", ["staff"] = "4" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var shifts = (await (await admin.GetAsync($"/api/stores/{Store}/shifts")).Json())["shifts"]!.AsArray();
        var saturday = shifts.Single(s => s!["starts"]!.GetValue<string>() == "12:00")!;
        Assert.Equal([6], saturday["weekdays"]!.AsArray().Select(d => d!.GetValue<int>()));
        var removed = await PageForms.PostForm(admin, $"/stores/{Store}/analysis", $"/stores/{Store}/analysis?handler=DeleteShift&id={saturday["id"]}",
            new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(2, (await (await admin.GetAsync($"/api/stores/{Store}/shifts")).Json())["shifts"]!.AsArray().Count);
    }

    [Fact]
    public async Task Each_stores_entry_rate_is_followed_month_by_month_on_the_report_and_in_excel()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0751", region: "WEST"))).StatusCode);
        // Seed 001's store: 2 % of passers-by came in, then 4 %; nothing counted last month; 8 % this month.
        var thisMonth = new DateOnly(2026, 9, 1);
        foreach (var (month, entries) in new[] { (-3, 2), (-2, 4), (0, 8) })
            await TrafficHistory.Hour(system.Database.Database, "X0751", thisMonth.AddMonths(month).AddDays(2).ToDateTime(new TimeOnly(11, 0)), entries, passersBy: 100 - entries);

        var trend = await (await admin.GetAsync("/api/traffic/entry-rate-trend?store=X0751&to=2026-09-20")).Json();
        Assert.Equal(["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"], trend["months"]!.AsArray().Select(m => m!.GetValue<string>()));
        var rates = trend["stores"]!.AsArray().Single()!["entryRates"]!.AsArray().Select(r => r?.GetValue<double>()).ToList();
        Assert.Equal([null, null, null, 0.02, 0.04, null, 0.08], rates);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/traffic?store=X0751&from=2026-09-01&to=2026-09-20"));
        Assert.Matches("id=\"entry-rate-trend\"[\\s\\S]*?data-store=\"X0751\"[\\s\\S]*?<svg class=\"spark\"[^>]*><polyline points=\"[^\"]+\" /><circle [\\s\\S]*?2.00%[\\s\\S]*?4.00%[\\s\\S]*?8.00%", page);

        using var stream = new MemoryStream(await admin.GetByteArrayAsync("/api/traffic/report.xlsx?store=X0751&from=2026-09-01&to=2026-09-20"));
        var row = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "entry-rate trend").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("X0751", row["门店 store"]);
        Assert.Equal(0.08, Convert.ToDouble(row["2026-09 进店率 entry rate"]));
    }

    [Fact]
    public async Task Traffic_is_read_by_the_weather_of_the_stores_city_as_the_integration_pushed_it()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", new
        {
            code = "X0743", name = "天气测试店", regionCode = "WEST", city = "雨城", latitude = 30.0, longitude = 120.0, tags = new[] { "street" },
        })).StatusCode);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai));
        // Six sunny days of 100, two rainy days of 40; a day without weather (70) is left out.
        for (var d = 1; d <= 9; d++)
            await TrafficHistory.Hour(system.Database.Database, "X0743", today.AddDays(-d).ToDateTime(new TimeOnly(12, 0)), d <= 6 ? 100 : d <= 8 ? 40 : 70);
        var days = Enumerable.Range(1, 8).Select(d => new { city = "雨城", day = today.AddDays(-d).ToString("yyyy-MM-dd"), condition = d <= 6 ? "sunny" : "rain", high = 12.5, low = 6 }).ToArray();
        var pushed = await admin.PutJson("/api/weather", new { days });
        Assert.True(pushed.StatusCode == HttpStatusCode.OK, await pushed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/weather", new { days })).StatusCode);    // again: replaced, not doubled

        var a = await (await admin.GetAsync($"/api/stores/X0743/analysis?day={today.AddDays(-1):yyyy-MM-dd}")).Json();
        var byWeather = a["byWeather"]!.AsArray().ToDictionary(w => w!["condition"]!.GetValue<string>(), w => w!);
        Assert.Equal(6, byWeather["sunny"]["days"]!.GetValue<int>());
        Assert.Equal(100.0, byWeather["sunny"]["entriesPerDay"]!.GetValue<double>());
        Assert.Equal(40.0, byWeather["rain"]["entriesPerDay"]!.GetValue<double>());
        Assert.Equal(85.0, a["weatherMean"]!.GetValue<double>());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/stores/X0743/analysis?day={today.AddDays(-1):yyyy-MM-dd}"));
        Assert.Matches("data-weather=\"rain\"><td>雨</td><td class=\"num\">2</td><td class=\"num\">40.0</td>\\s*<td class=\"num\"><span class=\"index down\">-53%", page);

        var bad = await admin.PutJson("/api/weather", new { days = new object[]
        {
            new { city = "雨城", day = "2026-02-30", condition = "sunny" },
            new { city = "雨城", day = "2026-11-01", condition = "hail" },
            new { city = "雨城", day = "2026-11-02", condition = "rain", high = 5, low = 9 },
            new { city = "", day = "2026-11-03", condition = "rain" },
        } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var detail = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "days[0].day", "days[1].condition", "days[2].low", "days[3].city" }) Assert.Contains($"\"{field}\"", detail);
        using var east = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PutJson("/api/weather", new { days })).StatusCode);
    }

    [Fact]
    public async Task Bad_days_and_shifts_are_refused_with_their_reasons()
    {
        using var admin = await system.SignedIn("admin");
        using var east = await system.SignedIn("east");
        using var analyst = await system.SignedIn("analyst");
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai)).AddDays(2);
        Assert.Contains("is after the store's today", await (await admin.GetAsync($"/api/stores/S0001/analysis?day={tomorrow:yyyy-MM-dd}")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/stores/S0001/analysis?day=2026-02-30")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/stores/NOPE/analysis")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync("/api/stores/S0018/analysis")).StatusCode);

        var bad = await admin.PostJson("/api/stores/S0001/shifts", new { weekdays = new[] { 9 }, starts = "18:00", ends = "18:00", staff = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var detail = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "weekdays", "ends", "staff" }) Assert.Contains($"\"{field}\"", detail);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJson("/api/stores/S0001/shifts", new { weekdays = new[] { 1 }, starts = "9am", ends = "17:00", staff = 2 })).StatusCode);
        // A late shift past midnight is a shift (the next day's 01:00), kept as such.
        var overnight = await admin.PostJson("/api/stores/S0001/shifts", new { weekdays = new[] { 5 }, starts = "20:00", ends = "01:00", staff = 2 });
        Assert.Equal(HttpStatusCode.Created, overnight.StatusCode);
        Assert.Equal("01:00", (await overnight.Json())["ends"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/stores/S0001/shifts/{(await overnight.Json())["id"]}")).StatusCode);
        var good = new { weekdays = new[] { 1 }, starts = "09:00", ends = "17:00", staff = 2 };
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostJson("/api/stores/S0001/shifts", good)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PostJson("/api/stores/S0018/shifts", good)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/stores/S0001/shifts/987654321")).StatusCode);
    }

    [Fact]
    public void Shifts_count_by_the_share_of_the_hour_and_hours_ahead_use_the_forecast()
    {
        var shift = new StoreShift(1, "S", Weekdays.Every, new TimeOnly(10, 30), new TimeOnly(12, 0), 4);
        Assert.Equal(0, shift.OnDutyIn(9));
        Assert.Equal(2, shift.OnDutyIn(10));
        Assert.Equal(4, shift.OnDutyIn(11));
        Assert.Equal(0, shift.OnDutyIn(12));
        // A Friday late shift to 01:30 is on duty on Saturday's first hour and a half, not on Friday's.
        var late = new StoreShift(2, "S", Weekdays.Friday, new TimeOnly(18, 0), new TimeOnly(1, 30), 2);
        var store = new Store("S", "s", "EAST", "上海", "", 0, 0, ["mall"], OpeningHours.AlwaysOpen, "Asia/Shanghai", 0);
        var (friday, _) = Staffing.OnDuty(store, [late], new DateOnly(2026, 12, 4));
        var (saturday, _) = Staffing.OnDuty(store, [late], new DateOnly(2026, 12, 5));
        Assert.Equal((0.0, 2.0, 2.0), (friday[0], friday[18], friday[23]));
        Assert.Equal((2.0, 1.0, 0.0), (saturday[0], saturday[1], saturday[18]));

        var onDuty = new double[24];
        onDuty[10] = onDuty[11] = onDuty[12] = 2;
        var entries = new int[24];
        entries[10] = 30;
        var forecast = new double[24];
        forecast[11] = 1; forecast[12] = 50;
        var hours = Staffing.Judge(onDuty, entries, forecast, nowHour: 11, new StaffingOptions());
        Assert.Equal([(10, "understaffed", false), (11, "overstaffed", true), (12, "understaffed", true)], hours.Select(h => (h.Hour, h.Verdict, h.Forecast)));
        // Without a forecast, the hours still to come are left out rather than judged on nothing.
        Assert.Equal([10], Staffing.Judge(onDuty, entries, null, nowHour: 11, new StaffingOptions()).Select(h => h.Hour));
    }

    [Fact]
    public async Task A_day_its_door_camera_was_blind_for_a_spell_is_not_part_of_the_forecast()
    {
        // The same weekday of the four weeks before: 10 an hour, 30 at 14:00 — but two weeks back the door camera was offline
        // from 14:00 to 21:00 and counted 2 an hour then: that day would make the 14:00 forecast 23.
        using var admin = await system.SignedIn("admin");
        var weekly = Enumerable.Repeat(new { open = "10:00", close = "22:00" }, 7).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", new
        {
            code = "X0744", name = "分析测试店 X0744", regionCode = "EAST", city = "上海", latitude = 31.2, longitude = 121.5, tags = new[] { "street" },
            timeZone = "Asia/Shanghai", staffCount = 4, openingHours = new { weekly },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/cameras", new { code = "CAM-X0744-E1", kind = "entrance", storeCode = "X0744" })).StatusCode);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai)).AddDays(-1);
        var blindDay = day.AddDays(-14);
        for (var w = 1; w <= 4; w++)
            for (var h = 10; h < 22; h++)
                await TrafficHistory.Hour(system.Database.Database, "X0744", day.AddDays(-7 * w).ToDateTime(new TimeOnly(h, 0)),
                    w == 2 && h >= 14 && h < 21 ? 2 : h == 14 ? 30 : 10, passersBy: 90);
        var incidents = new CameraIncidents(system.Database.Database);
        await incidents.Open("CAM-X0744-E1", "offline", TimeZoneInfo.ConvertTimeToUtc(blindDay.ToDateTime(new TimeOnly(14, 0)), Shanghai));
        await incidents.Close("CAM-X0744-E1", "offline", TimeZoneInfo.ConvertTimeToUtc(blindDay.ToDateTime(new TimeOnly(21, 0)), Shanghai));

        var a = await (await admin.GetAsync($"/api/stores/X0744/analysis?day={day:yyyy-MM-dd}")).Json();
        Assert.Equal((30.0, 10.0, 10.0), (a["forecast"]![14]!.GetValue<double>(), a["forecast"]![15]!.GetValue<double>(), a["forecast"]![10]!.GetValue<double>()));
        Assert.Equal(3, a["usualSoFar"]!["days"]!.GetValue<int>());
    }

    [Fact]
    public void A_store_is_ranked_by_the_days_its_door_counted_whole()
    {
        // B counted 950 over 10 days, 50 of them on a day its door camera was blind for a spell: 100 a day, as A.
        var chain = new[]
        {
            new StoreTotal("A", "a", "EAST", "mall", true, 10, 1000, 0, 0, null),
            new StoreTotal("B", "b", "EAST", "mall", true, 10, 950, 0, 0, null, PartlyCountedDays: 1, PartlyCountedTrafficDays: 1, PartlyCountedEntries: 50),
        };
        Assert.Equal(new StoreRank(100, 1, 2, "mall", 1, 2), StoreRank.Of("B", chain));
    }

    [Fact]
    public void A_store_without_traffic_this_month_is_not_ranked()
    {
        var chain = new[]
        {
            new StoreTotal("A", "a", "EAST", "mall", true, 10, 1000, 0, 0, null),
            new StoreTotal("B", "b", "EAST", "mall", true, 2, 400, 0, 0, null),
            new StoreTotal("C", "c", "EAST", "mall", true, 0, 0, 0, 0, null),
            new StoreTotal("D", "d", "NORTH", "mall", true, 5, 50, 0, 0, null),
        };
        Assert.Equal(new StoreRank(200, 1, 3, "mall", 1, 2), StoreRank.Of("B", chain));
        Assert.Equal(new StoreRank(100, 2, 3, "mall", 2, 2), StoreRank.Of("A", chain));
        Assert.Equal(new StoreRank(0, null, 3, "mall", null, 2), StoreRank.Of("C", chain));
    }

    [Fact]
    public void A_store_is_also_placed_by_dwell_time_and_entry_rate_among_the_stores_of_its_type_that_measured_them()
    {
        var chain = new[]
        {
            new StoreTotal("A", "a", "EAST", "mall", true, 10, 1000, 1000, 0, 600),   // 50 %, 10 min
            new StoreTotal("B", "b", "EAST", "mall", true, 10, 500, 1500, 0, 900),    // 25 %, 15 min
            new StoreTotal("C", "c", "EAST", "mall", true, 10, 800, 0, 0, null),      // no passers-by, no dwell: not placed
            new StoreTotal("D", "d", "EAST", "street", true, 10, 100, 100, 0, 1200),  // another type
        };
        var b = StoreRank.Of("B", chain)!;
        Assert.Equal(new PeerPlace(1, 2, 900), b.Dwell);
        Assert.Equal(new PeerPlace(2, 2, 0.25), b.EntryRate);
        Assert.Equal(new PeerPlace(1, 2, 0.5), StoreRank.Of("A", chain)!.EntryRate);
        Assert.Null(StoreRank.Of("C", chain)!.Dwell);
        Assert.Null(StoreRank.Of("C", chain)!.EntryRate);
    }
}
