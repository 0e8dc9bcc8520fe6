using System.Net;
using System.Net.Http.Headers;
using Dapper;
using SkiaSharp;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// Shelf display end to end: SKU reference photos in the master, a preset photo over FTP, a planogram drawn on it,
/// the next patrol photo over FTP read slot by slot, and the store's compliance and alerts from its grain.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ShelfDisplayTests(SmartStoreSystem system)
{
    private const string Camera = "CAM-S0026-P1";
    private const string Store = "S0026";
    private static readonly string Grocery = Path.Combine(SharedData.Shared, "data", "grocery-store", "images", "train", "Packages");

    // Four products on a 2x2 shelf; the plan wants Arla medium-fat milk where Oatly (a competitor) stands.
    private static readonly string[] OnShelf =
    [
        "Milk/Arla-Standard-Milk/Arla-Standard-Milk_001.jpg", "Juice/God-Morgon-Orange-Juice/God-Morgon-Orange-Juice_001.jpg",
        "Soy-Milk/Alpro-Fresh-Soy-Milk/Alpro-Fresh-Soy-Milk_001.jpg", "Oat-Milk/Oatly-Oat-Milk/Oatly-Oat-Milk_001.jpg",
    ];

    [Fact]
    public async Task A_patrol_photo_over_FTP_gives_the_store_its_compliance_and_a_competitor_in_own_slot_alert()
    {
        using var admin = await system.SignedIn("admin");
        var codes = await SkuCodes(admin, "Arla Standard Milk", "God Morgon Orange Juice", "Alpro Fresh Soy Milk", "Oatly Oat Milk", "Arla Medium Fat Milk");
        foreach (var (file, code) in OnShelf.Zip(codes))
            foreach (var n in new[] { "001", "002", "003" })
            {
                var photo = await File.ReadAllBytesAsync(Path.Combine(Grocery, file.Replace("_001", "_" + n)));
                Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/skus/{code}/photos", Jpeg(photo))).StatusCode);
            }
        // Arla medium-fat milk needs photos too, to be a SKU the gallery knows.
        var mediumFat = Directory.GetFiles(Path.Combine(Grocery, "Milk", "Arla-Medium-Fat-Milk")).Order().Take(3);
        foreach (var photo in mediumFat) await admin.PostAsync($"/api/skus/{codes[4]}/photos", Jpeg(await File.ReadAllBytesAsync(photo)));

        var shelf = ComposeShelf();
        var reference = await UploadPatrolPhoto(shelf, "ref");
        var planogram = await admin.PutRaw($"/api/cameras/{Camera}/planograms/1", $$$"""
            {"referenceSnapshotId":{{{reference}}},"grid":{"x":0,"y":0,"width":1,"height":1,"rows":2,"columns":2,
             "plannedSkus":["{{{codes[0]}}}","{{{codes[1]}}}","{{{codes[2]}}}","{{{codes[4]}}}"],"idPrefix":"A-"}}
            """);
        Assert.True(planogram.IsSuccessStatusCode, await planogram.Content.ReadAsStringAsync());

        var patrol = await UploadPatrolPhoto(shelf, "patrol");
        await using var connection = await system.Database.Database.Open();
        await Eventually.Get(() => connection.ExecuteScalarAsync<string?>("SELECT status FROM snapshots WHERE id = @patrol", new { patrol }),
            s => s == "analysed", within: TimeSpan.FromSeconds(90), what: "the patrol photo analysed");

        var status = await (await admin.GetAsync($"/api/stores/{Store}/shelf")).Json();
        var figures = status["figures"]!;
        Assert.Equal(4, figures["plannedSlots"]!.GetValue<int>());
        Assert.Equal(3, figures["matchingSlots"]!.GetValue<int>());
        Assert.Equal(0.75, figures["complianceRate"]!.GetValue<double>());
        var alerts = status["alerts"]!.AsArray().Select(a => a!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("competitor-in-own-slot", alerts);
        Assert.Contains("compliance-low", alerts);
        // The HQ board shows the same figure in the store's row.
        var board = await admin.GetStringAsync("/");
        var row = board[board.IndexOf($"data-store=\"{Store}\"", StringComparison.Ordinal)..];
        Assert.Matches(@"data-compliance>75\s?%<", row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);

        // The display report: the store's latest day, and the SKU dimension (each product's facings and share).
        var report = await (await admin.GetAsync($"/api/display/report?store={Store}")).Json();
        Assert.Equal(0.75, report["stores"]![0]!["compliance"]!.GetValue<double>());
        var bySku = report["skus"]!.AsArray().ToDictionary(k => k!["sku"]!.GetValue<string>(), k => k!);
        Assert.Equal(codes[..4].Order(), bySku.Keys.Order());
        Assert.All(bySku.Values, k => Assert.Equal((1, 1, 0.25), (k["facings"]!.GetValue<int>(), k["stores"]!.GetValue<int>(), k["share"]!.GetValue<double>())));
        Assert.True(bySku[codes[3]]["competitor"]!.GetValue<bool>());
        Assert.False(bySku[codes[0]]["competitor"]!.GetValue<bool>());
        var reportPage = await admin.GetStringAsync($"/display?store={Store}");
        Assert.Contains($"data-sku=\"{codes[3]}\"", reportPage);
        var workbook = await admin.GetByteArrayAsync($"/api/display/report.xlsx?store={Store}");
        using (var xlsx = new System.IO.Compression.ZipArchive(new MemoryStream(workbook)))
        {
            // Sheets: trend, stores, regions (none for one store), skus — a header and the four products.
            var skuSheet = xlsx.Entries.Single(e => e.FullName == "xl/worksheets/sheet4.xml");
            using var reader = new StreamReader(skuSheet.Open());
            Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(await reader.ReadToEndAsync(), "</(\\w+:)?row>").Count);
        }

        // The per-snapshot detail colours each slot by its outcome.
        var detail = await (await admin.GetAsync($"/snapshots/{patrol}")).Content.ReadAsStringAsync();
        Assert.Contains("slot mismatch", detail);
        Assert.Contains("data-slot=\"A-R2C2\"", detail);

        // The display-recognition API reads the same shelf slot by slot, and a single product as a whole image.
        using var form = new MultipartFormDataContent();
        form.Add(Jpeg(shelf), "image", "shelf.jpg");
        form.Add(new StringContent("""[{"slotId":"a","x":0,"y":0,"width":360,"height":360},{"slotId":"d","x":360,"y":360,"width":360,"height":360}]"""), "layout");
        var slots = await (await admin.PostAsync("/api/vision/display", form)).Json();
        Assert.Equal(codes[0], slots["slots"]![0]!["sku"]!.GetValue<string>());
        Assert.Equal(codes[3], slots["slots"]![1]!["sku"]!.GetValue<string>());
        var whole = await (await admin.PostAsync("/api/vision/display", Jpeg(await File.ReadAllBytesAsync(Path.Combine(Grocery, OnShelf[1]))))).Json();
        Assert.Equal(codes[1], whole["matches"]![0]!["sku"]!.GetValue<string>());

        // Oatly taken for an own product (the chain now sells it): the store's figures say so at once, not at its next re-read.
        async Task Flag(bool competitor)
        {
            var sku = await (await admin.GetAsync($"/api/skus/{codes[3]}")).Json();
            Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/skus/{codes[3]}", new { name = sku["name"]!.GetValue<string>(),
                brand = sku["brand"]!.GetValue<string>(), category = sku["category"]!.GetValue<string>(), isCompetitor = competitor })).StatusCode);
        }
        async Task<int> CompetitorFacings() => (await (await admin.GetAsync($"/api/stores/{Store}/shelf")).Json())["figures"]!["competitorFacings"]!.GetValue<int>();
        var counted = await CompetitorFacings();
        await Flag(false);
        var owned = await (await admin.GetAsync($"/api/stores/{Store}/shelf")).Json();
        Assert.Equal(counted - 1, owned["figures"]!["competitorFacings"]!.GetValue<int>());
        Assert.DoesNotContain("competitor-in-own-slot", owned["alerts"]!.AsArray().Select(a => a!["kind"]!.GetValue<string>()));
        await Flag(true);
        Assert.Equal(counted, await CompetitorFacings());
    }

    [Fact]
    public async Task The_chain_display_report_compares_regions_and_ranks_skus_on_each_stores_latest_day()
    {
        // Two past days of an East China store and one of a South China store (days no other test reports on).
        var history = new SmartStore.Storage.ShelfHistory(system.Database.Database);
        var day = new DateOnly(2026, 1, 10);
        await history.Write(new SmartStore.Models.ShelfDay("S0002", day.AddDays(-1), 4, 4, 4, 1, 0.25, 4, 0, 0, new Dictionary<string, int> { ["SKU-1001"] = 4 }));
        await history.Write(new SmartStore.Models.ShelfDay("S0002", day, 4, 4, 4, 3, 0.75, 3, 1, 0, new Dictionary<string, int> { ["SKU-1001"] = 2, ["SKU-1002"] = 1, ["SKU-1018"] = 1 }));
        await history.Write(new SmartStore.Models.ShelfDay("S0011", day, 4, 4, 4, 2, 0.5, 3, 0, 1, new Dictionary<string, int> { ["SKU-1001"] = 3 }));
        var period = $"from={day.AddDays(-1):yyyy-MM-dd}&to={day:yyyy-MM-dd}";

        using var admin = await system.SignedIn("admin");
        var chain = await (await admin.GetAsync($"/api/display/report?{period}")).Json();
        var regions = chain["regions"]!.AsArray().ToDictionary(g => g!["region"]!.GetValue<string>(), g => g!);
        Assert.Equal(["EAST", "SOUTH"], regions.Keys.Order());
        Assert.Equal((1, 0.75, 3, 1), (regions["EAST"]["stores"]!.GetValue<int>(), regions["EAST"]["compliance"]!.GetValue<double>(),
            regions["EAST"]["ownFacings"]!.GetValue<int>(), regions["EAST"]["competitorFacings"]!.GetValue<int>()));
        Assert.Equal(0.5, regions["SOUTH"]["compliance"]!.GetValue<double>());
        // Latest day per store: S0002's earlier 4 facings of SKU-1001 do not count; S0011's 3 do.
        var skus = chain["skus"]!.AsArray();
        Assert.Equal(("SKU-1001", 5, 2), (skus[0]!["sku"]!.GetValue<string>(), skus[0]!["facings"]!.GetValue<int>(), skus[0]!["stores"]!.GetValue<int>()));
        Assert.Equal(5 / 7.0, skus[0]!["share"]!.GetValue<double>(), 3);
        Assert.Equal(3, skus.Count);
        // 品类维度: all three are milk — Arla's two (own) with 6 facings, Oatly's oat milk (competitor) with 1.
        var milk = Assert.Single(chain["categories"]!.AsArray())!;
        Assert.Equal(("milk", 6, 1, 2, 1), (milk["category"]!.GetValue<string>(), milk["ownFacings"]!.GetValue<int>(), milk["competitorFacings"]!.GetValue<int>(),
            milk["ownSkus"]!.GetValue<int>(), milk["competitorSkus"]!.GetValue<int>()));
        Assert.Equal(6 / 7.0, milk["ownShare"]!.GetValue<double>(), 3);

        // One region's manager sees one region: no region comparison, and only her stores' SKUs.
        using var east = await system.SignedIn("east");
        var hers = await (await east.GetAsync($"/api/display/report?{period}")).Json();
        Assert.Empty(hers["regions"]!.AsArray());
        Assert.Equal(2, hers["skus"]!.AsArray().Single(k => k!["sku"]!.GetValue<string>() == "SKU-1001")!["facings"]!.GetValue<int>());
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync($"/display?{period}"));
        Assert.Contains("data-region=\"SOUTH\"", page);
        Assert.Matches("<tr data-category=\"milk\"><td>牛奶</td><td class=\"num\">6</td><td class=\"num\">1</td>", page);
    }

    [Theory]
    [InlineData("CAM-S0026-P1", 9, "has no preset 9")]
    [InlineData("CAM-S0026-E1", 1, "only shelf cameras")]
    public async Task Planograms_for_a_wrong_camera_or_preset_are_refused(string camera, int preset, string reason)
    {
        using var admin = await system.SignedIn("admin");
        var response = await admin.PutRaw($"/api/cameras/{camera}/planograms/{preset}",
            """{"referenceSnapshotId":1,"grid":{"x":0,"y":0,"width":1,"height":1,"rows":1,"columns":1}}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_planogram_with_a_foreign_reference_an_unknown_SKU_or_slots_off_the_image_is_refused()
    {
        using var admin = await system.SignedIn("admin");
        var own = await UploadPatrolPhoto(ComposeShelf(), "validation");
        await using var connection = await system.Database.Database.Open();
        var foreign = await connection.ExecuteScalarAsync<long?>("SELECT id FROM snapshots WHERE camera_code <> @Camera LIMIT 1", new { Camera }) ?? 0;

        var wrongReference = await admin.PutRaw($"/api/cameras/{Camera}/planograms/2",
            $$$"""{"referenceSnapshotId":{{{foreign}}},"grid":{"x":0,"y":0,"width":1,"height":1,"rows":1,"columns":1}}""");
        Assert.Equal(HttpStatusCode.BadRequest, wrongReference.StatusCode);
        var unknownSku = await admin.PutRaw($"/api/cameras/{Camera}/planograms/2",
            $$$"""{"referenceSnapshotId":{{{own}}},"grid":{"x":0,"y":0,"width":1,"height":1,"rows":1,"columns":1,"plannedSkus":["SKU-NOPE"]}}""");
        Assert.Contains("SKU-NOPE", await unknownSku.Content.ReadAsStringAsync());
        var offImage = await admin.PutRaw($"/api/cameras/{Camera}/planograms/2",
            $$$"""{"referenceSnapshotId":{{{own}}},"slots":[{"slotId":"far","x":5000,"y":5000,"width":100,"height":100}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, offImage.StatusCode);
        Assert.Contains("outside", await offImage.Content.ReadAsStringAsync());
        // Without a reference snapshot only an existing planogram's reference can be kept; preset 2 has none.
        var noReference = await admin.PutRaw($"/api/cameras/{Camera}/planograms/2", """{"slots":[{"slotId":"a","x":0,"y":0,"width":100,"height":100}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, noReference.StatusCode);
        Assert.Contains("referenceSnapshotId is required", await noReference.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/cameras/{Camera}/planograms/2/reference")).StatusCode);
    }

    [Fact]
    public async Task A_preset_taken_off_the_patrol_sets_its_planogram_aside_until_it_is_put_back_or_discarded()
    {
        using var admin = await system.SignedIn("admin");
        var codes = await SkuCodes(admin, "Arla Standard Milk", "God Morgon Orange Juice");
        var camera = (await (await admin.GetAsync($"/api/cameras/{Camera}")).Json())["camera"]!;
        var presets = camera["presets"]!.AsArray().Select(p => new
        {
            number = p!["number"]!.GetValue<int>(), name = p["name"]!.GetValue<string>(), patrolOrder = p["patrolOrder"]!.GetValue<int>(),
        }).ToList();
        Assert.Contains(presets, p => p.number == 2);
        async Task Patrol(bool withPresetTwo) => Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/cameras/{Camera}", new
        {
            kind = "shelf", brand = camera["brand"]?.GetValue<string>(), model = camera["model"]?.GetValue<string>(), storeCode = Store,
            patrolCadenceMinutes = camera["patrolCadenceMinutes"]!.GetValue<int>(), presets = presets.Where(p => withPresetTwo || p.number != 2),
        })).StatusCode);
        async Task<int> PlannedSlots() => (await (await admin.GetAsync($"/api/stores/{Store}/shelf")).Json())["figures"]!["plannedSlots"]!.GetValue<int>();
        async Task<bool?> InPlan() => (await (await admin.GetAsync($"/api/cameras/{Camera}/planograms")).Json()).AsArray()
            .FirstOrDefault(p => p!["preset"]!.GetValue<int>() == 2)?["inPlan"]!.GetValue<bool>();

        var before = await PlannedSlots();
        var reference = await UploadPatrolPhoto(ComposeShelf(), "aside", preset: 2);
        var saved = await admin.PutRaw($"/api/cameras/{Camera}/planograms/2", $$$"""
            {"referenceSnapshotId":{{{reference}}},"grid":{"x":0,"y":0,"width":1,"height":0.5,"rows":1,"columns":2,
             "plannedSkus":["{{{codes[0]}}}","{{{codes[1]}}}"],"idPrefix":"X0901-"}}
            """);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal(before + 2, await PlannedSlots());

        // Off the patrol, preset 2 is never photographed again: its two slots leave the store's plan at once, the planogram stays.
        await Patrol(withPresetTwo: false);
        Assert.Equal(before, await PlannedSlots());
        Assert.False(await InPlan());
        var page = await admin.GetStringAsync($"/cameras/{Camera}");
        Assert.Matches("id=\"set-aside-planograms\">\\s*<li data-preset=\"2\">", page);
        // … and on its store's page, where a store manager looks at the shelves.
        Assert.Matches($"id=\"set-aside-planograms\">\\s*<li data-camera=\"{Camera}\" data-preset=\"2\">", await admin.GetStringAsync($"/stores/{Store}"));

        // Put back on the patrol, it counts again as it was drawn.
        await Patrol(withPresetTwo: true);
        Assert.Equal(before + 2, await PlannedSlots());
        Assert.True(await InPlan());
        Assert.DoesNotContain("set-aside-planograms", await admin.GetStringAsync($"/cameras/{Camera}"));
        Assert.DoesNotContain("set-aside-planograms", await admin.GetStringAsync($"/stores/{Store}"));

        // Taken off again and discarded from the camera's page: gone for good; a planogram still in plan is not discarded there.
        var kept = await PageForms.PostForm(admin, $"/cameras/{Camera}", $"/cameras/{Camera}?handler=discardPlanogram&preset=2", []);
        Assert.Equal(HttpStatusCode.NotFound, kept.StatusCode);
        await Patrol(withPresetTwo: false);
        var discarded = await PageForms.PostForm(admin, $"/cameras/{Camera}", $"/cameras/{Camera}?handler=discardPlanogram&preset=2", []);
        Assert.Contains("预置位 2 的陈列图已删除", System.Net.WebUtility.HtmlDecode(await discarded.Content.ReadAsStringAsync()));
        Assert.Null(await InPlan());
        await Patrol(withPresetTwo: true);
        Assert.Equal(before, await PlannedSlots());
    }

    private async Task<long> UploadPatrolPhoto(byte[] jpeg, string tag, int preset = 1)
    {
        var folder = Directory.CreateTempSubdirectory("shelf-");
        try
        {
            // A stamp makes each upload new bytes, as a real camera's captures are.
            var stamped = jpeg[..2].Concat(new byte[] { 0xFF, 0xFE, 0, (byte)(tag.Length + 2) }).Concat(System.Text.Encoding.ASCII.GetBytes(tag)).Concat(jpeg[2..]).ToArray();
            var name = $"{Camera}_P{preset:00}_{DateTime.UtcNow.AddHours(8):yyyyMMddHHmmssfff}_{tag}.jpg";
            var file = Path.Combine(folder.FullName, name);
            await File.WriteAllBytesAsync(file, stamped);
            var upload = await FtpClients.Curl("-sS", "-T", file, "--user", $"{Camera}:{system.CameraSecret(Camera)}", $"ftp://127.0.0.1:{system.FtpPort}/");
            Assert.True(upload.ExitCode == 0, upload.Error);
            await using var connection = await system.Database.Database.Open();
            return await connection.ExecuteScalarAsync<long>("SELECT id FROM snapshots WHERE camera_code = @Camera AND file_name = @name", new { Camera, name });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The four products on a 720x720 shelf, each in a 360x360 slot.</summary>
    private static byte[] ComposeShelf()
    {
        using var canvasBitmap = new SKBitmap(720, 720);
        using (var canvas = new SKCanvas(canvasBitmap))
        {
            canvas.Clear(new SKColor(235, 235, 235));
            for (var i = 0; i < OnShelf.Length; i++)
            {
                using var product = SKImage.FromEncodedData(Path.Combine(Grocery, OnShelf[i]));
                canvas.DrawImage(product, SKRect.Create(0, 0, product.Width, product.Height), SKRect.Create(i % 2 * 360 + 6, i / 2 * 360 + 6, 348, 348),
                    new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), null);
            }
        }
        using var image = SKImage.FromBitmap(canvasBitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 92).ToArray();
    }

    private static async Task<string[]> SkuCodes(HttpClient client, params string[] names)
    {
        var codes = new List<string>();
        foreach (var name in names)
        {
            var page = await (await client.GetAsync($"/api/skus?q={Uri.EscapeDataString(name)}")).Json();
            codes.Add(page["items"]!.AsArray().First(i => i!["name"]!.GetValue<string>() == name)!["code"]!.GetValue<string>());
        }
        return codes.ToArray();
    }

    private static ByteArrayContent Jpeg(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return content;
    }
}
