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

    private static async Task<string> Create(HttpClient admin, string username, string store)
    {
        var created = await admin.PostJson("/api/accounts", new { username, displayName = "赵店长", role = "store_manager", storeCodes = new[] { store } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Json())["password"]!.GetValue<string>();
    }

    private static JsonNode Person(JsonArray people, string username) => people.Single(p => p!["username"]!.GetValue<string>() == username)!;

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
