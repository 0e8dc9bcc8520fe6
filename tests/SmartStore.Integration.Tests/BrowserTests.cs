using System.Net;
using Dapper;
using Microsoft.Playwright;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>A person in Debian's Chromium: signs in, creates a store, and watches a camera come online on the HQ board.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class BrowserTests(SmartStoreSystem system)
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task Admin_signs_in_creates_a_store_and_sees_a_camera_go_online_live()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "admin", "zh-CN");
        // Every request the pages make (styles, scripts, the icon, the live hub) is answered.
        var failed = new List<string>();
        page.Response += (_, response) => { if (response.Status >= 400) failed.Add($"{response.Status} {response.Url}"); };

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
        using var admin = await system.SignedIn("admin");
        var secret = await AllDayStores.WithCamera(admin, "X0402", "浏览器通宵店", "NORTH", "CAM-X0402-E1");
        await page.GotoAsync("/");
        await Until(page, "document.body.dataset.live === 'connected'");
        var cell = page.Locator("td[data-camera='CAM-X0402-E1']");
        await Assertions.Expect(cell).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bonline\\b"));
        using var device = system.Anonymous();
        await MasterDataApiTests.Heartbeat(device, "CAM-X0402-E1", secret);
        await Assertions.Expect(cell).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bonline\\b"), new() { Timeout = 15_000 });
        await Assertions.Expect(cell).ToContainTextAsync("在线");
        // Silent again (2 s here), it goes offline, with its last heartbeat's time (an online camera shows no time: the
        // board hears of status changes, not of every heartbeat).
        await Assertions.Expect(cell).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\boffline\\b"), new() { Timeout = 15_000 });
        await Assertions.Expect(cell.Locator(".seen")).ToContainTextAsync("最后心跳");

        // Language switch: the same board in English.
        await page.ClickAsync("a.lang");
        await Assertions.Expect(page.Locator("header nav")).ToContainTextAsync("HQ board");
        Assert.Equal("image/svg+xml", (await page.APIRequest.GetAsync("/favicon.svg")).Headers["content-type"]);
        Assert.Empty(failed);
    }

    [Fact]
    public async Task The_hq_board_puts_stores_needing_attention_first_and_finds_stores_by_search_state_and_column()
    {
        // A store whose only camera reported once and went silent (2 s here): offline, so it needs attention.
        using var admin = await system.SignedIn("admin");
        var secret = await AllDayStores.WithSilentCamera(system, admin, "X0811", "看板离线测试店", "NORTH", "CAM-X0811-E1");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "admin", "zh-CN");
        await page.GotoAsync("/");
        await Until(page, "document.body.dataset.live === 'connected'");
        const string rows = "Array.from(document.querySelectorAll('#camera-board tbody tr'))";
        const string calm = "r => !r.querySelector('td.cam.offline, .closed-tag:not([hidden])') && !Array.from(r.querySelectorAll('td.cam')).some(c => c.dataset.faults)";
        var total = await page.EvaluateAsync<int>($"{rows}.length");
        // Served attention first: X0811 sorts after every S-store by code, yet comes before the first store needing nothing.
        var offlineAt = await page.EvaluateAsync<int>($"{rows}.findIndex(r => r.dataset.store === 'X0811')");
        var firstCalm = await page.EvaluateAsync<int>($"{rows}.findIndex({calm})");
        Assert.True(offlineAt >= 0 && firstCalm > offlineAt, $"X0811 at {offlineAt}, first store needing nothing at {firstCalm}");

        // Search by name: one store left, said in the count, kept in the address.
        await page.FillAsync("#board-search", "看板离线");
        await Assertions.Expect(page.Locator("#camera-board tbody tr:not([hidden])")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#board-shown")).ToHaveTextAsync($"显示 1 / {total} 家门店");
        Assert.Contains("q=", page.Url);
        await page.FillAsync("#board-search", "");

        // The offline tile shows only stores with a camera offline; the camera's next heartbeat takes its store out, live.
        await page.ClickAsync("button[data-show='offline']");
        await Assertions.Expect(page.Locator("button[data-show='offline']")).ToHaveAttributeAsync("aria-pressed", "true");
        var x0811 = page.Locator("tr[data-store='X0811']");
        await Assertions.Expect(x0811).ToBeVisibleAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>($"{rows}.filter(r => !r.hidden && !r.querySelector('td.cam.offline')).length"));
        Assert.True(await page.EvaluateAsync<int>($"{rows}.filter(r => r.hidden).length") > 0, "stores with every camera online are hidden");
        using var device = system.Anonymous();
        await MasterDataApiTests.Heartbeat(device, "CAM-X0811-E1", secret);
        await Assertions.Expect(x0811).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await page.ClickAsync("button[data-show='offline']");
        await Assertions.Expect(page.Locator("#board-show")).ToHaveValueAsync("all");

        // A column header sorts by it: entries largest first, then turned.
        await system.Grains.GetGrain<ILiveFeedNotifierGrain>(0).Publish(LiveUpdate.ForTraffic("S0002", null,
            TrafficCounters.Zero with { Entries = 77_777 }, DateTime.UtcNow));
        await Assertions.Expect(page.Locator("tr[data-store='S0002'] td[data-traffic='entries']")).ToHaveTextAsync("77777", new() { Timeout = 15_000 });
        const string entries = $"{rows}.map(r => parseFloat(r.querySelector('td[data-traffic=entries]').textContent))";
        await page.ClickAsync("th[data-sort='entries'] button");
        await Assertions.Expect(page.Locator("th[data-sort='entries']")).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(page.Locator("#camera-board tbody tr").First).ToHaveAttributeAsync("data-store", "S0002");
        Assert.True(await page.EvaluateAsync<bool>($"{entries}.every((v, i, a) => i === 0 || a[i - 1] >= v)"));
        await page.ClickAsync("th[data-sort='entries'] button");
        await Assertions.Expect(page.Locator("th[data-sort='entries']")).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.True(await page.EvaluateAsync<bool>($"{entries}.every((v, i, a) => i === 0 || a[i - 1] <= v)"));

        // A store looking closed, raised live: tagged, and its tag says since when on the store's clock (12:00 in Shanghai).
        var since = new DateTime(2026, 12, 1, 4, 0, 0, DateTimeKind.Utc);
        await system.Grains.GetGrain<ILiveFeedNotifierGrain>(0).Publish(LiveUpdate.ForTraffic("S0003", null, TrafficCounters.Zero, DateTime.UtcNow,
            new StoreClosure("S0003", since, since.AddMinutes(40), 57, 0.3, 0.001)));
        var tag = page.Locator("tr[data-store='S0003'] .closed-tag");
        await Assertions.Expect(tag).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(tag).ToHaveAttributeAsync("title", "12:00 起无顾客进店，期间 57 人从门口经过。");
        await system.Grains.GetGrain<ILiveFeedNotifierGrain>(0).Publish(LiveUpdate.ForTraffic("S0003", null, TrafficCounters.Zero, DateTime.UtcNow));
        await Assertions.Expect(tag).ToBeHiddenAsync(new() { Timeout = 15_000 });

        // What /m links to: the board showing what needs attention.
        await page.GotoAsync("/?show=attention");
        await Assertions.Expect(page.Locator("#board-show")).ToHaveValueAsync("attention");
        Assert.Equal(0, await page.EvaluateAsync<int>($"{rows}.filter(r => !r.hidden && ({calm})(r)).length"));
    }

    [Fact]
    public async Task Camera_page_shows_each_new_ftp_snapshot_live()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "east", "en");

        const string camera = "CAM-S0007-E1";
        await page.GotoAsync($"/cameras/{camera}");
        await Until(page, "document.body.dataset.live === 'connected'");
        var frame = Path.Combine(SmartStore.Testing.SharedData.Shared, "data", "tud-mot15", "images", "TUD-Campus", "000010.jpg");
        var upload = await FtpClients.Curl("-sS", "-T", frame, "--user", $"{camera}:{system.CameraSecret(camera)}",
            $"ftp://127.0.0.1:{system.FtpPort}/live.jpg");
        Assert.True(upload.ExitCode == 0, upload.Error);

        await Until(page, "document.body.dataset.lastSnapshot !== undefined", 15_000);
        var src = await page.GetAttributeAsync("#last-image", "src");
        Assert.Matches("^/api/snapshots/[0-9]+/image$", src);
        // The src changes before the bytes arrive: wait for the browser to have decoded the new image.
        await Until(page, "(() => { const i = document.getElementById('last-image'); return i.complete && i.naturalWidth > 0; })()", 15_000);
        var loaded = await page.EvaluateAsync<int>("document.getElementById('last-image').naturalWidth");
        Assert.Equal(640, loaded);
    }

    [Fact]
    public async Task Store_page_tiles_follow_the_stores_foot_traffic_live()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "admin", "en-US");

        await page.GotoAsync("/stores/S0007");
        await Until(page, "document.body.dataset.live === 'connected'");
        await Assertions.Expect(page.Locator("#live-state")).ToHaveTextAsync("Live");
        var today = new SmartStore.Models.TrafficCounters(Entries: 4321, Exits: 4000, PassersBy: 4321, UniqueVisitors: 3999, Repeats: 12,
            Staff: 7, Occupancy: 321, MaxOccupancy: 400, DwellSecondsTotal: 600, DwellCount: 2);
        var notifier = system.Grains.GetGrain<SmartStore.GrainInterfaces.ILiveFeedNotifierGrain>(0);
        await notifier.Publish(SmartStore.Models.LiveUpdate.ForTraffic("S0007", null, today, DateTime.UtcNow));

        var tiles = page.Locator("#traffic-today");
        await Assertions.Expect(tiles.Locator("[data-field=entries]")).ToHaveTextAsync("4321", new() { Timeout = 15_000 });
        await Assertions.Expect(tiles.Locator("[data-field=entryRate]")).ToHaveTextAsync("50%");
        await Assertions.Expect(tiles.Locator("[data-field=occupancy]")).ToHaveTextAsync("321");
        await Assertions.Expect(tiles.Locator("[data-field=averageDwell]")).ToContainTextAsync("5.0");

        // A to-do raised for the store (the region manager, from a picture or by hand) appears without a reload, and goes
        // when the store marks it done.
        using var admin = await system.SignedIn("admin");
        var raised = await (await admin.PostJson("/api/todos", new { store = "S0007", text = "Shelf banner hangs in front of the dome" })).Json();
        var todos = page.Locator("#store-todos");
        await Assertions.Expect(todos).ToContainTextAsync("Shelf banner hangs in front of the dome", new() { Timeout = 15_000 });
        await admin.PostJson($"/api/todos/{raised["id"]}/done", new { note = "Banner moved" });
        await Assertions.Expect(todos).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task Admin_moves_renames_adds_and_deletes_planogram_slots_on_the_reference_image()
    {
        const string camera = "CAM-S0028-P1";
        using var admin = await system.SignedIn("admin");
        var reference = await UploadPresetPhoto(camera);
        var created = await admin.PutRaw($"/api/cameras/{camera}/planograms/1",
            $$$"""{"referenceSnapshotId":{{{reference}}},"grid":{"x":0,"y":0,"width":1,"height":1,"rows":1,"columns":2,"idPrefix":"T-"}}""");
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var referenceBytes = await admin.GetByteArrayAsync($"/api/cameras/{camera}/planograms/1/reference");
        var sku = (await (await admin.GetAsync("/api/skus")).Json())["items"]![0]!["code"]!.GetValue<string>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "admin", "en-US");
        await page.SetViewportSizeAsync(1400, 1400); // the whole reference image on screen: the mouse does not scroll
        await page.GotoAsync($"/cameras/{camera}/presets/1");
        var figure = page.Locator("#planogram-figure");
        var first = (await figure.Locator("g.slot[data-slot='T-R1C1'] rect").BoundingBoxAsync())!;
        // Drag the first slot 20 px right and down, then shrink it by its handle.
        await page.Mouse.MoveAsync(first.X + first.Width / 2, first.Y + first.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(first.X + first.Width / 2 + 20, first.Y + first.Height / 2 + 20, new() { Steps = 4 });
        await page.Mouse.UpAsync();
        var handle = (await figure.Locator("rect.handle").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(handle.X + handle.Width / 2, handle.Y + handle.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(handle.X - first.Width / 4, handle.Y - first.Height / 4, new() { Steps = 4 });
        await page.Mouse.UpAsync();
        await page.FillAsync("#slot-id", "SHARED-7");
        await page.FillAsync("#slot-sku", sku);
        // Delete the second slot, and draw a new one over the lower right of the image.
        await figure.Locator("g.slot[data-slot='T-R1C2'] rect").ClickAsync();
        await page.ClickAsync("#slot-delete");
        await page.ClickAsync("#slot-add");
        var image = (await figure.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(image.X + image.Width * 0.6f, image.Y + image.Height * 0.6f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(image.X + image.Width * 0.9f, image.Y + image.Height * 0.9f, new() { Steps = 4 });
        await page.Mouse.UpAsync();
        // A click without a drag adds a small slot too (at a fractional screen point: saved in whole pixels).
        await page.ClickAsync("#slot-add");
        await page.Mouse.ClickAsync(image.X + image.Width * 0.1f + 0.37f, image.Y + image.Height * 0.8f + 0.41f);
        await Assertions.Expect(page.Locator("#slot-dirty")).ToBeVisibleAsync();
        await page.ClickAsync("#slot-save");
        await Assertions.Expect(page.Locator("#planogram-notice")).ToContainTextAsync("Planogram saved");

        var saved = (await (await admin.GetAsync($"/api/cameras/{camera}/planograms")).Json()).AsArray().Single(p => p!["preset"]!.GetValue<int>() == 1)!;
        var slots = saved["slots"]!.AsArray().ToDictionary(s => s!["slotId"]!.GetValue<string>(), s => s!);
        Assert.Equal(["P1.1-S2", "P1.1-S3", "SHARED-7"], slots.Keys.Order());
        var moved = slots["SHARED-7"];
        var width = saved["referenceWidth"]!.GetValue<int>();
        Assert.InRange(moved["x"]!.GetValue<int>(), 1, width / 4);
        Assert.InRange(moved["width"]!.GetValue<int>(), width / 8, width / 2 - 1);
        Assert.Equal(sku, moved["plannedSku"]!.GetValue<string>());
        Assert.InRange(slots["P1.1-S2"]["x"]!.GetValue<int>(), (int)(width * 0.55), (int)(width * 0.65));
        // Adjusting slots keeps the image they were drawn on.
        Assert.Equal(referenceBytes, await admin.GetByteArrayAsync($"/api/cameras/{camera}/planograms/1/reference"));

        // A refused save keeps the user's slots in the editor; a save over a planogram changed since is refused.
        var presetPage = $"/cameras/{camera}/presets/1";
        var version = System.Text.RegularExpressions.Regex.Match(await admin.GetStringAsync(presetPage), "name=\"planogramVersion\" value=\"(\\d+)\"").Groups[1].Value;
        var refused = await PageForms.PostForm(admin, presetPage, presetPage + "?handler=slots", new()
        {
            ["planogramVersion"] = version,
            ["slotsJson"] = """[{"slotId":"KEEP-ME","plannedSku":"SKU-NOPE","x":1,"y":1,"width":50,"height":50}]""",
        });
        var refusedHtml = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("SKU-NOPE", refusedHtml[refusedHtml.IndexOf("class=\"errors\"", StringComparison.Ordinal)..]);
        Assert.Contains("\"slotId\":\"KEEP-ME\"", refusedHtml);
        var stale = await PageForms.PostForm(admin, presetPage, presetPage + "?handler=slots", new()
        {
            ["planogramVersion"] = "1",
            ["slotsJson"] = """[{"slotId":"STALE","plannedSku":null,"x":1,"y":1,"width":50,"height":50}]""",
        });
        Assert.Contains("陈列图已被修改", System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        var kept = (await (await admin.GetAsync($"/api/cameras/{camera}/planograms")).Json()).AsArray().Single(p => p!["preset"]!.GetValue<int>() == 1)!;
        Assert.Equal(["P1.1-S2", "P1.1-S3", "SHARED-7"], kept["slots"]!.AsArray().Select(s => s!["slotId"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Admin_draws_an_in_store_cameras_counting_area_and_people_outside_it_are_not_counted()
    {
        const string camera = "CAM-S0023-I9";
        using var admin = await system.SignedIn("admin");
        var created = await admin.PostJson("/api/cameras", new { code = camera, kind = "interior", brand = "Hikvision", model = "DS-2CD", storeCode = "S0023" });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Json())["secret"]!.GetValue<string>();
        var firstFrame = await UploadMallFrames(camera, secret, 1, 1);
        await using var connection = await system.Database.Database.Open();
        await Eventually.Get(() => connection.ExecuteScalarAsync<int>("SELECT count(*) FROM snapshots WHERE id = ANY(@firstFrame) AND status = 'analysed'",
            new { firstFrame }), n => n == 1, within: TimeSpan.FromSeconds(60), what: "the first frame analysed");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "admin", "zh-CN");
        await page.SetViewportSizeAsync(1400, 1400); // the whole image on screen: the mouse does not scroll
        await page.GotoAsync($"/cameras/{camera}");
        await Assertions.Expect(page.Locator("#counting-area-state")).ToContainTextAsync("统计整个画面");
        // The people of the newest analysed frame are drawn under the editor; without an area all of them count.
        var found = await page.Locator("#counting-area-svg g.person").CountAsync();
        Assert.True(found > 5, $"{found} people drawn");
        await Assertions.Expect(page.Locator("#area-count")).ToContainTextAsync($"找到 {found} 人，计入 {found} 人");
        // The left half of the view, corner by corner; the save button waits for the third corner.
        await page.Locator("#counting-area-svg").ScrollIntoViewIfNeededAsync();
        var image = (await page.Locator("#counting-area-svg").BoundingBoxAsync())!;
        (float X, float Y)[] corners = [(0.01f, 0.01f), (0.5f, 0.01f), (0.5f, 0.99f), (0.01f, 0.99f)];
        for (var i = 0; i < corners.Length; i++)
        {
            Assert.Equal(i < 3, await page.Locator("#counting-area-save").IsDisabledAsync());
            await page.Mouse.ClickAsync(image.X + image.Width * corners[i].X, image.Y + image.Height * corners[i].Y);
        }
        // While drawing, the frame's people show whether the new area would count them.
        var outside = await page.Locator("#counting-area-svg g.person.outside").CountAsync();
        Assert.InRange(outside, 1, found - 1);
        await Assertions.Expect(page.Locator("#area-count")).ToContainTextAsync($"将计入 {found - outside} 人（共 {found} 人）");
        await page.ClickAsync("#counting-area-save");
        await Assertions.Expect(page.Locator("#camera-notice")).ToContainTextAsync("计数区域已保存");
        await Assertions.Expect(page.Locator("#counting-area-svg .counting-area polygon")).ToHaveCountAsync(1);
        var area = (await (await admin.GetAsync($"/api/cameras/{camera}")).Json())["camera"]!["countingArea"]!["points"]!.AsArray();
        Assert.Equal(4, area.Count);
        Assert.InRange(area[1]!["x"]!.GetValue<float>(), 0.48f, 0.52f);
        // The page refuses an area it cannot count with, as the API does, and keeps the saved one.
        var cameraPage = $"/cameras/{camera}";
        var refused = await PageForms.PostForm(admin, cameraPage, cameraPage + "?handler=countingArea", new() { ["points"] = "0.1,0.1 0.9,0.1" });
        Assert.Contains("计数区域至少需要 3 个角点。", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var crossing = await PageForms.PostForm(admin, cameraPage, cameraPage + "?handler=countingArea&culture=en", new() { ["points"] = "0.1,0.1 0.9,0.9 0.9,0.1 0.1,0.9" });
        Assert.Contains("the area's edges cross", System.Net.WebUtility.HtmlDecode(await crossing.Content.ReadAsStringAsync()));
        var unreadable = await PageForms.PostForm(admin, cameraPage, cameraPage + "?handler=countingArea", new() { ["points"] = "0.1;0.1 x,y 0.5,0.9" });
        Assert.Contains("class=\"errors\"", await unreadable.Content.ReadAsStringAsync());
        Assert.Equal(4, (await (await admin.GetAsync($"/api/cameras/{camera}")).Json())["camera"]!["countingArea"]!["points"]!.AsArray().Count);

        // Frames after it: people right of the middle are found but not counted, on the stored analysis and the detail page.
        var ids = await UploadMallFrames(camera, secret, 2, 3);
        var analyses = await Eventually.Get(() => connection.QueryAsync<string>(
                "SELECT analysis::text FROM snapshots WHERE id = ANY(@ids) AND status = 'analysed' ORDER BY id", new { ids }),
            a => a.Count() == ids.Length, within: TimeSpan.FromSeconds(60), what: "the two frames analysed");
        foreach (var json in analyses)
        {
            var analysis = System.Text.Json.Nodes.JsonNode.Parse(json)!;
            var (width, height) = (analysis["width"]!.GetValue<float>(), analysis["height"]!.GetValue<float>());
            var people = analysis["people"]!.AsArray();
            // Clear of the drawn edges (clicks land within a pixel or two): left of the middle counted, right of it not.
            foreach (var p in people.Select(p => p!))
            {
                var (x, y) = (FootMiddle(p) / width, p["box"]![3]!.GetValue<float>() / height);
                if (x > 0.52f) Assert.False(p["counted"]!.GetValue<bool>());
                else if (x is > 0.03f and < 0.48f && y is > 0.03f and < 0.97f) Assert.True(p["counted"]!.GetValue<bool>());
            }
            Assert.InRange(analysis["counted"]!.GetValue<int>(), 1, people.Count - 1);
        }
        await page.GotoAsync($"/snapshots/{ids[^1]}");
        var last = System.Text.Json.Nodes.JsonNode.Parse(analyses.Last())!;
        await Assertions.Expect(page.Locator("#people-counted")).ToHaveTextAsync(last["counted"]!.ToString());
        await Assertions.Expect(page.Locator("g.person.outside")).ToHaveCountAsync(last["count"]!.GetValue<int>() - last["counted"]!.GetValue<int>());
        await Assertions.Expect(page.Locator("#snapshot-figure .counting-area polygon")).ToHaveCountAsync(1);
    }

    private static float FootMiddle(System.Text.Json.Nodes.JsonNode person)
    {
        var box = person["box"]!.AsArray();
        return (box[0]!.GetValue<float>() + box[2]!.GetValue<float>()) / 2;
    }

    /// <summary>Mall-crowd frames first..last over FTP under Hikvision-style names, a second apart from now; their snapshot ids.</summary>
    private async Task<long[]> UploadMallFrames(string camera, string secret, int first, int last)
    {
        var folder = Directory.CreateTempSubdirectory("area-");
        try
        {
            var start = DateTime.UtcNow.AddHours(8);
            var files = Enumerable.Range(first, last - first + 1).Select(i =>
            {
                var target = Path.Combine(folder.FullName, $"{camera}_01_{start.AddSeconds(i):yyyyMMddHHmmssfff}_F{i:000000}.jpg");
                File.Copy(Path.Combine(SharedData.Shared, "data", "mall-crowd", "images", $"seq_{i:000000}.jpg"), target);
                return target;
            }).ToList();
            var upload = await FtpClients.Curl("-sS", "-T", "{" + string.Join(",", files) + "}", "--user", $"{camera}:{secret}", $"ftp://127.0.0.1:{system.FtpPort}/");
            Assert.True(upload.ExitCode == 0, upload.Error);
            await using var connection = await system.Database.Database.Open();
            var names = files.Select(Path.GetFileName).ToArray();
            return (await connection.QueryAsync<long>("SELECT id FROM snapshots WHERE camera_code = @camera AND file_name = ANY(@names) ORDER BY id",
                new { camera, names })).ToArray();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Admin_crops_a_sku_reference_photo_by_dragging_a_box_on_it()
    {
        using var admin = await system.SignedIn("admin");
        var shelfShot = Path.Combine(SharedData.Shared, "data", "grocery-store", "images", "train", "Packages", "Juice", "Bravo-Apple-Juice", "Bravo-Apple-Juice_001.jpg");
        var upload = new ByteArrayContent(await File.ReadAllBytesAsync(shelfShot));
        upload.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        var original = await (await admin.PostAsync("/api/skus/SKU-1032/photos", upload)).Json();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "admin", "zh-CN");
        await page.GotoAsync("/skus/SKU-1032");
        await page.ClickAsync(".crop-open");
        var image = page.Locator("#crop-image");
        await Assertions.Expect(image).ToBeVisibleAsync();
        await Until(page, "document.getElementById('crop-image').complete && document.getElementById('crop-image').naturalWidth > 0");
        var shown = (await image.BoundingBoxAsync())!;
        // Keep the middle half of the photo.
        await page.Mouse.MoveAsync(shown.X + shown.Width / 4, shown.Y + shown.Height / 4);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(shown.X + shown.Width * 3 / 4, shown.Y + shown.Height * 3 / 4, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.ClickAsync("#crop-save");
        await Assertions.Expect(page.Locator("#photo-notice")).ToContainTextAsync("已裁剪");
        // The page says whether shelf recognition has learned the SKU photos yet (the crop is a new photo to learn).
        await Assertions.Expect(page.Locator("#sku-gallery")).ToContainTextAsync("识别库");

        var photos = (await (await admin.GetAsync("/api/skus/SKU-1032/photos")).Json()).AsArray();
        var photo = Assert.Single(photos)!;
        Assert.NotEqual(original["id"]!.GetValue<long>(), photo["id"]!.GetValue<long>());
        var (width, height) = (original["width"]!.GetValue<int>(), original["height"]!.GetValue<int>());
        Assert.InRange(photo["width"]!.GetValue<int>(), width / 2 - 4, width / 2 + 4);
        Assert.InRange(photo["height"]!.GetValue<int>(), height / 2 - 4, height / 2 + 4);
    }

    [Fact]
    public async Task The_display_wall_screen_draws_todays_regions_skus_and_weakest_stores()
    {
        // Today's shelves of two stores in two regions: one far below every other store, one with a SKU on many facings.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        var history = new SmartStore.Storage.ShelfHistory(system.Database.Database);
        await history.Write(new SmartStore.Models.ShelfDay("S0007", today, 20, 20, 20, 1, 0.05, 20, 0, 5, new Dictionary<string, int> { ["SKU-1002"] = 20 }));
        await history.Write(new SmartStore.Models.ShelfDay("S0015", today, 20, 20, 20, 19, 0.95, 900, 0, 0, new Dictionary<string, int> { ["SKU-1040"] = 900 }));
        using var admin = await system.SignedIn("admin");
        var topSku = (await (await admin.GetAsync("/api/skus/SKU-1040")).Json())["name"]!.GetValue<string>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "admin", "en-US");
        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoAsync("/screen/display");
        await Until(page, "document.getElementById('display-screen').dataset.drawn === '1'");
        await Assertions.Expect(page.Locator("#screen-worst tbody tr").First).ToHaveAttributeAsync("data-store", "S0007");
        await Assertions.Expect(page.Locator("#screen-worst tbody tr").First).ToContainTextAsync("5%");
        var regionBars = await page.EvaluateAsync<int>("echarts.getInstanceByDom(document.getElementById('screen-regions')).getOption().series[0].data.length");
        Assert.True(regionBars >= 2, $"{regionBars} region bars");
        var skuLabels = await page.EvaluateAsync<string[]>("echarts.getInstanceByDom(document.getElementById('screen-skus')).getOption().yAxis[0].data");
        Assert.Equal(topSku, skuLabels[^1]); // the longest bar, drawn at the top
        await Until(page, "document.getElementById('display-screen').dataset.map === 'drawn'");
        var mapPoints = await page.EvaluateAsync<int>("echarts.getInstanceByDom(document.getElementById('screen-map')).getOption().series[0].data.length");
        Assert.Equal("geo", await page.EvaluateAsync<string>("echarts.getInstanceByDom(document.getElementById('screen-map')).getOption().series[0].coordinateSystem"));
        // Every store trading today, read today or not (one being prepared or closed for good is not on the wall screens).
        Assert.Equal((await (await admin.GetAsync("/api/stores?status=trading&pageSize=1")).Json())["total"]!.GetValue<int>(), mapPoints);

        // 本月: compliance day by day from the 1st, where a third store was half compliant.
        var first = new DateOnly(today.Year, today.Month, 1);
        await history.Write(new SmartStore.Models.ShelfDay("S0021", first, 20, 20, 20, 10, 0.5, 20, 0, 2, new Dictionary<string, int> { ["SKU-1002"] = 20 }));
        var month = await SignedInPage(browser, "admin", "en-US");
        await month.SetViewportSizeAsync(1920, 1080);
        await month.GotoAsync("/screen/display?period=month");
        await Until(month, "document.getElementById('display-screen').dataset.drawn === '1'");
        await Assertions.Expect(month.Locator("#screen-periods a.on")).ToHaveTextAsync("This month");
        const string trend = "echarts.getInstanceByDom(document.getElementById('screen-trend')).getOption()";
        var days = await month.EvaluateAsync<string[]>($"{trend}.xAxis[0].data");
        Assert.Equal(first.ToString("MM-dd"), days[0]);
        // The 1st's compliance as the report gives it (50 %, unless the 1st is today and other stores read shelves too).
        var firstDay = (await (await admin.GetAsync($"/api/display/report?from={first:yyyy-MM-dd}&to={first:yyyy-MM-dd}")).Json())["trend"]![0]!;
        Assert.Equal(Math.Round(firstDay["compliance"]!.GetValue<double>() * 1000) / 10, await month.EvaluateAsync<double>($"{trend}.series[0].data[0].value"));
        Assert.Contains("&to=" + today.ToString("yyyy-MM-dd"), await month.Locator("#display-screen").GetAttributeAsync("data-report-url"));
        await month.CloseAsync();

        // A chain's patrols never pause: while shelf changes keep arriving the screen still re-reads the report.
        await Until(page, "document.body.dataset.live === 'connected'");
        await history.Write(new SmartStore.Models.ShelfDay("S0007", today, 20, 20, 20, 0, 0.0, 20, 0, 6, new Dictionary<string, int> { ["SKU-1002"] = 20 }));
        var notifier = system.Grains.GetGrain<SmartStore.GrainInterfaces.ILiveFeedNotifierGrain>(0);
        var redrawn = false;
        for (var i = 0; i < 120 && !redrawn; i++)
        {
            await notifier.Publish(SmartStore.Models.LiveUpdate.ForShelf("S0007", null, 0.0, DateTime.UtcNow));
            await Task.Delay(500);
            redrawn = await page.EvaluateAsync<bool>("Number(document.getElementById('display-screen').dataset.drawn) >= 2");
        }
        Assert.True(redrawn, "the screen was not redrawn while shelf changes kept arriving");
        await Assertions.Expect(page.Locator("#screen-worst tbody tr").First).ToContainTextAsync("0%");
    }

    [Fact]
    public async Task The_traffic_wall_screen_puts_every_store_on_the_map_of_china_and_follows_their_counters_live()
    {
        using var admin = await system.SignedIn("admin");
        var stores = (await (await admin.GetAsync("/api/stores?status=trading&pageSize=1")).Json())["total"]!.GetValue<int>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await TrafficScreen(browser);
        Assert.True(await page.EvaluateAsync<bool>("echarts.getMap('china') !== undefined && echarts.getMap('china') !== null"));
        const string points = "echarts.getInstanceByDom(document.getElementById('screen-map')).getOption().series[0].data";
        Assert.Equal(stores, await page.EvaluateAsync<int>($"{points}.length"));
        Assert.Equal(24, await page.EvaluateAsync<int>("echarts.getInstanceByDom(document.getElementById('screen-hours')).getOption().xAxis[0].data.length"));

        // A store's counters on the live feed: it leads the busiest stores, and its dot carries its entries.
        await Until(page, "document.body.dataset.live === 'connected'");
        var today = new SmartStore.Models.TrafficCounters(Entries: 99_999, Exits: 90_000, PassersBy: 33_333, UniqueVisitors: 90_000, Repeats: 0,
            Staff: 0, Occupancy: 9, MaxOccupancy: 99, DwellSecondsTotal: 0, DwellCount: 0);
        await system.Grains.GetGrain<SmartStore.GrainInterfaces.ILiveFeedNotifierGrain>(0)
            .Publish(SmartStore.Models.LiveUpdate.ForTraffic("S0007", null, today, DateTime.UtcNow));
        var first = page.Locator("#screen-top tbody tr").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-store", "S0007", new() { Timeout = 15_000 });
        await Assertions.Expect(first).ToContainTextAsync("99,999");
        await Assertions.Expect(first).ToContainTextAsync("75%");
        Assert.Equal(99_999, await page.EvaluateAsync<int>($"{points}.find(p => p.name.startsWith('S0007 ')).entries"));
    }

    [Fact]
    public async Task The_traffic_wall_screen_opens_a_region_from_its_name_framed_on_its_stores_with_its_cities()
    {
        using var admin = await system.SignedIn("admin");
        // The wall screen maps the stores trading today (a test may have one being prepared or closed while this runs).
        var eastStores = (await (await admin.GetAsync("/api/stores?region=EAST&status=trading&pageSize=1")).Json())["total"]!.GetValue<int>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await TrafficScreen(browser);

        // The region's name on the regions' chart opens its screen.
        var at = await page.EvaluateAsync<float[]>("""
            (() => {
              const box = document.getElementById('screen-regions'), bars = echarts.getInstanceByDom(box), r = box.getBoundingClientRect();
              return [r.left + bars.convertToPixel({ xAxisIndex: 0 }, 0) - 12, r.top + bars.convertToPixel({ yAxisIndex: 0 }, 'East China')];
            })()
            """);
        await page.Mouse.ClickAsync(at[0], at[1]);
        await page.WaitForURLAsync("**/screen/traffic?region=EAST");
        await Until(page, "document.getElementById('traffic-screen').dataset.map === 'drawn'");
        Assert.Contains("East China", await page.TitleAsync());
        const string map = "echarts.getInstanceByDom(document.getElementById('screen-map')).getOption()";
        Assert.Equal(eastStores, await page.EvaluateAsync<int>($"{map}.series[0].data.length"));
        // Framed on the region, not the country: its stores' box is what the map fits, and every store is inside the map's box.
        Assert.True(await page.EvaluateAsync<double>($"{map}.geo[0].boundingCoords[1][0] - {map}.geo[0].boundingCoords[0][0]") < 20);
        Assert.True(await page.EvaluateAsync<bool>("""
            (() => {
              const chart = echarts.getInstanceByDom(document.getElementById('screen-map'));
              return chart.getOption().series[0].data.every(d => {
                const [x, y] = chart.convertToPixel({ geoIndex: 0 }, d.value.slice(0, 2));
                return x >= 0 && y >= 0 && x <= chart.getWidth() && y <= chart.getHeight();
              });
            })()
            """));
        var cities = await page.EvaluateAsync<string[]>("echarts.getInstanceByDom(document.getElementById('screen-regions')).getOption().yAxis[0].data");
        Assert.Contains("上海", cities);
        Assert.DoesNotContain("East China", cities);
        await Assertions.Expect(page.Locator("#screen-all-regions")).ToHaveAttributeAsync("href", "/screen/traffic");

        // A region outside the viewer's scope is refused as outside it (as the other pages and the API refuse it); a code
        // that is no region is not found.
        var east = await SignedInPage(browser, "east", "en-US");
        Assert.Equal(403, (await east.GotoAsync("/screen/traffic?region=NORTH"))!.Status);
        Assert.Equal(404, (await east.GotoAsync("/screen/traffic?region=NOWHERE"))!.Status);

        // The display screen opens a region the same way: its report and its stores only.
        var display = await admin.GetStringAsync("/screen/display?region=EAST");
        Assert.Contains("data-report-url=\"/api/display/report?from=", display);
        Assert.Contains("&amp;region=EAST\"", display);
        Assert.Contains("陈列大屏 · 华东大区", display);
        using var eastClient = await system.SignedIn("east");
        Assert.Equal(403, (int)(await eastClient.GetAsync("/screen/display?region=NORTH")).StatusCode);
        Assert.Equal(404, (int)(await eastClient.GetAsync("/screen/display?region=NOWHERE")).StatusCode);
    }

    [Fact]
    public async Task The_inspections_page_shows_a_to_do_raised_elsewhere_without_a_reload_but_not_while_a_note_is_being_typed()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "east", "en-US");
        await page.GotoAsync("/inspections?store=S0008");
        await Until(page, "document.body.dataset.live === 'connected'");

        using var admin = await system.SignedIn("admin");
        var first = await (await admin.PostJson("/api/todos", new { store = "S0008", text = "Window poster is torn" })).Json();
        var todo = page.Locator($"#todos li[data-todo='{first["id"]}']");
        await Assertions.Expect(todo).ToContainTextAsync("Window poster is torn", new() { Timeout = 15_000 });

        // The list now holds a form (its hidden antiforgery token is not something the reader typed): the next one still comes in.
        var second = await (await admin.PostJson("/api/todos", new { store = "S0008", text = "Door mat missing" })).Json();
        await Assertions.Expect(page.Locator($"#todos li[data-todo='{second["id"]}']")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        Assert.True(await page.Locator("#fresh-pictures").IsHiddenAsync());

        // The store manager's note half-typed: the next change is offered as a button, the note stays.
        await todo.Locator("input[name=note]").FillAsync("Poster ordered");
        var third = await (await admin.PostJson("/api/todos", new { store = "S0008", text = "Price tags faded" })).Json();
        await Assertions.Expect(page.Locator("#fresh-pictures")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal("Poster ordered", await todo.Locator("input[name=note]").InputValueAsync());
        await page.ClickAsync("#fresh-pictures button");
        await Assertions.Expect(page.Locator($"#todos li[data-todo='{third["id"]}']")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        foreach (var id in new[] { first["id"], second["id"], third["id"] }) await admin.PostJson($"/api/todos/{id}/done", new { note = "done" });
    }

    /// <summary>A grocery photo as the dome's preset-1 image, posted over HTTP ingest; returns its snapshot id.</summary>
    private async Task<long> UploadPresetPhoto(string camera)
    {
        var photo = Path.Combine(SharedData.Shared, "data", "grocery-store", "images", "train", "Packages", "Milk", "Arla-Standard-Milk", "Arla-Standard-Milk_002.jpg");
        var name = $"{camera}_P01_{DateTime.UtcNow.AddHours(8):yyyyMMddHHmmssfff}_editor.jpg";
        var upload = await FtpClients.Curl("-sS", "-u", $"{camera}:{system.CameraSecret(camera)}",
            "-F", $"file=@{photo};type=image/jpeg;filename={name}", new Uri(system.IngestAddress, $"/api/ingest/{camera}").ToString());
        Assert.Equal(0, upload.ExitCode);
        await using var connection = await system.Database.Database.Open();
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM snapshots WHERE camera_code = @camera AND file_name = @name", new { camera, name });
    }

    /// <summary>Debian's Chromium, headless; Playwright downloads no browser of its own.</summary>
    [Fact]
    public async Task The_mobile_view_installs_its_service_worker_and_shows_its_offline_page_without_a_network()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        using var admin = await system.SignedIn("admin");
        const string camera = "CAM-X0812-E1";
        var secret = await AllDayStores.WithCamera(admin, "X0812", "离线页测试店", "EAST", camera);
        var page = await SignedInPage(browser, "east", "zh-CN");
        await page.GotoAsync("/m");
        await Assertions.Expect(page.Locator("#attention h2")).ToContainTextAsync("需要处理");
        await Assertions.Expect(page.Locator(".store-card").First).ToBeVisibleAsync();
        Assert.EndsWith("/m", await page.EvaluateAsync<string>("navigator.serviceWorker.ready.then(r => r.scope)"));

        // The store map loads when opened, with the region's stores on it.
        await page.ClickAsync("#store-map summary");
        await Assertions.Expect(page.Locator("#store-map")).ToHaveAttributeAsync("data-map", "drawn", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#mobile-map canvas").First).ToBeVisibleAsync();
        Assert.DoesNotContain("X0812", await page.Locator("#store-map").GetAttributeAsync("data-attention") ?? "");

        // A camera of the region reports once and falls silent (2 s here): it joins the list without a reload, and its
        // store's dot turns to needing attention.
        var offline = page.Locator($"#attention li[data-camera='{camera}'][data-what='offline']");
        await Assertions.Expect(offline).ToHaveCountAsync(0);
        using var device = system.Anonymous();
        await MasterDataApiTests.Heartbeat(device, camera, secret);
        await Assertions.Expect(offline).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#store-map")).ToHaveAttributeAsync("data-attention", new System.Text.RegularExpressions.Regex(@"\bX0812\b"),
            new() { Timeout = 20_000 });

        // On the train: no network. The page says so instead of the browser's error.
        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("main h2")).ToContainTextAsync("没有网络连接");
        await page.Context.SetOfflineAsync(false);
        await page.GotoAsync("/m");
        await Assertions.Expect(page.Locator("#attention")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds in the page. Not Playwright's WaitForFunctionAsync: it compiles the
    /// condition with eval inside the page, which the pages' security policy refuses; an evaluation from outside is not.
    /// </summary>
    private static async Task Until(IPage page, string condition, int timeoutMs = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await page.EvaluateAsync<bool>(condition))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"still not true after {timeoutMs} ms: {condition}");
            await Task.Delay(100);
        }
    }

    private static Task<IBrowser> LaunchChromium(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });

    [Fact]
    public async Task A_large_phone_photo_is_sent_as_a_smaller_copy_when_a_store_closes_its_todo()
    {
        using var admin = await system.SignedIn("admin");
        var todo = await (await admin.PostJson("/api/todos", new { store = "S0001", text = "收银台价签缺失（照片测试）" })).Json();
        var id = todo["id"]!.GetValue<long>();
        var photo = PhonePhoto();
        Assert.True(photo.Length > 2 * 1024 * 1024, $"the test photo is {photo.Length} bytes: a phone's is several MB");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "s0001", "zh-CN");
        await page.GotoAsync("/inspections?store=S0001&todo=open");
        var item = page.Locator($"#todos li[data-todo='{id}']");
        var input = item.Locator("input[name=proof]");
        await input.SetInputFilesAsync(new FilePayload { Name = "IMG_4032.jpg", MimeType = "image/jpeg", Buffer = photo });
        await Assertions.Expect(input).ToHaveAttributeAsync("data-shrinking", "done", new() { Timeout = 15_000 });
        var sent = await input.EvaluateAsync<long>("i => i.files[0].size");
        Assert.True(sent < photo.Length / 3, $"{sent} bytes sent of {photo.Length}");
        Assert.Equal("image/jpeg", await input.EvaluateAsync<string>("i => i.files[0].type"));

        await item.Locator("input[name=note]").FillAsync("已补齐");
        await item.Locator("button.primary").ClickAsync();
        // The page it redirects to names the day; the page the form was on matched "inspections?" already, so a wait for that
        // could return at once and then wait on a load the navigation under way had replaced (the clean run at 06700e0).
        await page.WaitForURLAsync("**/inspections?day=**");
        using var kept = SkiaSharp.SKBitmap.Decode(await admin.GetByteArrayAsync($"/api/todos/{id}/proof"));
        Assert.Equal((1280, 960), (kept.Width, kept.Height));
    }

    [Fact]
    public async Task Setting_holiday_hours_for_many_stores_shows_the_wait_with_its_button_turned_off()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0824"))).StatusCode);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "admin", "zh-CN");
        await page.GotoAsync("/stores/special-hours");
        var form = page.Locator("#special-form form");
        await form.Locator("input[name='Form.Reason']").FillAsync("盘点（等待提示测试）");
        await form.Locator("input[name='Form.From']").FillAsync("2027-03-01");
        await form.Locator("input[name='Form.To']").FillAsync("2027-03-01");
        await form.Locator("input[name='Form.Closed']").CheckAsync();
        await form.Locator("[name='Form.Stores']").FillAsync("X0824");

        // The page cannot be read while its navigation is under way, so the button as it stands once sent is written where the
        // next page can read it; the request is held a second, so the page does not leave before that.
        await page.RouteAsync("**/stores/special-hours", async route =>
        {
            if (route.Request.Method == "POST") await Task.Delay(TimeSpan.FromSeconds(1));
            await route.ContinueAsync();
        });
        await form.EvaluateAsync("""
            f => {
              const b = f.querySelector('button.primary');
              document.addEventListener('submit', () => setTimeout(() => setTimeout(() =>
                sessionStorage.setItem('sent-button', JSON.stringify([b.disabled, b.textContent])))));
              setTimeout(() => f.requestSubmit(b));
            }
            """);
        await page.WaitForURLAsync("**/stores/special-hours?applied=1**");
        Assert.Equal("[true,\"正在写入各门店，请稍候…\"]", await page.EvaluateAsync<string>("() => sessionStorage.getItem('sent-button')"));
        var store = await (await admin.GetAsync("/api/stores/X0824")).Json();
        Assert.Equal("盘点（等待提示测试）", Assert.Single(store["openingHours"]!["exceptions"]!.AsArray())!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_store_edit_refused_because_head_office_changed_the_store_meanwhile_keeps_what_was_typed_where_it_does_not_clash()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0825"))).StatusCode);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await SignedInPage(browser, "admin", "zh-CN");
        await page.GotoAsync("/stores/X0825/edit");
        await page.Locator("input[name='Form.Name']").FillAsync("改名后的测试店");
        await page.Locator("input[name='Form.Days[0].Open']").FillAsync("08:00");
        await page.Locator("input[name='Form.Days[1].Open']").FillAsync("07:30");

        // While the page is open: head office closes the store for 春节, and another admin changes Tuesday's hours.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJson("/api/stores/special-hours", new
        {
            reason = "春节", from = "2027-02-06", to = "2027-02-08", closed = true, stores = new[] { "X0825" },
        })).StatusCode);
        var other = await (await admin.GetAsync("/api/stores/X0825")).Json();
        other["openingHours"]!["weekly"]![1]!["open"] = "10:30:00";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/stores/X0825", other)).StatusCode);

        // Saved: refused, with the name and Monday put back, Tuesday left as the other admin set it and named, the holiday among the rows.
        await page.Locator("#store-edit button.primary").ClickAsync();
        var notice = page.Locator("#changed-meanwhile");
        await Assertions.Expect(notice).ToContainTextAsync("未保存：打开此页后，admin 于");
        await Assertions.Expect(page.Locator("#edits-put-back")).ToContainTextAsync("名称、周一");
        await Assertions.Expect(page.Locator("#edits-clashed")).ToContainTextAsync("周二：你填写「07:30–22:00」，现为「10:30–22:00」");
        Assert.Equal("改名后的测试店", await page.Locator("input[name='Form.Name']").InputValueAsync());
        Assert.Equal("08:00", await page.Locator("input[name='Form.Days[0].Open']").InputValueAsync());
        Assert.Equal("10:30", await page.Locator("input[name='Form.Days[1].Open']").InputValueAsync());
        Assert.Equal("春节", await page.Locator("input[name='Form.Special[0].Reason']").InputValueAsync());
        // Marked where they stand: the name and Monday as put back, Tuesday as kept from the other change.
        Assert.Equal("put-back", await page.Locator("input[name='Form.Name']").GetAttributeAsync("class"));
        Assert.Equal("put-back", await page.Locator("tr[data-day='0']").GetAttributeAsync("class"));
        Assert.Equal("clashed", await page.Locator("tr[data-day='1']").GetAttributeAsync("class"));

        // Saved again as shown: both changes kept.
        await page.Locator("#store-edit button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("#store-saved")).ToBeVisibleAsync();
        var saved = await (await admin.GetAsync("/api/stores/X0825")).Json();
        Assert.Equal("改名后的测试店", saved["name"]!.GetValue<string>());
        Assert.Equal(["08:00:00", "10:30:00"], saved["openingHours"]!["weekly"]!.AsArray().Take(2).Select(d => d!["open"]!.GetValue<string>()));
        Assert.Equal("春节", Assert.Single(saved["openingHours"]!["exceptions"]!.AsArray())!["reason"]!.GetValue<string>());

        // On a phone the store's log reads down the screen, each save with what it changed, nothing off to the side.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/admin/audit?entity=store&key=X0825");
        var renamed = page.Locator("ul.audit-changes li[data-field='name']").First;
        await Assertions.Expect(renamed).ToContainTextAsync("改名后的测试店");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        var box = await renamed.BoundingBoxAsync();
        Assert.True(box is { X: >= 0 } && box.X + box.Width <= 390, $"the change is at {box?.X} + {box?.Width} of 390");
    }

    /// <summary>A real shelf photo at a phone camera's 4,000 × 3,000, with a sensor's grain (which is what makes a phone's photo megabytes).</summary>
    private static byte[] PhonePhoto()
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(TodoProofTests.Photo(4000, 3000));
        var pixels = new byte[bitmap.ByteCount];
        System.Runtime.InteropServices.Marshal.Copy(bitmap.GetPixels(), pixels, 0, pixels.Length);
        var grain = new Random(7);
        for (var i = 0; i < pixels.Length; i++)
            if (i % 4 != 3) pixels[i] = (byte)Math.Clamp(pixels[i] + grain.Next(-10, 11), 0, 255);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 92).ToArray();
    }

    /// <summary>The traffic wall screen as head office's admin sees it on a 1080p screen, its map drawn.</summary>
    private async Task<IPage> TrafficScreen(IBrowser browser)
    {
        var page = await SignedInPage(browser, "admin", "en-US");
        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoAsync("/screen/traffic");
        await Until(page, "document.getElementById('traffic-screen').dataset.map === 'drawn'");
        return page;
    }

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
