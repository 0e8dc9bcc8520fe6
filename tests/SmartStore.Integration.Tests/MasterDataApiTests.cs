using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using SmartStore.GrainInterfaces;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

[Collection(SystemCollection.Name)]
public sealed class MasterDataApiTests(SmartStoreSystem system)
{
    [Fact]
    public async Task Store_round_trip_create_read_update_search_delete_with_audit()
    {
        using var admin = await system.SignedIn("admin");
        var created = await admin.PostJson("/api/stores", ApiJson.NewStore("X0101"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var read = await (await admin.GetAsync("/api/stores/X0101")).Json();
        Assert.Equal("测试门店 X0101", read["name"]!.GetValue<string>());
        Assert.Equal("10:00:00", read["openingHours"]!["weekly"]![0]!["open"]!.GetValue<string>());

        var update = ApiJson.NewStore("X0101") as object;
        var updated = await admin.PutRaw("/api/stores/X0101", """
            {"name":"改名门店","regionCode":"SOUTH","city":"广州","latitude":23.1,"longitude":113.3,"tags":["street"],"staffCount":9,
             "openingHours":{"weekly":[{"open":"09:00","close":"21:00"},{"open":"09:00","close":"21:00"},{"open":"09:00","close":"21:00"},
               {"open":"09:00","close":"21:00"},{"open":"09:00","close":"21:00"},{"open":"10:00","close":"22:00"},{"open":"00:00","close":"00:00","closed":true}],
               "exceptions":[{"from":"2026-12-31","to":"2027-01-01","hours":{"open":"00:00","close":"00:00","closed":true},"reason":"New Year"}]}}
            """);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var page = await (await admin.GetAsync("/api/stores?q=改名&pageSize=5")).Json();
        Assert.Equal(1, page["total"]!.GetValue<int>());
        var found = page["items"]![0]!;
        Assert.Equal("SOUTH", found["regionCode"]!.GetValue<string>());
        Assert.True(found["openingHours"]!["weekly"]![6]!["closed"]!.GetValue<bool>());
        Assert.Equal("New Year", found["openingHours"]!["exceptions"]![0]!["reason"]!.GetValue<string>());

        // A camera bound to it keeps it: the refusal names what uses it (it said "refers to something that does not exist:
        // Detail redacted …", Npgsql withholding PostgreSQL's detail).
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/cameras", new { code = "CAM-X0101-E1", kind = "entrance", storeCode = "X0101" })).StatusCode);
        var inUse = await admin.DeleteAsync("/api/stores/X0101");
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Equal("Store 'X0101' is still in use (cameras); unbind or delete those first.", await inUse.Detail());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/cameras/CAM-X0101-E1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/stores/X0101")).StatusCode);
        // One with counted traffic is kept with its history, and is told so (not to delete what nobody can).
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0102"))).StatusCode);
        await TrafficHistory.Hour(system.Database.Database, "X0102", new DateTime(2023, 3, 1, 10, 0, 0), entries: 5);
        var counted = await admin.DeleteAsync("/api/stores/X0102");
        Assert.Equal(HttpStatusCode.Conflict, counted.StatusCode);
        Assert.Equal("Store 'X0102' has history on record (traffic_hourly), which is kept: it cannot be deleted.", await counted.Detail());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/stores/X0101")).StatusCode);

        await using var connection = await system.Database.Database.Open();
        var actions = (await connection.QueryAsync<string>(
            "SELECT action FROM audit_log WHERE entity = 'store' AND entity_key = 'X0101' AND actor = 'admin' ORDER BY id")).ToList();
        Assert.Equal(["create", "update", "delete"], actions);
    }

    [Fact]
    public async Task A_store_moved_to_another_region_takes_its_cameras_along()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0104", region: "NORTH"))).StatusCode);
        var created = await admin.PostJson("/api/cameras", new { code = "CAM-X0104-E1", kind = "entrance", brand = "Hikvision", model = "DS-2CD", storeCode = "X0104" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var device = system.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await Heartbeat(device, "CAM-X0104-E1", (await created.Json())["secret"]!.GetValue<string>())).StatusCode);
        var camera = system.Grains.GetGrain<ICameraGrain>("CAM-X0104-E1");
        Assert.Equal("NORTH", (await camera.GetStatus()).RegionCode);

        var moved = await admin.PutRaw("/api/stores/X0104", JsonSerializer.Serialize(ApiJson.NewStore("X0104", region: "SOUTH"), JsonSerializerOptions.Web));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        // The camera's status (and so the region's camera counts and the boards' cells) follows the store.
        await Eventually.Get(camera.GetStatus, s => s.RegionCode == "SOUTH", what: "the camera to report the store's new region");
        var listed = await system.Grains.GetGrain<IStoreGrain>("X0104").GetCameras();
        Assert.Equal("SOUTH", Assert.Single(listed).RegionCode);
    }

    [Fact]
    public async Task Camera_secret_is_shown_once_and_works_for_heartbeats_until_rotated()
    {
        using var admin = await system.SignedIn("admin");
        var created = await admin.PostJson("/api/cameras", new
        {
            code = "CAM-X0102-P1", kind = "shelf", brand = "Dahua", model = "SD49", storeCode = "S0002", patrolCadenceMinutes = 10,
            presets = new[] { new { number = 1, name = "饮料", patrolOrder = 1 }, new { number = 2, name = "乳品", patrolOrder = 2 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Json();
        var secret = body["secret"]!.GetValue<string>();
        Assert.True(secret.Length >= 20);

        // The secret is never readable again.
        var fetched = await (await admin.GetAsync("/api/cameras/CAM-X0102-P1")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, fetched);
        Assert.Contains("乳品", fetched);

        using var device = system.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await Heartbeat(device, "CAM-X0102-P1", secret)).StatusCode);

        var rotated = await (await admin.PostAsync("/api/cameras/CAM-X0102-P1/secret", null)).Json();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Heartbeat(device, "CAM-X0102-P1", secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Heartbeat(device, "CAM-X0102-P1", rotated["secret"]!.GetValue<string>())).StatusCode);
    }

    [Fact]
    public async Task Sku_region_and_dictionary_round_trips()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/skus",
            new { code = "SKU-X9001", name = "Test Oat Drink", brand = "Oatly", category = "milk", isCompetitor = true })).StatusCode);
        var sku = await (await admin.GetAsync("/api/skus/SKU-X9001")).Json();
        Assert.True(sku["isCompetitor"]!.GetValue<bool>());
        var competitors = await (await admin.GetAsync("/api/skus?competitor=true&pageSize=200")).Json();
        Assert.Contains(competitors["items"]!.AsArray(), s => s!["code"]!.GetValue<string>() == "SKU-X9001");

        Assert.Equal(HttpStatusCode.OK, (await admin.PutRaw("/api/dictionary/store_tag/outlet", """{"label":"奥莱店","labelEn":"Outlet","sortOrder":9}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutRaw("/api/regions/CENTRAL", """{"name":"华中大区","nameEn":"Central China"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", new
        {
            code = "X0103", name = "武汉奥莱", regionCode = "CENTRAL", city = "武汉", latitude = 30.59, longitude = 114.30, tags = new[] { "outlet" },
        })).StatusCode);

        var models = await (await admin.GetAsync("/api/recognition-models")).Json();
        Assert.Equal(3, models.AsArray().Count); // entrance, interior, shelf
    }

    [Fact]
    public async Task Each_api_key_counts_its_calls_and_shows_when_it_was_last_used()
    {
        using var admin = await system.SignedIn("admin");
        var issued = await (await admin.PostJson("/api/api-keys", new { name = "usage probe", role = "hq_analyst" })).Json();
        var id = issued["info"]!["id"]!.GetValue<int>();
        using var integration = system.Anonymous();
        integration.DefaultRequestHeaders.Add("X-Api-Key", issued["key"]!.GetValue<string>());
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/stores?pageSize=1")).StatusCode);

        var listed = (await (await admin.GetAsync("/api/api-keys")).Json()).AsArray().Single(k => k!["id"]!.GetValue<int>() == id)!;
        Assert.Equal(3, listed["calls"]!.GetValue<long>());
        Assert.True(listed["lastUsedAt"]!.GetValue<DateTime>() > DateTime.UtcNow.AddMinutes(-1));
        Assert.Contains("data-calls=\"3\"", await admin.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task Recognition_models_come_from_the_vision_catalogue_and_only_fitting_ones_are_accepted()
    {
        using var admin = await system.SignedIn("admin");
        var models = (await (await admin.GetAsync("/api/recognition-models")).Json()).AsArray();
        var entrance = models.Single(m => m!["cameraKind"]!.GetValue<string>() == "entrance")!;
        Assert.Equal("rtmdet-nano-person", entrance["modelName"]!.GetValue<string>());
        Assert.Equal("verified", entrance["availability"]!.GetValue<string>());
        Assert.Equal(64, entrance["sha256"]!.GetValue<string>().Length);
        // The settings page's caveat is the catalogue's own, whichever model carries one.
        var caveat = entrance["licenceCaveat"]!.GetValue<string>();
        Assert.Contains($"title=\"许可尚未落实，发布前需核实（见该模型的 PROVENANCE.md）：{caveat}\"", WebUtility.HtmlDecode(await admin.GetStringAsync("/settings")));

        var wrongKind = await admin.PutRaw("/api/recognition-models/entrance", """{"modelName":"mobilenetv2-features"}""");
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Contains("cannot run on entrance", await wrongKind.Detail());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutRaw("/api/recognition-models/entrance", """{"modelName":"nanodet-m-416"}""")).StatusCode);
        models = (await (await admin.GetAsync("/api/recognition-models")).Json()).AsArray();
        Assert.Equal("nanodet-m-416", models.Single(m => m!["cameraKind"]!.GetValue<string>() == "entrance")!["modelName"]!.GetValue<string>());
        try
        {
            // The running silo's worker takes the new detector without a restart: the next door frame is NanoDet's.
            Assert.Equal("NanoDetM", await AnalysedBy(admin, "CAM-X0841-E1", 1));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutRaw("/api/recognition-models/entrance", """{"modelName":"rtmdet-nano-person"}""")).StatusCode);
        }
        Assert.Equal("RtmDetNano", await AnalysedBy(admin, "CAM-X0841-E1", 2));
    }

    /// <summary>Uploads the camera's <paramref name="nth"/> frame (a pets2009 one; the camera is created at S0024 on first use) and names the detector that analysed it.</summary>
    private async Task<string> AnalysedBy(HttpClient admin, string camera, int nth)
    {
        // A change applies to the snapshots claimed after the workers' next look (Analysis:ModelsCheckEvery, 0.5 s here).
        await Task.Delay(TimeSpan.FromSeconds(1));
        if ((await admin.GetAsync($"/api/cameras/{camera}")).StatusCode == HttpStatusCode.NotFound)
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/cameras", new { code = camera, kind = "entrance", storeCode = "S0024" })).StatusCode);
        var secret = (await (await admin.PostAsync($"/api/cameras/{camera}/secret", null)).Json())["secret"]!.GetValue<string>();
        var folder = Directory.CreateTempSubdirectory("model-");
        try
        {
            var name = Path.Combine(folder.FullName, $"{camera}_01_{DateTime.UtcNow.AddHours(8):yyyyMMddHHmmssfff}_F{nth:000000}.jpg");
            File.Copy(Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images", $"{nth * 10:000000}.jpg"), name);
            var upload = await FtpClients.Curl("-sS", "-T", name, "--user", $"{camera}:{secret}", $"ftp://127.0.0.1:{system.FtpPort}/");
            Assert.True(upload.ExitCode == 0, upload.Error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        await using var connection = await system.Database.Database.Open();
        await Eventually.Get(() => connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM snapshots WHERE camera_code = @camera AND status = 'analysed'", new { camera }),
            analysed => analysed == nth, within: TimeSpan.FromSeconds(60), what: $"frame {nth} analysed");
        return await connection.ExecuteScalarAsync<string>(
            "SELECT analysis->>'model' FROM snapshots WHERE camera_code = @camera ORDER BY id DESC LIMIT 1", new { camera }) ?? "";
    }

    [Fact]
    public async Task Sku_reference_photos_accept_real_jpegs_and_refuse_truncated_ones()
    {
        using var admin = await system.SignedIn("admin");
        var jpeg = await File.ReadAllBytesAsync(Path.Combine(SmartStore.Testing.SharedData.Shared, "data", "grocery-store", "references", "Oatly-Oat-Milk_Iconic.jpg"));

        var added = await admin.PostAsync("/api/skus/SKU-1030/photos", Jpeg(jpeg));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var again = await admin.PostAsync("/api/skus/SKU-1030/photos", Jpeg(jpeg));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var photos = (await (await admin.GetAsync("/api/skus/SKU-1030/photos")).Json()).AsArray();
        Assert.Single(photos);
        Assert.True(photos[0]!["width"]!.GetValue<int>() > 100);
        var id = photos[0]!["id"]!.GetValue<long>();
        Assert.Equal(jpeg, await admin.GetByteArrayAsync($"/api/skus/SKU-1030/photos/{id}"));

        var truncated = await admin.PostAsync("/api/skus/SKU-1030/photos", Jpeg(jpeg[..(jpeg.Length / 2)]));
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Contains("truncated", await truncated.Detail());
        Assert.Single((await (await admin.GetAsync("/api/skus/SKU-1030/photos")).Json()).AsArray());
    }

    [Fact]
    public async Task A_sku_reference_photo_is_cropped_to_one_product_in_its_place_and_deleted()
    {
        using var admin = await system.SignedIn("admin");
        var shelfShot = await File.ReadAllBytesAsync(Path.Combine(SmartStore.Testing.SharedData.Shared, "data", "grocery-store", "images", "train",
            "Packages", "Juice", "Tropicana-Apple-Juice", "Tropicana-Apple-Juice_001.jpg"));
        var original = (await (await admin.PostAsync("/api/skus/SKU-1031/photos", Jpeg(shelfShot))).Json())["id"]!.GetValue<long>();

        var cropped = await admin.PostAsJsonAsync($"/api/skus/SKU-1031/photos/{original}/crop", new { x = 50, y = 40, width = 200, height = 150 });
        Assert.Equal(HttpStatusCode.Created, cropped.StatusCode);
        var photo = await cropped.Json();
        Assert.Equal((200, 150), (photo["width"]!.GetValue<int>(), photo["height"]!.GetValue<int>()));
        var id = photo["id"]!.GetValue<long>();
        var photos = (await (await admin.GetAsync("/api/skus/SKU-1031/photos")).Json()).AsArray();
        Assert.Equal([id], photos.Select(p => p!["id"]!.GetValue<long>()));
        using (var stored = SkiaSharp.SKBitmap.Decode(await admin.GetByteArrayAsync($"/api/skus/SKU-1031/photos/{id}")))
            Assert.Equal((200, 150), (stored.Width, stored.Height));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/skus/SKU-1031/photos/{original}")).StatusCode);

        // A region off the photo, a missing side, a photo that is not there, a viewer: refused; the crop stays.
        var outside = await admin.PostAsJsonAsync($"/api/skus/SKU-1031/photos/{id}/crop", new { x = 100, y = 0, width = 200, height = 100 });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("not inside", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/skus/SKU-1031/photos/{id}/crop", new { x = 0, y = 0, width = 50 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/skus/SKU-1031/photos/{original}/crop", new { x = 0, y = 0, width = 50, height = 50 })).StatusCode);
        using var analyst = await system.SignedIn("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.DeleteAsync($"/api/skus/SKU-1031/photos/{id}")).StatusCode);
        Assert.Single((await (await admin.GetAsync("/api/skus/SKU-1031/photos")).Json()).AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/skus/SKU-1031/photos/{id}")).StatusCode);
        Assert.Empty((await (await admin.GetAsync("/api/skus/SKU-1031/photos")).Json()).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/skus/SKU-1031/photos/{id}")).StatusCode);
    }

    private static ByteArrayContent Jpeg(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        return content;
    }

    [Fact]
    public async Task Text_holding_a_NUL_character_in_a_body_or_a_query_is_refused_with_a_reason_not_a_server_error()
    {
        using var admin = await system.SignedIn("admin");
        // PostgreSQL cannot store U+0000 in text: these were 500s at the write.
        var sku = await admin.PostRaw("/api/skus", """{"code":"SKU-X0206","name":"燕麦\u0000奶","brand":"b","category":"milk","isCompetitor":false}""");
        Assert.Equal(HttpStatusCode.BadRequest, sku.StatusCode);
        Assert.Contains("NUL", await sku.Detail());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/skus/SKU-X0206")).StatusCode);

        var region = await admin.PutRaw("/api/regions/EAST", """{"name":"华东大区","nameEn":"East\u0000"}""");
        Assert.Equal(HttpStatusCode.BadRequest, region.StatusCode);
        Assert.Contains("$.nameEn", await region.Detail());

        // In a query string too, where every search and filter became a PostgreSQL parameter: 500s on 53 fields.
        var search = await admin.GetAsync("/api/stores?q=a%00b");
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Contains("'q'", await search.Detail());
        var page = await admin.GetAsync("/traffic?region=a%00b");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("请求无效", System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/stores?q=a%01b")).StatusCode);
    }

    [Fact]
    public async Task A_name_holding_a_control_character_is_refused_naming_the_character()
    {
        using var admin = await system.SignedIn("admin");
        // An escape sequence in a store's name would reach every page, sheet, webhook and log line that names it.
        var store = await admin.PostRaw("/api/stores",
            """{"code":"X0208","name":"Red\u001b[31m店","regionCode":"EAST","city":"上海","latitude":31.2,"longitude":121.4}""");
        Assert.Equal(HttpStatusCode.BadRequest, store.StatusCode);
        Assert.Contains("name holds a control character (U+001B)", await store.Detail());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/stores/X0208")).StatusCode);

        var region = await admin.PutRaw("/api/regions/EAST", """{"name":"华东\u0007大区"}""");
        Assert.Equal(HttpStatusCode.BadRequest, region.StatusCode);
        Assert.Contains("U+0007", await region.Detail());

        // Tabs and line breaks are text.
        var lines = await admin.PostRaw("/api/stores",
            """{"code":"X0208","name":"两行店","regionCode":"EAST","city":"上海","address":"南京路1号\n二楼","latitude":31.2,"longitude":121.4}""");
        Assert.Equal(HttpStatusCode.Created, lines.StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_a_4xx_that_says_what_is_wrong_and_writes_nothing()
    {
        using var admin = await system.SignedIn("admin");
        var before = await StoreCount();

        var malformed = await admin.PostRaw("/api/stores", """{"code":"X0201","name":""" );
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON", await malformed.Detail());

        var unknownField = await admin.PostRaw("/api/stores", """{"code":"X0202","name":"n","regionCode":"EAST","city":"c","latitude":1,"longitude":2,"colour":"red"}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("colour", await unknownField.Detail());

        var outOfRange = await admin.PostJson("/api/stores", ApiJson.NewStore("X0203", latitude: 95, longitude: 200));
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        var outOfRangeDetail = await outOfRange.Detail();
        Assert.Contains("latitude 95", outOfRangeDetail);
        Assert.Contains("longitude 200", outOfRangeDetail);

        var duplicate = await admin.PostJson("/api/stores", ApiJson.NewStore("S0001"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("S0001", await duplicate.Detail());

        var unknownRegion = await admin.PostJson("/api/stores", ApiJson.NewStore("X0204", region: "MARS"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownRegion.StatusCode);
        Assert.Contains("MARS", await unknownRegion.Detail());

        var badKind = await admin.PostJson("/api/cameras", new { code = "CAM-X0205", kind = "drone" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("drone", await badKind.Detail());

        // A record named as a path word could never be read back: GET /api/stores/Export is the export.
        foreach (var (url, body) in new (string, object)[]
        {
            ("/api/stores", ApiJson.NewStore("Export")), ("/api/cameras", new { code = "import", kind = "entrance", patrolCadenceMinutes = 1 }),
            ("/api/skus", new { code = "EXPORT", name = "n", brand = "b", category = "milk" }),
            ("/api/accounts", new { username = "export", displayName = "导出", role = "hq_analyst" }),
        })
        {
            var pathWord = await admin.PostJson(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, pathWord.StatusCode);
            Assert.Contains("a word the API's paths use", await pathWord.Detail());
        }

        var badPaging = await admin.GetAsync("/api/stores?pageSize=5000");
        Assert.Equal(HttpStatusCode.BadRequest, badPaging.StatusCode);

        var notJpeg = await admin.PostAsync("/api/skus/SKU-1001/photos", new ByteArrayContent("GIF89a-not-a-jpeg"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, notJpeg.StatusCode);

        Assert.Equal(before, await StoreCount());
        // The server keeps serving after all of that.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/stores/S0001")).StatusCode);
    }

    private async Task<int> StoreCount()
    {
        await using var connection = await system.Database.Database.Open();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM stores");
    }

    public static Task<HttpResponseMessage> Heartbeat(HttpClient device, string camera, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{camera}/heartbeat");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{camera}:{secret}")));
        return device.SendAsync(request);
    }
}
