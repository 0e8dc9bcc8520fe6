using System.Net;
using MiniExcelLibs;

namespace SmartStore.Integration.Tests;

/// <summary>登录日志: every sign-in tried, searched by account, outcome, address and day, paged back, exported, on its page.</summary>
[Collection(SystemCollection.Name)]
public sealed class SignInLogTests(SmartStoreSystem system)
{
    [Fact]
    public async Task The_sign_in_log_is_searched_by_account_outcome_address_and_day_paged_back_and_exported()
    {
        using var admin = await system.SignedIn("admin");
        var password = await admin.NewAccount(new { username = "signin.tester", displayName = "登录日志测试", role = "hq_analyst" });
        // Two wrong passwords, then the right one.
        foreach (var tried in new[] { "guess-1", "guess-2", password })
        {
            using var browser = system.Anonymous();
            await PageForms.PostForm(browser, "/login", "/login", new() { ["Username"] = "signin.tester", ["Password"] = tried });
        }

        var failed = await Entries(admin, "/api/sign-ins?username=SIGNIN.tester&outcome=failed&limit=2");
        Assert.Equal(2, failed.Count);
        Assert.All(failed, e => Assert.Equal("signin.tester", e["username"]));
        var address = failed[0]["address"]!;
        var older = Assert.Single(await Entries(admin, $"/api/sign-ins?username=signin.tester&outcome=failed&limit=1&before={failed[0]["id"]}"));
        Assert.Equal(failed[1]["id"], older["id"]);
        Assert.Contains(await Entries(admin, $"/api/sign-ins?address={Uri.EscapeDataString(address)}&outcome=ok"), e => e["username"] == "signin.tester");
        Assert.Empty(await Entries(admin, "/api/sign-ins?address=10.9.9.9"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        Assert.Equal(3, (await Entries(admin, $"/api/sign-ins?username=signin.tester&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).Count);
        Assert.Empty(await Entries(admin, $"/api/sign-ins?username=signin.tester&from={today.AddDays(1):yyyy-MM-dd}"));
        foreach (var (query, field) in new[] { ("outcome=maybe", "outcome"), ("from=today", "from"), ("limit=5000", "limit"), ("before=-1", "before") })
        {
            var refused = await admin.GetAsync($"/api/sign-ins?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync());
        }

        var export = await admin.GetAsync("/api/sign-ins/export?username=signin.tester&outcome=failed");
        var rows = MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(("signin.tester", "登录失败"), (r["用户名 username"]?.ToString(), r["结果（中文）"]?.ToString())));

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/sign-ins?username=signin.tester&outcome=failed"));
        Assert.Equal(2, page.Split("data-outcome=\"failed\"").Length - 1);
        Assert.DoesNotContain("data-outcome=\"ok\"", page);
        Assert.Contains("/api/sign-ins/export?username=signin.tester&outcome=failed", page);
        Assert.Contains($"href=\"/admin/sign-ins?address={Uri.EscapeDataString(address)}\"", page);
        Assert.Contains("id=\"sign-ins-all\"", await admin.GetStringAsync("/admin"));
        using var east = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync("/admin/sign-ins")).StatusCode);
    }

    private static async Task<List<Dictionary<string, string?>>> Entries(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Json()).AsArray().Select(e => e!.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToString())).ToList();
    }
}
