using System.Net;
using System.Text.Json.Nodes;

namespace SmartStore.Integration.Tests;

/// <summary>Every role against every endpoint: the server enforces scope, whatever the browser asks for.</summary>
[Collection(SystemCollection.Name)]
public sealed class ScopeTests(SmartStoreSystem system)
{
    // Demo chain: S0001–S0009 are EAST, S0010–S0017 SOUTH, S0018–S0024 NORTH, S0025–S0030 WEST.
    public static TheoryData<string, int, int> StoreLists => new()
    {
        { "admin", 30, 9 },
        { "analyst", 30, 9 },
        { "east", 9, 9 },
        { "s0001", 1, 1 },
    };

    [Theory]
    [MemberData(nameof(StoreLists))]
    public async Task Store_lists_contain_only_the_stores_in_scope(string user, int atLeast, int eastStores)
    {
        using var client = await system.SignedIn(user);
        var page = await (await client.GetAsync("/api/stores?pageSize=200")).Json();
        var codes = page["items"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()).ToList();
        Assert.True(codes.Count >= atLeast, $"{user} saw {codes.Count} stores");
        if (user is "east" or "s0001") Assert.Equal(atLeast, codes.Count(c => c.StartsWith('S')));
        Assert.Equal(eastStores, page["items"]!.AsArray().Count(s => s!["regionCode"]!.GetValue<string>() == "EAST" && s["code"]!.GetValue<string>().StartsWith('S')));

        // The live list: every store but those closed for good (a test may have one closed while this runs).
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var notClosed = page["items"]!.AsArray().Where(s => s!["openingHours"]!["closedFrom"] is not { } closed || DateOnly.Parse(closed.GetValue<string>()) > today)
            .Select(s => s!["code"]!.GetValue<string>());
        var live = (await (await client.GetAsync("/api/live/cameras")).Json()).AsArray();
        Assert.Equal(notClosed.Order(), live.Select(s => s!["storeCode"]!.GetValue<string>()).Order());

        var cameras = await (await client.GetAsync("/api/cameras?pageSize=200")).Json();
        var cameraStores = cameras["items"]!.AsArray().Select(c => c!["storeCode"]?.GetValue<string>()).ToList();
        Assert.All(cameraStores.Where(s => s is not null), s => Assert.Contains(s!, codes));
    }

    [Theory]
    [InlineData("east", "/api/stores/S0010")]
    [InlineData("east", "/api/stores?region=SOUTH")]
    [InlineData("east", "/api/cameras/CAM-S0010-E1")]
    [InlineData("s0001", "/api/stores/S0002")]
    [InlineData("s0001", "/api/cameras/CAM-S0002-P1")]
    public async Task Reaching_outside_ones_scope_is_forbidden_with_a_reason(string user, string url)
    {
        using var client = await system.SignedIn(user);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("outside", await response.Detail());
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("east")]
    [InlineData("s0001")]
    public async Task Only_hq_admin_may_change_master_data_or_see_keys_and_audit(string user)
    {
        using var client = await system.SignedIn(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stores/S0001")).StatusCode);
        var attempts = new[]
        {
            await client.PostJson("/api/stores", ApiJson.NewStore("X0301")),
            await client.PutRaw("/api/stores/S0001", """{"name":"hijack"}"""),
            await client.DeleteAsync("/api/stores/S0001"),
            await client.PostJson("/api/cameras", new { code = "CAM-X0301", kind = "entrance" }),
            await client.PostAsync("/api/cameras/CAM-S0001-E1/secret", null),
            await client.PostJson("/api/skus", new { code = "SKU-X0301", name = "n", brand = "b", category = "milk" }),
            await client.PutRaw("/api/regions/EAST", """{"name":"x"}"""),
            await client.GetAsync("/api/api-keys"),
            await client.GetAsync("/api/audit"),
        };
        Assert.All(attempts, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        using var admin = await system.SignedIn("admin");
        var store = await (await admin.GetAsync("/api/stores/S0001")).Json();
        Assert.NotEqual("hijack", store["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_pages_redirect_to_login()
    {
        using var client = system.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/stores")).StatusCode);
        var page = await client.GetAsync("/stores");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Api_keys_carry_a_scope_and_stop_working_when_revoked()
    {
        using var admin = await system.SignedIn("admin");
        var issued = await (await admin.PostJson("/api/api-keys", new { name = "south BI", role = "region_manager", regionCodes = new[] { "SOUTH" } })).Json();
        var key = issued["key"]!.GetValue<string>();
        var id = issued["info"]!["id"]!.GetValue<int>();

        using var integrator = system.Anonymous();
        integrator.DefaultRequestHeaders.Add("X-Api-Key", key);
        var stores = await (await integrator.GetAsync("/api/stores?pageSize=200")).Json();
        Assert.All(stores["items"]!.AsArray(), s => Assert.Equal("SOUTH", s!["regionCode"]!.GetValue<string>()));
        // The demo chain has 8 SOUTH stores; other tests may add X-coded ones.
        Assert.Equal(8, stores["items"]!.AsArray().Count(s => s!["code"]!.GetValue<string>().StartsWith('S')));
        Assert.Equal(HttpStatusCode.Forbidden, (await integrator.GetAsync("/api/stores/S0001")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integrator.PostJson("/api/stores", ApiJson.NewStore("X0302", "SOUTH"))).StatusCode);

        var listed = (await (await admin.GetAsync("/api/api-keys")).Json()).AsArray();
        Assert.DoesNotContain(key, listed.ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/api-keys/{id}")).StatusCode);
        var revoked = await integrator.GetAsync("/api/stores");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("revoked", await revoked.Detail());

        using var forger = system.Anonymous();
        forger.DefaultRequestHeaders.Add("X-Api-Key", key[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forger.GetAsync("/api/stores")).StatusCode);
    }

    [Fact]
    public async Task A_board_with_no_store_says_why_and_only_a_chains_admin_is_shown_where_to_begin()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutRaw("/api/regions/EMPTY", """{"name":"新开大区","nameEn":"New region"}""")).StatusCode);
        var created = await (await admin.PostJson("/api/accounts", new { username = "empty.region", displayName = "新大区经理", role = "region_manager", regionCodes = new[] { "EMPTY" } })).Json();
        using var manager = await system.SignedIn("empty.region", created["password"]!.GetValue<string>());

        var board = WebUtility.HtmlDecode(await manager.GetStringAsync("/"));
        Assert.Contains("id=\"getting-started\"", board);
        Assert.Contains("您的范围内还没有门店：请联系总部管理员。", board);
        Assert.DoesNotContain("/settings#regions", board);
        // The demo chain's admin has stores: no card.
        Assert.DoesNotContain("id=\"getting-started\"", await admin.GetStringAsync("/"));
    }

    [Fact]
    public async Task Store_page_for_a_region_manager_lists_only_her_region()
    {
        using var east = await system.SignedIn("east");
        var html = await east.GetStringAsync("/stores");
        Assert.Contains("S0001", html);
        Assert.DoesNotContain("S0010", html);
        var board = await east.GetStringAsync("/");
        Assert.Contains("S0009", board);
        Assert.DoesNotContain("S0018", board);
        // The reports' region filter does not claim the whole chain for her.
        foreach (var report in new[] { "/traffic", "/display" })
        {
            var page = System.Net.WebUtility.HtmlDecode(await east.GetStringAsync(report));
            Assert.True(page.Contains("我负责的门店") || page.Contains("All my stores"), report);
            Assert.False(page.Contains("全部门店") || page.Contains("Whole chain"), report);
        }
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_sign_in_form_for_that_user_and_address()
    {
        using var client = system.Anonymous();
        async Task<HttpStatusCode> TrySignIn(string password) =>
            (await PageForms.PostForm(client, "/login", "/login", new Dictionary<string, string>
            {
                ["Username"] = "analyst", ["Password"] = password,
            })).StatusCode;

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, await TrySignIn("guess-" + i)); // the form again, with an error
        Assert.Equal(HttpStatusCode.TooManyRequests, await TrySignIn(system.Passwords["analyst"]));
        system.SignInClock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TrySignIn(system.Passwords["analyst"]));
        system.SignInClock.Advance(TimeSpan.FromMinutes(1.5));   // 5 minutes after the last wrong password
        Assert.Equal(HttpStatusCode.Redirect, await TrySignIn(system.Passwords["analyst"]));
    }
}
