using System.Net;
using System.Text.Json.Nodes;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Testing;
using SmartStore.Web.Usage;

namespace SmartStore.Integration.Tests;

/// <summary>系统使用情况: pages shown to people are counted by account, phone or not; API calls and refusals are not; an unused account is dormant.</summary>
[Collection(SystemCollection.Name)]
public sealed class UsageTests(SmartStoreSystem system)
{
    [Fact]
    public async Task A_store_managers_phone_pages_are_counted_and_an_account_nobody_uses_is_dormant()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0923", "EAST"))).StatusCode);
        var password = await Create(admin, "x0923.zhao", "X0923");
        await Create(admin, "x0923.idle", "X0923");
        using var manager = await system.SignedIn("x0923.zhao", password);
        manager.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148");

        // Three pages on the phone; an API call, a refused page and a live re-read are no page views.
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/m")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/m")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/stores/X0923")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/todos")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/stores/S0001")).StatusCode);
        // Nor is the page re-read in place by its live feed (a fetch, which browsers mark so).
        using (var reread = new HttpRequestMessage(HttpMethod.Get, "/m"))
        {
            reread.Headers.Add("Sec-Fetch-Mode", "cors");
            Assert.Equal(HttpStatusCode.OK, (await manager.SendAsync(reread)).StatusCode);
        }

        // (A page is counted once it is answered: the report may be asked a moment before the last one is.)
        var people = await Eventually.Get(async () => (await (await admin.GetAsync("/api/usage")).Json())["people"]!.AsArray(),
            p => Person(p, "x0923.zhao")["views"]!.GetValue<long>() >= 3, what: "the manager's views counted");
        var zhao = Person(people, "x0923.zhao");
        Assert.Equal((3L, 3L, 1, false),
            (zhao["views"]!.GetValue<long>(), zhao["phoneViews"]!.GetValue<long>(), zhao["activeDays"]!.GetValue<int>(), zhao["dormant"]!.GetValue<bool>()));
        // Three pages within moments of each other are one visit.
        Assert.Equal(1L, zhao["visits"]!.GetValue<long>());
        var idle = Person(people, "x0923.idle");
        Assert.Equal((0L, true), (idle["views"]!.GetValue<long>(), idle["dormant"]!.GetValue<bool>()));

        // X0923 is reached (its manager used SmartStore); the page lists the unused account, not the used one.
        var usage = await (await admin.GetAsync("/api/usage")).Json();
        var east = usage["regions"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "EAST")!;
        Assert.True(east["storesReached"]!.GetValue<int>() >= 1);
        Assert.True(usage["stores"]!["reached"]!.GetValue<int>() >= 1);
        var page = await admin.GetStringAsync("/admin/usage");
        Assert.Contains("data-dormant=\"x0923.idle\"", page);
        Assert.DoesNotContain("data-dormant=\"x0923.zhao\"", page);
        Assert.Contains("系统使用情况", page);

        // Head office's figure: a region manager gets no report, a bad period is refused.
        using var regionManager = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Forbidden, (await regionManager.GetAsync("/api/usage")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/usage?from=2026-12-05&to=2026-12-01")).StatusCode);
    }

    private static Task<string> Create(HttpClient admin, string username, string store) =>
        admin.NewAccount(new { username, displayName = "赵店长", role = "store_manager", storeCodes = new[] { store } });

    private static JsonNode Person(JsonArray people, string username) => people.Single(p => p!["username"]!.GetValue<string>() == username)!;

    [Fact]
    public void Pages_no_more_than_thirty_minutes_apart_make_one_visit_and_its_time_runs_to_its_last_page()
    {
        var visits = new AccountVisits();
        var start = new DateTime(2026, 12, 6, 1, 0, 0, DateTimeKind.Utc);
        // 09:00, 09:02, 09:05 one visit of 5 minutes; 09:50 a new one (45 minutes later), 09:51 one more minute of it.
        var pages = new[] { 0, 2, 5, 50, 51 }.Select(m => visits.Page("x0925.qian", start.AddMinutes(m))).ToList();
        Assert.Equal([true, false, false, true, false], pages.Select(p => p.NewVisit));
        Assert.Equal(6 * 60, pages.Sum(p => p.Seconds));
        // Another account's pages are its own visit; a page arriving late (an earlier time) adds no time.
        Assert.True(visits.Page("x0925.sun", start.AddMinutes(51)).NewVisit);
        Assert.Equal((false, 0), visits.Page("x0925.qian", start.AddMinutes(40)));

        // The report: two visits by one active account, 6 minutes in all; the period before had one visit by one account.
        var account = new UserAccounts.Account(1, "x0925.qian", "钱", Role.StoreManager, [], ["S0001"]);
        var report = UsageReport.Of(new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 6), [account],
            [new AccountDays.Use("x0925.qian", 1, 5, 0, true, Visits: 2, ActiveSeconds: 360, VisitsBefore: 1)],
            [], new Dictionary<string, DateTime>(), new Dictionary<string, string> { ["S0001"] = "EAST" });
        Assert.Equal((2L, 2.0, 1.0, 3.0), (report.Visits, report.VisitsPerActive, report.VisitsPerActiveBefore, report.MinutesPerVisit));
    }

    [Fact]
    public void A_week_cut_by_the_period_says_how_many_of_its_days_it_holds()
    {
        // Wednesday 2026-12-02 to Tuesday 2026-12-08: five days of one week, two of the next.
        var account = new UserAccounts.Account(1, "x0924.wu", "吴", Role.StoreManager, [], ["S0001"]);
        var report = UsageReport.Of(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 8), [account], [],
            [(new DateOnly(2026, 11, 30), "x0924.wu"), (new DateOnly(2026, 12, 7), "x0924.wu")], new Dictionary<string, DateTime>(),
            new Dictionary<string, string> { ["S0001"] = "EAST" });
        Assert.Equal([(new DateOnly(2026, 11, 30), 5), (new DateOnly(2026, 12, 7), 2)], report.Weeks.Select(w => (w.Monday, w.Days)));
    }
}
