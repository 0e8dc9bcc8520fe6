using System.Net;

namespace SmartStore.Integration.Tests;

/// <summary>
/// Behind the chain's reverse proxy (on the same machine, so it speaks from loopback): a sign-in is logged and throttled by
/// the client's address the proxy forwards, and over the proxy's HTTPS the sign-in cookie is Secure.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ReverseProxyTests(SmartStoreSystem system)
{
    [Fact]
    public async Task Sign_ins_through_the_proxy_are_logged_and_throttled_by_the_clients_address_and_the_cookie_is_secure_over_https()
    {
        using var admin = await system.SignedIn("admin");
        var password = await admin.NewAccount(new { username = "proxy.tester", displayName = "代理测试", role = "hq_analyst" });

        // Five wrong passwords from one shop's address lock that address out of the account, not another's.
        for (var i = 0; i < 5; i++) await SignIn("203.0.113.7", "http", "guessed-wrong");
        Assert.Contains("id=\"locked-out\"", await (await SignIn("203.0.113.7", "http", password)).Content.ReadAsStringAsync());
        var signedIn = await SignIn("198.51.100.9", "https", password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("smartstore.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);

        var log = (await (await admin.GetAsync("/api/sign-ins?username=proxy.tester")).Json()).AsArray();
        Assert.Equal("198.51.100.9", log[0]!["address"]!.GetValue<string>());
        Assert.Equal("ok", log[0]!["outcome"]!.GetValue<string>());
        Assert.All(log.Skip(1), e => Assert.Equal("203.0.113.7", e!["address"]!.GetValue<string>()));
        Assert.Equal(6, log.Count - 1);

        // Straight to the web host over plain HTTP, as before: the cookie is not marked Secure.
        using var direct = system.Anonymous();
        var plain = await PageForms.PostForm(direct, "/login", "/login", new Dictionary<string, string> { ["Username"] = "proxy.tester", ["Password"] = password });
        Assert.DoesNotContain("; secure", plain.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("smartstore.auth=", StringComparison.Ordinal)),
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_tells_a_caller_through_the_proxy_only_up_or_down_and_the_host_itself_the_counts()
    {
        using var proxied = system.Anonymous();
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.20");
        var outside = await (await proxied.GetAsync("/healthz")).Json();
        Assert.Equal(("ok", "ok", "ok"), (outside["status"]!.GetValue<string>(), outside["database"]!.GetValue<string>(), outside["silo"]!.GetValue<string>()));
        Assert.All(new[] { "stores", "cameras", "camerasOnline" }, field => Assert.Null(outside[field]));

        using var local = system.Anonymous();
        var here = await (await local.GetAsync("/healthz")).Json();
        Assert.True(here["stores"]!.GetValue<int>() >= 30, here.ToJsonString());
        Assert.True(here["cameras"]!.GetValue<int>() >= 72, here.ToJsonString());

        // Signed in, from anywhere: the counts too.
        using var admin = await system.SignedIn("admin");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Forwarded-For", "203.0.113.20");
        Assert.NotNull((await (await admin.SendAsync(request)).Json())["stores"]);
    }

    private async Task<HttpResponseMessage> SignIn(string client, string scheme, string password)
    {
        using var proxied = system.Anonymous();
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", scheme);
        return await PageForms.PostForm(proxied, "/login", "/login", new Dictionary<string, string> { ["Username"] = "proxy.tester", ["Password"] = password });
    }
}
