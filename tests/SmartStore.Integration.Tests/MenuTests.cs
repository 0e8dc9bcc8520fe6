using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SmartStore.Integration.Tests;

/// <summary>菜单管理 and 图标管理: head office shapes each role's menu; a hidden entry's pages close to that role.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class MenuTests(SmartStoreSystem system)
{
    [Fact]
    public async Task Head_office_hides_the_till_from_store_managers_and_their_menu_their_pages_and_the_log_follow()
    {
        using var admin = await system.SignedIn("admin");
        using var store = await system.SignedIn("s0001");
        using var region = await system.SignedIn("east");
        try
        {
            var saved = await admin.PutJson("/api/menus/store_manager", new
            {
                entries = new object[]
                {
                    new { key = "till", shown = false, position = 40 },
                    new { key = "webhooks", shown = false, position = 60 },
                    new { key = "stores", shown = true, position = 1 },
                },
            });
            Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);

            // The store manager's menu: 门店 first, no 收银追溯; the board still there.
            var menu = Entries(await store.GetStringAsync("/"));
            Assert.Equal("stores", menu[0]);
            Assert.Contains("board", menu);
            Assert.DoesNotContain("till", menu);
            var own = (await (await store.GetAsync("/api/menu")).Json()).AsArray().Select(e => e!["key"]!.GetValue<string>()).ToList();
            Assert.Equal(menu, own);

            // Its pages are closed to the role, saying why; the region's manager keeps them.
            var closed = await store.GetAsync("/till?store=S0001");
            Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
            var why = WebUtility.HtmlDecode(await closed.Content.ReadAsStringAsync());
            Assert.Contains("总部已在菜单管理中对你的角色关闭了“收银追溯”", why);
            Assert.Equal(HttpStatusCode.OK, (await region.GetAsync("/till?store=S0001")).StatusCode);
            Assert.Contains("till", Entries(await region.GetStringAsync("/")));

            // 消息推送 hidden too: its page closed, and the phone page no longer offers it.
            Assert.Equal(HttpStatusCode.Forbidden, (await store.GetAsync("/admin/webhooks")).StatusCode);
            Assert.DoesNotContain("id=\"my-webhooks\"", await store.GetStringAsync("/m"));
            Assert.Contains("id=\"my-webhooks\"", await region.GetStringAsync("/m"));

            // 操作日志 has who changed which role's menu.
            var log = (await (await admin.GetAsync("/api/audit?entity=menu_role&key=store_manager")).Json()).AsArray();
            Assert.Contains(log, e => e!["action"]!.GetValue<string>() == "menu" && e["actor"]!.GetValue<string>() == "admin"
                && e["detail"]!.ToJsonString().Contains("till"));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/menus/store_manager")).StatusCode);
        }

        // Back to the default: the till open and in the menu again, in the product's order.
        Assert.Equal(HttpStatusCode.OK, (await store.GetAsync("/till?store=S0001")).StatusCode);
        var restored = Entries(await store.GetStringAsync("/"));
        Assert.Equal("board", restored[0]);
        Assert.Contains("till", restored);
    }

    [Fact]
    public async Task Menu_changes_that_would_break_a_role_or_name_nothing_are_refused_field_by_field()
    {
        using var admin = await system.SignedIn("admin");
        using var region = await system.SignedIn("east");
        await Refused(admin, "store_manager", new { key = "board", shown = false, position = 5 }, "entries[0].shown", "cannot be hidden");
        await Refused(admin, "hq_admin", new { key = "admin", shown = false, position = 5 }, "entries[0].shown", "cannot be hidden");
        await Refused(admin, "store_manager", new { key = "settings", shown = true, position = 5 }, "entries[0].key", "is not a menu entry of role store_manager");
        await Refused(admin, "store_manager", new { key = "nope", shown = true, position = 5 }, "entries[0].key", "is not a menu entry");
        await Refused(admin, "store_manager", new { key = "till", shown = true, position = 0 }, "entries[0].position", "must be 1..99");
        var twice = await admin.PutJson("/api/menus/store_manager", new
        {
            entries = new object[] { new { key = "till", shown = true, position = 3 }, new { key = "till", shown = false, position = 4 } },
        });
        Assert.Contains("is listed twice", (await twice.Json())["errors"]!["entries[1].key"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutJson("/api/menus/cashier", new { entries = Array.Empty<object>() })).StatusCode);

        // Only head office's admins shape menus; nothing of the refused changes was kept.
        Assert.Equal(HttpStatusCode.Forbidden, (await region.PutJson("/api/menus/region_manager", new { entries = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await region.GetAsync("/admin/menus")).StatusCode);
        var roles = (await (await admin.GetAsync("/api/menus")).Json())["roles"]!.AsArray();
        var store = roles.Single(r => r!["role"]!.GetValue<string>() == "store_manager")!["entries"]!.AsArray();
        Assert.All(store, e => Assert.True(e!["shown"]!.GetValue<bool>()));
        Assert.DoesNotContain(store, e => e!["key"]!.GetValue<string>() == "settings");

        var icon = await admin.PutJson("/api/menus/entries/till/icon", new { icon = "smiley" });
        Assert.Equal(HttpStatusCode.BadRequest, icon.StatusCode);
        Assert.Contains("is not one of the icons", await icon.Detail());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutJson("/api/menus/entries/nope/icon", new { icon = "eye" })).StatusCode);
    }

    [Fact]
    public async Task On_the_page_head_office_hides_campaigns_from_region_managers_and_gives_the_till_another_icon()
    {
        using var admin = await system.SignedIn("admin");
        using var region = await system.SignedIn("east");
        const string page = "/admin/menus?role=region_manager";
        try
        {
            var html = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
            Assert.Contains("区域经理的菜单", html);
            var offered = RowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.Contains("campaigns", offered);
            Assert.DoesNotContain("admin", offered);

            // Every entry ticked but 营销活动, each at its place: what a browser sends.
            var fields = new List<KeyValuePair<string, string>> { new(PageForms.TokenField, await PageForms.Token(admin, page)) };
            foreach (var (key, index) in offered.Select((k, i) => (k, i)))
            {
                fields.Add(new($"Positions[{key}]", ((index + 1) * 5).ToString()));
                if (key != "campaigns") fields.Add(new("ShownKeys", key));
            }
            var saved = await admin.PostAsync("/admin/menus?role=region_manager&handler=save", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Contains("已保存区域经理的菜单", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));
            Assert.DoesNotContain("campaigns", Entries(await region.GetStringAsync("/m")));
            Assert.Equal(HttpStatusCode.Forbidden, (await region.GetAsync("/campaigns")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/campaigns")).StatusCode);

            var icon = await PageForms.PostForm(admin, page, "/admin/menus?role=region_manager&handler=icon",
                new Dictionary<string, string> { ["entry"] = "till", ["icon"] = "eye" });
            Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
            var eye = (await (await admin.GetAsync("/api/menus")).Json())["roles"]!.AsArray()
                .SelectMany(r => r!["entries"]!.AsArray()).Where(e => e!["key"]!.GetValue<string>() == "till").Select(e => e!["icon"]!.GetValue<string>());
            Assert.All(eye, i => Assert.Equal("eye", i));
            Assert.Contains(SmartStore.Web.Navigation.MenuIcons.Paths["eye"], TillLink(await region.GetStringAsync("/")));
        }
        finally
        {
            await PageForms.PostForm(admin, page, "/admin/menus?role=region_manager&handler=reset", new Dictionary<string, string>());
            await admin.PutJson("/api/menus/entries/till/icon", new { icon = "receipt" });
        }
        Assert.Contains("campaigns", Entries(await region.GetStringAsync("/")));
        Assert.Equal(HttpStatusCode.OK, (await region.GetAsync("/campaigns")).StatusCode);
    }

    private static async Task Refused(HttpClient admin, string role, object entry, string field, string reason)
    {
        var response = await admin.PutJson($"/api/menus/{role}", new { entries = new[] { entry } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json())["errors"]!.AsObject();
        Assert.Contains(reason, errors[field]![0]!.GetValue<string>());
    }

    /// <summary>The menu bar's entries, in order, as the page draws them.</summary>
    private static List<string> Entries(string html) =>
        MenuPattern().Matches(html[..html.IndexOf("</nav>", StringComparison.Ordinal)]).Select(m => m.Groups[1].Value).ToList();

    private static string TillLink(string html) => TillLinkPattern().Match(html).Value;

    [GeneratedRegex("data-menu=\"([a-z]+)\"")]
    private static partial Regex MenuPattern();

    [GeneratedRegex("<tr data-entry=\"([a-z]+)\"")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<a href=\"/till\"[^>]*>.*?</a>", RegexOptions.Singleline)]
    private static partial Regex TillLinkPattern();
}
