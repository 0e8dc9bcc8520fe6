using Microsoft.Playwright;

namespace SmartStore.Integration.Tests;

/// <summary>A person in Debian's Chromium: signs in, creates a store, and watches a camera come online on the HQ board.</summary>
[Collection(SystemCollection.Name)]
public sealed class BrowserTests(SmartStoreSystem system)
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task Admin_signs_in_creates_a_store_and_sees_a_camera_go_online_live()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "admin", "zh-CN");

        await page.GotoAsync("/stores");
        await page.FillAsync("#new-store input[name='Input.Code']", "X0401");
        await page.FillAsync("#new-store input[name='Input.Name']", "浏览器新建门店");
        await page.SelectOptionAsync("#new-store select[name='Input.RegionCode']", "NORTH");
        await page.FillAsync("#new-store input[name='Input.City']", "北京");
        await page.FillAsync("#new-store input[name='Input.Latitude']", "39.90");
        await page.FillAsync("#new-store input[name='Input.Longitude']", "116.40");
        await page.ClickAsync("#new-store button[type=submit]");
        await Assertions.Expect(page.Locator("#store-created")).ToContainTextAsync("X0401");
        await page.GotoAsync("/stores?q=X0401");
        await Assertions.Expect(page.Locator("#store-list")).ToContainTextAsync("浏览器新建门店");

        // The HQ board, live: a heartbeat from outside the browser turns the cell green without a reload.
        await page.GotoAsync("/");
        await page.WaitForFunctionAsync("document.body.dataset.live === 'connected'");
        var cell = page.Locator("td[data-camera='CAM-S0027-P1']");
        await Assertions.Expect(cell).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bonline\\b"));
        using var device = system.Anonymous();
        await MasterDataApiTests.Heartbeat(device, "CAM-S0027-P1", system.CameraSecret("CAM-S0027-P1"));
        await Assertions.Expect(cell).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bonline\\b"), new() { Timeout = 15_000 });
        await Assertions.Expect(cell).ToContainTextAsync("在线");

        // Language switch: the same board in English.
        await page.ClickAsync("a.lang");
        await Assertions.Expect(page.Locator("header nav")).ToContainTextAsync("HQ board");
    }

    [Fact]
    public async Task Camera_page_shows_each_new_ftp_snapshot_live()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "east", "en");

        const string camera = "CAM-S0007-E1";
        await page.GotoAsync($"/cameras/{camera}");
        await page.WaitForFunctionAsync("document.body.dataset.live === 'connected'");
        var frame = Path.Combine(SmartStore.Testing.SharedData.Shared, "data", "tud-mot15", "images", "TUD-Campus", "000010.jpg");
        var upload = await FtpClients.Curl("-sS", "-T", frame, "--user", $"{camera}:{system.CameraSecret(camera)}",
            $"ftp://127.0.0.1:{system.FtpPort}/live.jpg");
        Assert.True(upload.ExitCode == 0, upload.Error);

        await page.WaitForFunctionAsync("document.body.dataset.lastSnapshot !== undefined", null, new() { Timeout = 15_000 });
        var src = await page.GetAttributeAsync("#last-image", "src");
        Assert.Matches("^/api/snapshots/[0-9]+/image$", src);
        // The src changes before the bytes arrive: wait for the browser to have decoded the new image.
        await page.WaitForFunctionAsync("(() => { const i = document.getElementById('last-image'); return i.complete && i.naturalWidth > 0; })()",
            null, new() { Timeout = 15_000 });
        var loaded = await page.EvaluateAsync<int>("document.getElementById('last-image').naturalWidth");
        Assert.Equal(640, loaded);
    }

    /// <summary>Debian's Chromium, headless; Playwright downloads no browser of its own.</summary>
    private static Task<IBrowser> LaunchChromium(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });

    /// <summary>A page signed in through the login form, as the person would.</summary>
    private async Task<IPage> SignedInPage(IBrowser browser, string user, string locale)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = locale, BaseURL = system.BaseAddress.ToString() });
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=Username]", user);
        await page.FillAsync("input[name=Password]", system.Passwords[user]);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/");
        return page;
    }
}
