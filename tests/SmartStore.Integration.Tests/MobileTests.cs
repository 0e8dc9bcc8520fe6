using System.Net;
using System.Text.RegularExpressions;

namespace SmartStore.Integration.Tests;

/// <summary>The mobile view (/m) shows a manager their own stores; its manifest and service worker are served to anyone.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class MobileTests(SmartStoreSystem system)
{
    [Fact]
    public async Task A_store_manager_sees_their_store_and_a_region_manager_their_regions_stores()
    {
        using var storeManager = await system.SignedIn("s0001");
        Assert.Equal(["S0001"], Cards(await storeManager.GetStringAsync("/m")));
        using var east = await system.SignedIn("east");
        var theirs = Cards(await east.GetStringAsync("/m"));
        Assert.Contains("S0001", theirs);
        Assert.DoesNotContain("S0018", theirs); // 北京王府井, the north region's
        using var anonymous = system.Anonymous();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/m")).StatusCode); // sent to sign in
    }

    [Fact]
    public async Task The_app_can_be_installed_its_manifest_starts_at_m_and_its_offline_page_is_served()
    {
        using var anonymous = system.Anonymous();
        var manifest = await anonymous.GetAsync("/manifest.webmanifest");
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType!.MediaType);
        var json = await manifest.Json();
        Assert.Equal(("/m", "standalone"), (json["start_url"]!.GetValue<string>(), json["display"]!.GetValue<string>()));
        Assert.Equal("text/javascript", (await anonymous.GetAsync("/sw.js")).Content.Headers.ContentType!.MediaType);
        Assert.Contains("没有网络连接", await anonymous.GetStringAsync("/offline.html"));
        using var admin = await system.SignedIn("admin");
        Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\" />", await admin.GetStringAsync("/"));
    }

    private static List<string> Cards(string page) =>
        [.. StoreCard().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("class=\"card store-card\" href=\"/stores/[^\"]+\" data-store=\"([^\"]+)\"")]
    private static partial Regex StoreCard();
}
