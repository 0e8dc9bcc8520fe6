using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace SmartStore.Integration.Tests;

/// <summary>批量导入账号: a sheet of store and region managers, all or none, each with a first password shown once; the list found by store.</summary>
[Collection(SystemCollection.Name)]
public sealed class AccountImportTests(SmartStoreSystem system)
{
    [Fact]
    public async Task A_sheet_of_managers_is_imported_whole_with_first_passwords_that_sign_in_and_a_bad_sheet_creates_nobody()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0924", "EAST"))).StatusCode);

        // A bad sheet: an unknown store, a name twice, a name taken, a role nobody has — all said, nobody created.
        const string bad = "用户名,姓名,角色,大区,门店\nx0924.c,丙店长,店长,,NOPE\nx0924.d,丁店长,店长,,X0924\nx0924.d,丁店长,店长,,X0924\neast,重名,店长,,X0924\nx0924.e,戊,店员,,X0924\n";
        var refused = await admin.PostAsync("/api/accounts/import", new StringContent(bad, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var why = await refused.Content.ReadAsStringAsync();
        Assert.Contains("store 'NOPE' does not exist.", why);
        Assert.Contains("appears twice in the file", why);
        Assert.Contains("'east' already exists", why);
        Assert.Contains("role '店员' is not one of", why);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/accounts/x0924.c")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/accounts/x0924.d")).StatusCode);
        // More than a sheet's 500 accounts (their passwords answer at once, hashed slowly): refused whole, split it.
        var huge = "username,name,role,stores\n" + string.Concat(Enumerable.Range(0, 501).Select(i => $"x0924.n{i},店长,store_manager,X0924\n"));
        var tooMany = await admin.PostAsync("/api/accounts/import", new StringContent(huge, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("more than 500 rows", await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/accounts/x0924.n0")).StatusCode);

        // A good one: Chinese headers and roles; each first password in the answer, once, and it signs in.
        const string good = "用户名,姓名,角色,大区,门店\nx0924.a,甲店长,店长,,X0924\nx0924.b,乙经理,区域经理,EAST|SOUTH,\n";
        var imported = await admin.PostAsync("/api/accounts/import", new StringContent(good, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("no-store", imported.Headers.CacheControl!.ToString());
        var answer = await imported.Json();
        Assert.Equal(2, answer["imported"]!.GetValue<int>());
        var passwords = answer["passwords"]!.AsArray().ToDictionary(p => p!["username"]!.GetValue<string>(), p => p!["password"]!.GetValue<string>());
        using var manager = await system.SignedIn("x0924.a", passwords["x0924.a"]);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/stores/X0924")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/stores/S0001")).StatusCode);
        var regional = await (await admin.GetAsync("/api/accounts/x0924.b")).Json();
        Assert.Equal("region_manager", regional["role"]!.GetValue<string>());

        // Found on the page by the store it looks after; a region manager may not import.
        var found = await admin.GetStringAsync("/accounts?q=X0924");
        Assert.Contains("data-account=\"x0924.a\"", found);
        Assert.DoesNotContain("data-account=\"east\"", found);
        Assert.DoesNotContain("data-account=\"x0924.a\"", await admin.GetStringAsync("/accounts?q=X0924&role=region_manager"));
        using var east = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PostAsync("/api/accounts/import", new StringContent(good, Encoding.UTF8, "text/csv"))).StatusCode);
    }

    [Fact]
    public async Task The_accounts_page_imports_a_sheet_and_shows_the_first_passwords_once_for_download()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0925", "NORTH"))).StatusCode);
        var sheet = Encoding.UTF8.GetBytes("username,name,role,stores\nx0925.li,李店长,store_manager,X0925\n");
        var page = await PageForms.PostFile(admin, "/accounts", "/accounts?handler=import", "sheet", "managers.csv", "text/csv", sheet);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("no-store", page.Headers.CacheControl!.ToString());
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("已导入 1 个账号及其初始密码", html);
        Assert.Contains("data-file=\"account-passwords.csv\"", html);
        Assert.Matches("<td class=\"code\">x0925.li</td><td class=\"secret\">[A-Za-z0-9]{14}</td>", html);
        Assert.DoesNotContain("x0925.li", await admin.GetStringAsync("/accounts?q=nobody-like-this"));
    }

    [Fact]
    public async Task Accounts_exported_as_a_sheet_come_back_unchanged_and_a_sheet_moves_a_manager_and_disables_a_leaver_but_not_its_sender()
    {
        using var admin = await system.SignedIn("admin");
        foreach (var store in new[] { "X0853", "X0854" })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore(store, "EAST"))).StatusCode);
        var created = await (await admin.PostAsync("/api/accounts/import", new StringContent(
            "用户名,姓名,角色,门店\nx0853.a,甲店长,店长,X0853\nx0853.b,乙店长,店长,X0853\n", Encoding.UTF8, "text/csv"))).Json();
        var passwords = created["passwords"]!.AsArray().ToDictionary(p => p!["username"]!.GetValue<string>(), p => p!["password"]!.GetValue<string>());
        using var leaver = await system.SignedIn("x0853.b", passwords["x0853.b"]);

        // Exported (no password in it) and sent back untouched: nothing changes, nobody's session ends.
        var bytes = await admin.GetByteArrayAsync("/api/accounts/export");
        var rows = (await MiniExcel.QueryAsync(new MemoryStream(bytes), useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["用户名", "姓名", "角色", "大区", "门店", "停用"], rows[0].Keys);
        Assert.Equal(0, (await Changing(admin, bytes))["changed"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/api/me")).StatusCode);

        // The reorganisation: 甲 takes a second store, 乙 leaves, a new manager 丙 joins in the same sheet.
        rows.Single(r => $"{r["用户名"]}" == "x0853.a")["门店"] = "X0853|X0854";
        rows.Single(r => $"{r["用户名"]}" == "x0853.b")["停用"] = "是";
        rows.Add(new Dictionary<string, object?> { ["用户名"] = "x0853.c", ["姓名"] = "丙店长", ["角色"] = "店长", ["大区"] = "", ["门店"] = "X0853", ["停用"] = "否" });
        var edited = new MemoryStream();
        await edited.SaveAsAsync(rows);
        var answer = await Changing(admin, edited.ToArray());
        Assert.Equal(["x0853.a", "x0853.b"], answer["changedCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["x0853.c"], answer["passwords"]!.AsArray().Select(p => p!["username"]!.GetValue<string>()));
        var moved = await (await admin.GetAsync("/api/accounts/x0853.a")).Json();
        Assert.Equal(["X0853", "X0854"], moved["storeCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True((await (await admin.GetAsync("/api/accounts/x0853.b")).Json())["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.GetAsync("/api/me")).StatusCode);

        // Its sender may not disable themself or change their own role, and a 停用 cell that is neither yes nor no changes nothing.
        foreach (var (sheet, why) in new[] { ("用户名,停用\nadmin,是\n", "cannot disable your own account"), ("用户名,角色\nadmin,店长\n", "change your own role"),
            ("用户名,停用\nx0853.a,maybe\n", "disabled 'maybe' must be") })
        {
            var refused = await admin.PostAsync("/api/accounts/import?change=true", new StringContent(sheet, Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(why, await refused.Content.ReadAsStringAsync());
        }
        Assert.False((await (await admin.GetAsync("/api/accounts/x0853.a")).Json())["disabled"]!.GetValue<bool>());

        // "+" and "-" edit the stores an account has instead of listing them all; a cell mixing the two ways is refused.
        async Task<IEnumerable<string>> StoresOf(string username) =>
            (await (await admin.GetAsync($"/api/accounts/{username}")).Json())["storeCodes"]!.AsArray().Select(c => c!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/accounts/import?change=true",
            new StringContent("用户名,门店\nx0853.a,-X0853\nx0853.c,+X0854\n", Encoding.UTF8, "text/csv"))).StatusCode);
        Assert.Equal(["X0854"], await StoresOf("x0853.a"));
        Assert.Equal(["X0853", "X0854"], await StoresOf("x0853.c"));
        var mixed = await admin.PostAsync("/api/accounts/import?change=true", new StringContent("用户名,门店\nx0853.a,X0854|+X0853\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        Assert.Contains("mixes a list with +/- edits", await mixed.Content.ReadAsStringAsync());
        Assert.Equal(["X0854"], await StoresOf("x0853.a"));
        // Without change=true an existing username is refused for that alone, saying how to change it.
        var unticked = await admin.PostAsync("/api/accounts/import", new StringContent("用户名,姓名\nx0853.a,甲\n", Encoding.UTF8, "text/csv"));
        Assert.Contains("tick the import's Change box", await unticked.Content.ReadAsStringAsync());

        // An HQ admin's API key sending a sheet that disables every enabled HQ admin: refused whole, nobody disabled.
        var issued = await (await admin.PostJson("/api/api-keys", new { name = "hr sheet", role = "hq_admin" })).Json();
        using var integration = system.Anonymous();
        integration.DefaultRequestHeaders.Add("X-Api-Key", issued["key"]!.GetValue<string>());
        var admins = (await (await integration.GetAsync("/api/accounts")).Json()).AsArray()
            .Where(a => a!["role"]!.GetValue<string>() == "hq_admin" && !a["disabled"]!.GetValue<bool>()).Select(a => a!["username"]!.GetValue<string>()).ToList();
        var everyone = "用户名,停用\n" + string.Concat(admins.Select(a => $"{a},是\n"));
        var last = await integration.PostAsync("/api/accounts/import?change=true", new StringContent(everyone, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Contains("last enabled HQ admin", await last.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/me")).StatusCode);
    }

    private static Task<JsonNode> Changing(HttpClient admin, byte[] sheet) => ImportTests.Changing(admin, "/api/accounts/import?change=true", sheet);
}
