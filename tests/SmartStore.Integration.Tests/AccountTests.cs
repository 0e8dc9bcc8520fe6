using System.Net;
using System.Text.RegularExpressions;
using SmartStore.Models;

namespace SmartStore.Integration.Tests;

/// <summary>
/// 账号与权限: head office creates the people who sign in, with a role over regions or stores; a person changes their own
/// password; a change of role, scope, status or password ends the sessions signed in before it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class AccountTests(SmartStoreSystem system)
{
    [Fact]
    public async Task Head_office_creates_a_store_manager_who_changes_their_password_and_a_changed_or_disabled_account_is_signed_out()
    {
        using var admin = await system.SignedIn("admin");
        // Created on the page: a store manager of S0003, with a first password shown once.
        var created = await Page(await PageForms.PostForm(admin, "/accounts", "/accounts", new()
        {
            ["Form.Username"] = "x0831.li", ["Form.DisplayName"] = "李店长", ["Form.Role"] = "store_manager", ["Form.Stores"] = "S0003",
        }));
        Assert.Contains("x0831.li 的初始密码", created);
        var first = SecretValue().Match(created).Groups[1].Value;
        Assert.Equal(14, first.Length);

        using var manager = await SignIn("x0831.li", first);
        var me = await (await manager.GetAsync("/api/me")).Json();
        Assert.Equal("store_manager", me["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/stores/S0003")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/stores/S0004")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/accounts")).StatusCode);

        // Their own password: the current one must be right and the new one long enough; then this session carries on.
        Assert.Contains("当前密码不正确", await Page(await ChangePassword(manager, "wrong", "a-long-new-secret", "a-long-new-secret")));
        Assert.Contains("新密码至少需要 10 个字符", await Page(await ChangePassword(manager, first, "short", "short")));
        Assert.Contains("两次输入的新密码不一致", await Page(await ChangePassword(manager, first, "a-long-new-secret", "a-long-new-secrex")));
        Assert.Contains("密码已修改", await Page(await ChangePassword(manager, first, "a-long-new-secret", "a-long-new-secret")));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/me")).StatusCode);
        Assert.Contains("用户名或密码错误", await Page(await SignInForm("x0831.li", first)));

        // Made region manager of the East by the API: the session signed in as store manager ends; signed in again, the new role.
        var widened = await admin.PutJson("/api/accounts/x0831.li", new { displayName = "李经理", role = "region_manager", regionCodes = new[] { "EAST" } });
        Assert.Equal(HttpStatusCode.OK, widened.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await manager.GetAsync("/api/me")).StatusCode);
        using var regional = await SignIn("x0831.li", "a-long-new-secret");
        Assert.Equal("region_manager", (await (await regional.GetAsync("/api/me")).Json())["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await regional.GetAsync("/stores/S0004")).StatusCode);

        // Disabled on the page: signed out at once, and the sign-in form says why.
        var disabled = await PageForms.PostForm(admin, "/accounts/x0831.li", "/accounts/x0831.li", new()
        {
            ["Form.DisplayName"] = "李经理", ["Form.Role"] = "region_manager", ["Form.Regions"] = "EAST", ["Form.Disabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await regional.GetAsync("/api/me")).StatusCode);
        Assert.Contains("该账号已停用", await Page(await SignInForm("x0831.li", "a-long-new-secret")));
        var listed = await Page(await admin.GetAsync("/accounts"));
        Assert.Matches("data-account=\"x0831.li\" class=\"revoked\"", listed);

        // Enabled again with a password reset by the API: the old one stops working, the new one signs in.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/accounts/x0831.li", new { displayName = "李经理", role = "region_manager", regionCodes = new[] { "EAST" }, disabled = false })).StatusCode);
        var reset = await (await admin.PostAsync("/api/accounts/x0831.li/password", null)).Json();
        Assert.Contains("用户名或密码错误", await Page(await SignInForm("x0831.li", "a-long-new-secret")));
        using var again = await SignIn("x0831.li", reset["password"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);

        // They leave: an enabled account is not removed; disabled, it is removed on its page and signs in no more.
        var enabled = await admin.DeleteAsync("/api/accounts/x0831.li");
        Assert.Equal(HttpStatusCode.Conflict, enabled.StatusCode);
        Assert.Contains("disable it first", await enabled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/accounts/x0831.li", new { displayName = "李经理", role = "region_manager", regionCodes = new[] { "EAST" }, disabled = true })).StatusCode);
        Assert.Contains("id=\"remove-account\"", await Page(await admin.GetAsync("/accounts/x0831.li")));
        var removed = await PageForms.PostForm(admin, "/accounts/x0831.li", "/accounts/x0831.li?handler=remove", new());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("已删除账号 x0831.li", await Page(await admin.GetAsync(removed.Headers.Location!.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/accounts/x0831.li")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/accounts/x0831.li")).StatusCode);
        Assert.Contains("用户名或密码错误", await Page(await SignInForm("x0831.li", reset["password"]!.GetValue<string>())));
        // Their history stays under the name: nobody else is given it.
        var reused = await admin.PostJson("/api/accounts", new { username = "x0831.li", displayName = "新来的李", role = "hq_analyst" });
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Contains("was removed on", await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_account_changed_meanwhile_is_not_overwritten_unseen_by_its_page_or_the_api()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/accounts",
            new { username = "x0856.zhou", displayName = "周店长", role = "store_manager", storeCodes = new[] { "S0004" } })).StatusCode);
        async Task<HttpResponseMessage> Put(object body, string ifMatch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/accounts/x0856.zhou") { Content = System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await admin.SendAsync(request);
        }

        // The API: a change against the version read saves and answers the next; sent again against the old one, refused.
        var read = (await admin.GetAsync("/api/accounts/x0856.zhou")).Headers.ETag!.Tag;
        var renamed = new { displayName = "周经理", role = "store_manager", storeCodes = new[] { "S0004" } };
        var saved = await Put(renamed, read);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(read, saved.Headers.ETag!.Tag);
        // The account's holder changes their password meanwhile: that is not a change of the account, so the refusal still
        // names the admin who changed it.
        var first = (await (await admin.PostAsync("/api/accounts/x0856.zhou/password", null)).Json())["password"]!.GetValue<string>();
        using (var holder = await system.SignedIn("x0856.zhou", first))
        {
            var changed = await PageForms.PostForm(holder, "/account", "/account",
                new() { ["currentPassword"] = first, ["password"] = "Zhou-x0856-new!", ["repeated"] = "Zhou-x0856-new!" });
            Assert.True(changed.IsSuccessStatusCode || changed.StatusCode == HttpStatusCode.Redirect, changed.StatusCode.ToString());
        }
        Assert.Equal("change-password", (await (await admin.GetAsync("/api/audit?entity=user&key=x0856.zhou&limit=1")).Json())[0]!["action"]!.GetValue<string>());
        var stale = await Put(renamed with { displayName = "周" }, read);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("was changed by admin at", await stale.Content.ReadAsStringAsync());
        // What changed since the version read: the rename, not the password change.
        var told = await stale.Json();
        Assert.Equal(["update"], told["since"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()));
        Assert.Contains(told["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "displayName" && c["now"]!.GetValue<string>() == "周经理");
        // The account's page lists it among its latest changes, the password change as what it was.
        var accountPage = WebUtility.HtmlDecode(await admin.GetStringAsync("/accounts/x0856.zhou"));
        Assert.Matches("id=\"recent-changes\"[\\s\\S]*修改密码[\\s\\S]*data-field=\"displayName\"[\\s\\S]*周经理", accountPage);

        // The page, opened before an HR sync moved the manager to S0005: its save is refused, naming the store typed
        // otherwise than it now is; the typed values stay; saved again, they are put over it knowingly.
        var opened = Regex.Match(await admin.GetStringAsync("/accounts/x0856.zhou"), "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/accounts/x0856.zhou", renamed with { storeCodes = new[] { "S0005" } })).StatusCode);
        Task<HttpResponseMessage> Save(string revision) => PageForms.PostForm(admin, "/accounts/x0856.zhou", "/accounts/x0856.zhou", new()
        {
            ["Revision"] = revision, ["Form.DisplayName"] = "周经理", ["Form.Role"] = "store_manager", ["Form.Stores"] = "S0004, S0006",
        });
        var refused = await Page(await Save(opened));
        Assert.Contains("保存未执行：你编辑期间 admin 于", refused);
        Assert.Contains("你填写「S0004, S0006」，现为「S0005」", refused);
        Assert.DoesNotContain("姓名：你填写", refused);
        Assert.Contains("name=\"Form.Stores\" value=\"S0004, S0006\" class=\"clashed\"", refused);
        Assert.Equal(["S0005"], (await (await admin.GetAsync("/api/accounts/x0856.zhou")).Json())["storeCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        var again = Regex.Match(refused, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await Save(again)).StatusCode);
        Assert.Equal(["S0004", "S0006"], (await (await admin.GetAsync("/api/accounts/x0856.zhou")).Json())["storeCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Accounts_that_cannot_work_are_refused_with_a_reason_and_the_last_admin_stays()
    {
        using var admin = await system.SignedIn("admin");
        // The API in English: a username taken, one that is no username, a region manager without a region, an unknown store.
        var taken = await admin.PostJson("/api/accounts", new { username = "east", displayName = "重名", role = "hq_analyst" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var bad = await admin.PostJson("/api/accounts", new { username = "Bad Name", displayName = "x", role = "region_manager", storeCodes = new[] { "NOPE" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = await bad.Content.ReadAsStringAsync();
        Assert.Contains("must be 3–40 lower-case letters", problems);
        Assert.Contains("A region manager needs at least one region.", problems);
        var unknownStore = await admin.PostJson("/api/accounts", new { username = "x0832.nope", displayName = "x", role = "store_manager", storeCodes = new[] { "NOPE" } });
        Assert.Contains("store 'NOPE' does not exist.", await unknownStore.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/accounts/x0832.nope")).StatusCode);

        // The page in Chinese; and nobody disables themselves or changes their own role.
        var page = await Page(await PageForms.PostForm(admin, "/accounts", "/accounts", new()
        {
            ["Form.Username"] = "x0833.wu", ["Form.DisplayName"] = "吴经理", ["Form.Role"] = "region_manager",
        }));
        Assert.Contains("区域经理至少需要负责一个大区。", page);
        var self = await admin.PutJson("/api/accounts/admin", new { displayName = "总部管理员", role = "hq_analyst" });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("You cannot disable your own account or change your own role.", await self.Content.ReadAsStringAsync());

        // An HQ admin's API key is not the admin: demoting the chain's only enabled HQ admin is still refused.
        var issued = await (await admin.PostJson("/api/api-keys", new { name = "hr sync", role = "hq_admin" })).Json();
        using var integration = system.Anonymous();
        integration.DefaultRequestHeaders.Add("X-Api-Key", issued["key"]!.GetValue<string>());
        var admins = (await (await integration.GetAsync("/api/accounts")).Json()).AsArray()
            .Where(a => a!["role"]!.GetValue<string>() == "hq_admin" && !a["disabled"]!.GetValue<bool>()).ToList();
        Assert.Single(admins);
        var demoted = await integration.PutJson("/api/accounts/admin", new { displayName = "总部管理员", role = "hq_analyst" });
        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Contains("last enabled HQ admin", await demoted.Content.ReadAsStringAsync());
        Assert.Equal("hq_admin", (await (await admin.GetAsync("/api/me")).Json())["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_manager_signing_in_on_a_phone_lands_on_the_phone_view_and_may_stay_signed_in()
    {
        const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
        async Task<HttpResponseMessage> SignInAs(string user, string? agent, bool remember)
        {
            using var client = system.Anonymous();
            if (agent is not null) client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
            var fields = new Dictionary<string, string> { ["Username"] = user, ["Password"] = system.Passwords[user] };
            if (remember) fields["Remember"] = "true";
            return await PageForms.PostForm(client, "/login", "/login", fields);
        }
        var phone = await SignInAs("east", Phone, remember: true);
        Assert.Equal("/m", phone.Headers.Location!.OriginalString);
        var cookie = phone.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("smartstore.auth=", StringComparison.Ordinal));
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        // On a desktop, or as head office, the board; without "keep me signed in", a cookie for this browser session only.
        var desk = await SignInAs("east", null, remember: false);
        Assert.Equal("/", desk.Headers.Location!.OriginalString);
        Assert.DoesNotContain("expires=", desk.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("smartstore.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/", (await SignInAs("admin", Phone, remember: false)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Every_sign_in_tried_is_logged_with_its_outcome_address_and_device()
    {
        using var admin = await system.SignedIn("admin");
        var password = await admin.NewAccount(new { username = "log.tester", displayName = "日志测试", role = "hq_analyst" });

        Assert.Equal(HttpStatusCode.OK, (await SignInForm("log.tester", "guessed-wrong-1")).StatusCode);
        using (var phone = system.Anonymous())
        {
            phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36");
            var fields = new Dictionary<string, string> { ["Username"] = "log.tester", ["Password"] = password };
            Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostForm(phone, "/login", "/login", fields)).StatusCode);
        }

        // Newest first, from loopback, the phone named.
        var log = (await (await admin.GetAsync("/api/sign-ins?username=LOG.tester")).Json()).AsArray();
        Assert.Equal(["ok", "failed"], log.Select(e => e!["outcome"]!.GetValue<string>()));
        Assert.All(log, e => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(e!["address"]!.GetValue<string>()))));
        Assert.Single((await (await admin.GetAsync("/api/sign-ins?username=log.tester&outcome=failed")).Json()).AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/sign-ins?outcome=maybe")).StatusCode);
        using (var analyst = await system.SignedIn("analyst"))
            Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/sign-ins")).StatusCode);

        // The admin page's log and the account's own page say the same, in Chinese.
        var adminPage = await Page(await admin.GetAsync("/admin?signInUser=log.tester"));
        Assert.Contains("登录失败", adminPage);
        Assert.Contains("Android · Chrome", adminPage);
        var accountPage = await Page(await admin.GetAsync("/accounts/log.tester"));
        Assert.Contains("data-outcome=\"ok\"", accountPage);
        Assert.Contains("data-outcome=\"failed\"", accountPage);

        // A year on, the log forgets them (the web host does so hourly).
        var signIns = new SmartStore.Storage.SignInLog(system.Database.Database);
        Assert.True(await new SmartStore.Storage.LogRetention(system.Database.Database).Forget(SmartStore.Storage.LogRetention.Log.SignIns, DateTime.UtcNow.AddMinutes(1)) >= 2);
        Assert.Empty(await signIns.Recent("log.tester", null, 10));
    }

    [Fact]
    public async Task A_region_manager_may_also_look_after_stores_beyond_their_regions_and_sees_those_alone_there()
    {
        // An East region manager who also looks after 北京王府井 (S0018, the North's), as an area manager of two cities might.
        using var admin = await system.SignedIn("admin");
        var created = await admin.PostJson("/api/accounts",
            new { username = "x0857.qian", displayName = "钱经理", role = "region_manager", regionCodes = new[] { "EAST" }, storeCodes = new[] { "S0018" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Json();
        Assert.Equal(["S0018"], answer["account"]!["storeCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        using var qian = await SignIn("x0857.qian", answer["password"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await qian.GetAsync("/stores/S0018")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qian.GetAsync("/stores/S0001")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await qian.GetAsync("/stores/S0019")).StatusCode);
        var listed = (await (await qian.GetAsync("/api/stores?pageSize=200")).Json())["items"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("S0018", listed);
        Assert.Contains("S0001", listed);
        Assert.DoesNotContain("S0019", listed);
        Assert.Contains("data-store=\"S0018\"", await qian.GetStringAsync("/m"));
        // The North as a whole stays out of reach; the store's own report does not.
        Assert.Equal(HttpStatusCode.Forbidden, (await qian.GetAsync("/api/traffic/stores?region=NORTH")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qian.GetAsync("/api/traffic/stores?store=S0018")).StatusCode);
        // Live figures: the store's group beside the region's.
        Assert.Equal(["region:EAST", "store:S0018"], SmartStore.Web.Live.LiveHub.GroupsFor(new AccessScope(Role.RegionManager, ["EAST"], ["S0018"])));

        // A store of a region ticked, given again, is refused, naming it.
        var inside = await admin.PostJson("/api/accounts",
            new { username = "x0857.sun", displayName = "孙经理", role = "region_manager", regionCodes = new[] { "EAST" }, storeCodes = new[] { "S0001" } });
        Assert.Equal(HttpStatusCode.BadRequest, inside.StatusCode);
        Assert.Contains("store 'S0001' is in region EAST, already ticked", await inside.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> SignIn(string username, string password)
    {
        var client = system.Anonymous();
        var response = await PageForms.PostForm(client, "/login", "/login", new() { ["Username"] = username, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<HttpResponseMessage> SignInForm(string username, string password)
    {
        using var client = system.Anonymous();
        return await PageForms.PostForm(client, "/login", "/login?culture=zh-CN", new() { ["Username"] = username, ["Password"] = password });
    }

    private static Task<HttpResponseMessage> ChangePassword(HttpClient client, string current, string password, string repeated) =>
        PageForms.PostForm(client, "/account", "/account", new() { ["currentPassword"] = current, ["password"] = password, ["repeated"] = repeated });

    private static async Task<string> Page(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("id=\"secret-value\">([^<]+)<")]
    private static partial Regex SecretValue();
}
