using System.Net;
using System.Text;
using System.Text.Json.Nodes;

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
}
