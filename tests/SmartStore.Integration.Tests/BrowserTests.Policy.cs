using Microsoft.Playwright;

namespace SmartStore.Integration.Tests;

public sealed partial class BrowserTests
{
    /// <summary>Pages with scripts of every kind: the live feed, charts, the map, drawings on pictures, forms that ask first.</summary>
    private static readonly string[] ScriptedPages =
    [
        "/", "/m", "/stores/S0001", "/stores/S0001/analysis", "/cameras/CAM-S0001-E1", "/cameras/CAM-S0001-P1/presets/1", "/traffic",
        "/display", "/screen/traffic", "/screen/display", "/till", "/inspections", "/skus", "/stores/special-hours", "/settings", "/admin",
    ];

    [Fact]
    public async Task Under_the_browser_policy_every_page_runs_its_scripts_and_a_form_that_asks_first_still_asks()
    {
        using var admin = await system.SignedIn("admin");
        var key = await (await admin.PostJson("/api/api-keys", new { name = "policy confirm key", role = "hq_analyst" })).Json();
        var keyId = key["info"]!["id"]!.GetValue<int>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "admin", "en");
        // Installed before any page script, so every refusal the page meets is recorded.
        await page.AddInitScriptAsync("window.refused = []; document.addEventListener('securitypolicyviolation', e => window.refused.push(e.violatedDirective + ' ' + e.blockedURI));");
        var refused = new List<string>();
        foreach (var path in ScriptedPages)
        {
            // Loaded: every script the page names has run (a live page never goes network-idle).
            await page.GotoAsync(path);
            refused.AddRange((await page.EvaluateAsync<string[]>("window.refused")).Select(r => $"{path}: {r}"));
        }
        Assert.Empty(refused);

        // The live feed's WebSocket and the charts are allowed by it: the board goes live, store analysis draws.
        await page.GotoAsync("/");
        await Until(page, "document.body.dataset.live === 'connected'");
        await page.GotoAsync("/stores/S0001/analysis");
        Assert.True(await page.Locator("canvas").CountAsync() > 0, "store analysis drew no chart");

        // Revoking a key asks first: declined, the key stays; accepted, it is revoked.
        await page.GotoAsync("/admin");
        var row = page.Locator("#api-keys tr", new() { HasText = "policy confirm key" });
        var asked = new TaskCompletionSource<string>();
        void Decline(object? _, IDialog dialog) { asked.TrySetResult(dialog.Message); _ = dialog.DismissAsync(); }
        page.Dialog += Decline;
        await row.Locator("button.danger").ClickAsync();
        Assert.Contains("policy confirm key", await asked.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(await Revoked(admin, keyId));
        page.Dialog -= Decline;
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await row.Locator("button.danger").ClickAsync();
        await Assertions.Expect(page.Locator("#admin-notice")).ToBeVisibleAsync();
        Assert.True(await Revoked(admin, keyId));
    }

    private static async Task<bool> Revoked(HttpClient admin, int keyId)
    {
        var keys = (await (await admin.GetAsync("/api/api-keys")).Json())!.AsArray();
        return keys.Single(k => k!["id"]!.GetValue<int>() == keyId)!["revokedAt"] is not null;
    }
}
