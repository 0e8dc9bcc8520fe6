using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;

namespace SmartStore.Integration.Tests;

[Collection(SystemCollection.Name)]
public sealed class ImportTests(SmartStoreSystem system)
{
    [Fact]
    public async Task Stores_import_from_csv_with_chinese_headers()
    {
        using var admin = await system.SignedIn("admin");
        const string csv = """
            编码,名称,大区,城市,地址,纬度,经度,标签,开门,关门,员工数
            X0501,长沙五一广场店,SOUTH,长沙,芙蓉区五一大道1号,28.1960,112.9770,mall;flagship,10:00,22:00,8
            X0502,郑州二七店,NORTH,郑州,二七区人民路2号,34.7540,113.6650,street,09:00,21:00,5
            """;
        var response = await admin.PostAsync("/api/stores/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Json())["imported"]!.GetValue<int>());

        var store = await (await admin.GetAsync("/api/stores/X0501")).Json();
        Assert.Equal("长沙", store["city"]!.GetValue<string>());
        Assert.Equal(2, store["tags"]!.AsArray().Count);
        Assert.Equal(8, store["staffCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_store_sheet_sent_to_change_existing_stores_changes_only_the_cells_filled_in_and_keeps_their_holiday_hours()
    {
        using var admin = await system.SignedIn("admin");
        const string first = """
            编码,名称,大区,城市,纬度,经度,开门,关门,员工数,周末开门,周末关门
            X0521,改表测试一店,EAST,上海,31.2,121.4,09:00,21:00,5,,
            X0522,改表测试二店,EAST,上海,31.3,121.5,09:00,21:00,5,10:00,22:30
            """;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/stores/import", new StringContent(first, Encoding.UTF8, "text/csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJson("/api/stores/special-hours", new
        {
            reason = "春节", from = "2027-02-06", to = "2027-02-08", closed = true, stores = new[] { "X0521" },
        })).StatusCode);
        async Task<System.Text.Json.Nodes.JsonNode> Stored(string code) => await (await admin.GetAsync($"/api/stores/{code}")).Json();
        Task<HttpResponseMessage> Send(string csv, string query = "?change=true") =>
            admin.PostAsync("/api/stores/import" + query, new StringContent(csv, Encoding.UTF8, "text/csv"));

        // New hours and staff for one store, a new name for another, and a new store: the cells left empty keep what each has.
        const string monthly = """
            编码,名称,大区,城市,纬度,经度,开门,关门,员工数
            X0521,,,,,,08:00,20:00,12
            X0522,改表测试二店（改名）,,,,,,,
            X0523,改表测试三店,SOUTH,长沙,28.2,112.9,10:00,22:00,6
            """;
        // Not asked to change: the existing codes are refused as before, and nothing is written.
        var refused = await Send(monthly, "");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Store code 'X0521' already exists (to change it by the sheet, tick the import's Change box, or send change=true)", await refused.Detail());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/stores/X0523")).StatusCode);

        var changed = await (await Send(monthly)).Json();
        Assert.Equal(["X0523"], changed["codes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["X0521", "X0522"], changed["changedCodes"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        var one = await Stored("X0521");
        Assert.Equal(("改表测试一店", 12, "08:00:00", "20:00:00"), (one["name"]!.GetValue<string>(), one["staffCount"]!.GetValue<int>(),
            one["openingHours"]!["weekly"]![0]!["open"]!.GetValue<string>(), one["openingHours"]!["weekly"]![6]!["close"]!.GetValue<string>()));
        Assert.Equal("春节", Assert.Single(one["openingHours"]!["exceptions"]!.AsArray())!["reason"]!.GetValue<string>());
        var two = await Stored("X0522");
        Assert.Equal(("改表测试二店（改名）", 5, "09:00:00", 31.3), (two["name"]!.GetValue<string>(), two["staffCount"]!.GetValue<int>(),
            two["openingHours"]!["weekly"]![0]!["open"]!.GetValue<string>(), two["latitude"]!.GetValue<double>()));
        // Its weekend hours, from the first sheet's 周末 columns, stay: the second sheet left them empty.
        Assert.Equal("22:30:00", two["openingHours"]!["weekly"]![6]!["close"]!.GetValue<string>());

        // Weekend hours alone change Saturday and Sunday and nothing else.
        Assert.Equal(HttpStatusCode.OK, (await Send("编码,周末开门,周末关门\nX0521,10:00,23:00\n")).StatusCode);
        var weekend = (await Stored("X0521"))["openingHours"]!["weekly"]!.AsArray();
        Assert.Equal(["08:00:00", "08:00:00", "08:00:00", "08:00:00", "08:00:00", "10:00:00", "10:00:00"], weekend.Select(d => d!["open"]!.GetValue<string>()));
        Assert.Equal("23:00:00", weekend[6]!["close"]!.GetValue<string>());

        // "-" clears an address or the tags.
        Assert.Equal(HttpStatusCode.OK, (await Send("编码,地址,标签\nX0523,五一路 1 号,mall\n")).StatusCode);
        Assert.Equal(("五一路 1 号", 1), ((await Stored("X0523"))["address"]!.GetValue<string>(), (await Stored("X0523"))["tags"]!.AsArray().Count));
        Assert.Equal(HttpStatusCode.OK, (await Send("编码,地址,标签\nX0523,-,-\n")).StatusCode);
        var bare = await Stored("X0523");
        Assert.Equal(("", 0), (bare["address"]!.GetValue<string>(), bare["tags"]!.AsArray().Count));
        // "+" adds a tag to those the store has and "-" takes one off (a pilot tagged across stores without retyping each list).
        async Task<IEnumerable<string>> Tags() => (await Stored("X0523"))["tags"]!.AsArray().Select(t => t!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Send("编码,标签\nX0523,street\n")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send("编码,标签\nX0523,+mall;+flagship\n")).StatusCode);
        Assert.Equal(["street", "mall", "flagship"], await Tags());
        Assert.Equal(HttpStatusCode.OK, (await Send("编码,标签\nX0523,-street;+mall\n")).StatusCode);
        Assert.Equal(["mall", "flagship"], await Tags());
        var unknownTag = await Send("编码,标签\nX0523,+nosuch\n");
        Assert.Contains("tag 'nosuch' is not in the store-tag dictionary", await unknownTag.Detail());
        Assert.Contains("mixes a list with +/- edits", await (await Send("编码,标签\nX0523,street;-mall\n")).Detail());
        Assert.Equal(["mall", "flagship"], await Tags());

        // A filled-in cell that cannot be read is refused with its row, and the whole sheet changes nothing.
        var bad = await Send("""
            编码,纬度,员工数,周末开门,周末关门
            X0521,,3,,
            X0522,北纬三十度,,,
            X0523,,,10:00,
            """);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badWhy = await bad.Detail();
        Assert.Contains("latitude '北纬三十度' is not a number", badWhy);
        Assert.Contains("weekend_open '10:00' and weekend_close '' must both be times", badWhy);
        Assert.Equal(12, (await Stored("X0521"))["staffCount"]!.GetValue<int>());

        // The page's import card offers it, and sends it.
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/stores"));
        Assert.Contains("name=\"change\" value=\"true\"", page);
        var posted = await PageForms.PostFile(admin, "/stores", "/stores?handler=import&change=true", "sheet", "stores.csv", "text/csv",
            Encoding.UTF8.GetBytes("编码,员工数\nX0522,9\n"));
        Assert.Contains("更新已有记录 1 条: X0522", System.Net.WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()));
        Assert.Equal(9, (await Stored("X0522"))["staffCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_stores_exported_as_a_sheet_come_back_unchanged_and_a_cell_changed_in_it_changes_that_store()
    {
        using var admin = await system.SignedIn("admin");
        const string created = """
            编码,名称,大区,城市,纬度,经度,开门,关门,员工数,周末开门,周末关门
            X0531,导出测试一店,EAST,上海,31.123456789,121.5,09:30,24:00,7,10:00,22:30
            """;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/stores/import", new StringContent(created, Encoding.UTF8, "text/csv"))).StatusCode);

        var export = await admin.GetAsync("/api/stores/export?region=EAST");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var rows = (await MiniExcel.QueryAsync(new MemoryStream(bytes), useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        var row = rows.Single(r => $"{r["编码"]}" == "X0531");
        Assert.Equal(("09:30", "24:00", "10:00", "22:30", "31.123456789"), ($"{row["开门"]}", $"{row["关门"]}", $"{row["周末开门"]}", $"{row["周末关门"]}", $"{row["纬度"]}"));
        Assert.DoesNotContain(rows, r => $"{r["大区"]}" != "EAST");

        // Sent back as it came: nothing changes (every store's hours, coordinates and tags read back as they were).
        Task<System.Text.Json.Nodes.JsonNode> SendBack(byte[] sheet) => Changing(admin, "/api/stores/import?change=true", sheet);
        var unchanged = await SendBack(bytes);
        Assert.Equal(0, unchanged["changed"]!.GetValue<int>());
        Assert.Equal(0, unchanged["imported"]!.GetValue<int>());

        // One cell changed in Excel: that store alone.
        row["员工数"] = 15;
        var edited = new MemoryStream();
        await edited.SaveAsAsync(rows);
        var changed = await SendBack(edited.ToArray());
        Assert.Equal(["X0531"], changed["changedCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(15, (await (await admin.GetAsync("/api/stores/X0531")).Json())["staffCount"]!.GetValue<int>());
        using var analyst = await system.SignedIn("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/stores/export")).StatusCode);
    }

    [Fact]
    public async Task A_week_the_four_hour_cells_cannot_say_is_exported_and_read_back_as_weekly_hours()
    {
        // Closed on Mondays, open late on Fridays and Saturdays: no open / close / weekend pair says that week.
        using var admin = await system.SignedIn("admin");
        const string created = """
            编码,名称,大区,城市,纬度,经度,每周营业时间
            X0532,周营业测试店,EAST,上海,31.2,121.5,周一 休息；周二至周四 10:00-22:00；周五、周六 10:00-23:30；周日 10:00-22:00
            """;
        var made = await admin.PostAsync("/api/stores/import", new StringContent(created, Encoding.UTF8, "text/csv"));
        Assert.True(made.StatusCode == HttpStatusCode.OK, await made.Content.ReadAsStringAsync());
        async Task<string[]> Week() => (await (await admin.GetAsync("/api/stores/X0532")).Json())["openingHours"]!["weekly"]!.AsArray()
            .Select(d => d!["closed"]!.GetValue<bool>() ? "休息" : $"{d["open"]}-{d["close"]}").ToArray();
        Assert.Equal(["休息", "10:00:00-22:00:00", "10:00:00-22:00:00", "10:00:00-22:00:00", "10:00:00-23:30:00", "10:00:00-23:30:00", "10:00:00-22:00:00"], await Week());

        var bytes = await (await admin.GetAsync("/api/stores/export?region=EAST")).Content.ReadAsByteArrayAsync();
        var rows = (await MiniExcel.QueryAsync(new MemoryStream(bytes), useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        var row = rows.Single(r => $"{r["编码"]}" == "X0532");
        Assert.Equal(("", "", "周一 休息；周二至周四 10:00-22:00；周五、周六 10:00-23:30；周日 10:00-22:00"), ($"{row["开门"]}", $"{row["关门"]}", $"{row["每周营业时间"]}"));
        // Sent back as it came, nothing changes; Sundays made late in it (English day names read too), only they change.
        Assert.Equal(0, (await Changing(admin, "/api/stores/import?change=true", bytes))["changed"]!.GetValue<int>());
        row["每周营业时间"] = "Sun 10:00-23:30";
        var edited = new MemoryStream();
        await edited.SaveAsAsync(rows);
        Assert.Equal(["X0532"], (await Changing(admin, "/api/stores/import?change=true", edited.ToArray()))["changedCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("10:00:00-23:30:00", (await Week())[6]);
        Assert.Equal("休息", (await Week())[0]);

        // A day that is no day, a day named twice, and both ways of giving hours at once: refused with the row, nothing changed.
        foreach (var (cell, why) in new[]
        {
            ("X0532,周八 10:00-22:00,,", "weekly hours '周八 10:00-22:00' must be days and hours"),
            ("X0532,周一至周三 10:00-22:00；周三 休息,,", "weekly hours name 周三 twice"),
            ("X0532,周一 休息,09:00,21:00", "weekly hours and open / close"),
        })
        {
            var refused = await admin.PostAsync("/api/stores/import?change=true", new StringContent($"编码,每周营业时间,开门,关门\n{cell}\n", Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(why, await refused.Detail());
        }
        Assert.Equal("休息", (await Week())[0]);
    }

    [Fact]
    public async Task The_skus_exported_as_a_sheet_come_back_unchanged_and_a_name_and_competitor_changed_in_it_change_that_sku()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/skus/import", new StringContent("""
            商品编码,商品名称,品牌,品类,竞品
            SKU-X0541,燕麦奶 导出测试,Oatly,milk,是
            SKU-X0542,酸奶 导出测试,Arla,yoghurt,否
            """, Encoding.UTF8, "text/csv"))).StatusCode);
        var bytes = await admin.GetByteArrayAsync("/api/skus/export");
        Assert.Equal(0, (await Changing(admin, "/api/skus/import?change=true", bytes))["changed"]!.GetValue<int>());

        var rows = (await MiniExcel.QueryAsync(new MemoryStream(bytes), useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        var row = rows.Single(r => $"{r["商品编码"]}" == "SKU-X0542");
        (row["商品名称"], row["竞品"]) = ("希腊酸奶 导出测试", "是");
        var edited = new MemoryStream();
        await edited.SaveAsAsync(rows);
        Assert.Equal(["SKU-X0542"], (await Changing(admin, "/api/skus/import?change=true", edited.ToArray()))["changedCodes"]!.AsArray()
            .Select(c => c!.GetValue<string>()));
        var sku = await (await admin.GetAsync("/api/skus/SKU-X0542")).Json();
        Assert.Equal(("希腊酸奶 导出测试", true, "Arla"), (sku["name"]!.GetValue<string>(), sku["isCompetitor"]!.GetValue<bool>(), sku["brand"]!.GetValue<string>()));

        // A competitor cell that is neither yes nor no is refused, and nothing changes.
        var refused = await admin.PostAsync("/api/skus/import?change=true", new StringContent("商品编码,竞品\nSKU-X0541,maybe\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await (await admin.GetAsync("/api/skus/SKU-X0541")).Json())["isCompetitor"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_camera_or_sku_put_against_the_version_read_is_refused_once_a_sheet_changed_it_meanwhile()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0855", "EAST"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/cameras",
            new { code = "CAM-X0855", kind = "entrance", brand = "Hikvision", storeCode = "X0855", patrolCadenceMinutes = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/skus",
            new { code = "SKU-X0855", name = "版本测试奶", brand = "Oatly", category = "milk", isCompetitor = false })).StatusCode);
        var camera = new { kind = "entrance", brand = "Uniview", storeCode = "X0855", patrolCadenceMinutes = 1 };
        var sku = new { name = "接口改名奶", brand = "Oatly", category = "milk", isCompetitor = false };
        foreach (var (url, import, csv, body, field, bySheet) in new[]
        {
            ("/api/cameras/CAM-X0855", "/api/cameras/import?change=true", "code,brand\nCAM-X0855,Dahua\n", (object)camera, "brand", "Dahua"),
            ("/api/skus/SKU-X0855", "/api/skus/import?change=true", "code,name\nSKU-X0855,表格改名奶\n", sku, "name", "表格改名奶"),
        })
        {
            var read = (await admin.GetAsync(url)).Headers.ETag!.Tag;
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(import, new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);

            // Sent against the version read before the sheet: refused, naming who changed it; the sheet's change stays.
            var stale = await Put(url, body, read);
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
            Assert.Contains("was changed by admin at", await stale.Detail());
            // And what changed since that version: the sheet's import, and the field it changed, from what was read to what it is.
            var told = await stale.Json();
            Assert.Equal("import", Assert.Single(told["since"]!.AsArray())!["action"]!.GetValue<string>());
            var change = Assert.Single(told["changes"]!.AsArray())!;
            Assert.Equal((field, bySheet), (change["field"]!.GetValue<string>(), change["now"]!.GetValue<string>()));
            var now = await admin.GetAsync(url);
            var stored = await now.Json();
            Assert.Equal(bySheet, (stored["camera"] ?? stored)[field]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.BadRequest, (await Put(url, body, "yesterday")).StatusCode);
            // A weak tag never matches a change (RFC 9110): refused, saying so, rather than read as the strong one.
            var weak = await Put(url, body, "W/" + now.Headers.ETag!.Tag);
            Assert.Equal(HttpStatusCode.PreconditionFailed, weak.StatusCode);
            Assert.Contains("weak ETags", await weak.Detail());
            // Several tags match when the current one is among them; the stale one alone does not.
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await Put(url, body, $"{read}, W/{now.Headers.ETag!.Tag}")).StatusCode);
            // Read again, the change saves, and its answer carries the next version.
            var saved = await Put(url, body, $"{read}, {now.Headers.ETag!.Tag}");
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.NotEqual(now.Headers.ETag!.Tag, saved.Headers.ETag!.Tag);
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await Put(url, body, $"{read}, {now.Headers.ETag!.Tag}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Put(url, body, "*")).StatusCode);
        }
        // OpenAPI tells an integrator of the guard: each PUT's 412, and what its answer adds.
        var api = await (await admin.GetAsync("/openapi/v1.json")).Json();
        foreach (var path in new[] { "/api/stores/{code}", "/api/cameras/{code}", "/api/skus/{code}", "/api/accounts/{username}" })
        {
            var put = api["paths"]![path]!["put"]!;
            Assert.NotNull(put["responses"]!["412"]);
            Assert.Contains("`since`", put["description"]!.GetValue<string>());
        }
        // The SKU's page lists its latest changes: the sheet's rename, then the API's.
        var skuPage = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/skus/SKU-X0855"));
        Assert.Matches("id=\"recent-changes\"[\\s\\S]*data-field=\"name\"[\\s\\S]*接口改名奶[\\s\\S]*表格改名奶", skuPage);

        async Task<HttpResponseMessage> Put(string url, object body, string ifMatch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await admin.SendAsync(request);
        }
    }

    /// <summary>An Excel sheet sent to an import that changes existing records; its answer, which must be 200.</summary>
    internal static async Task<System.Text.Json.Nodes.JsonNode> Changing(HttpClient admin, string url, byte[] sheet)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "sheet.xlsx");
        var response = await admin.PostAsync(url, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Json();
    }

    [Fact]
    public async Task A_camera_sheet_sent_to_change_existing_cameras_sets_their_lines_tills_and_presets_and_keeps_what_it_leaves_empty()
    {
        using var admin = await system.SignedIn("admin");
        Task<HttpResponseMessage> Send(string csv, string query = "?change=true") =>
            admin.PostAsync("/api/cameras/import" + query, new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, (await Send("""
            code,kind,store,presets
            CAM-X0881-E1,入口,S0024,
            CAM-X0881-I1,店内,S0024,
            CAM-X0881-P1,货架,S0024,1:饮料货架
            """, "")).StatusCode);
        // Drawn on its page meanwhile: the in-store camera's counting area.
        const string area = """{"points":[{"x":0,"y":0.3},{"x":1,"y":0.3},{"x":1,"y":1},{"x":0,"y":1}]}""";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutRaw("/api/cameras/CAM-X0881-I1/counting-area", area)).StatusCode);
        async Task<System.Text.Json.Nodes.JsonNode> Camera(string code) => (await (await admin.GetAsync($"/api/cameras/{code}")).Json())["camera"]!;

        // A kind or a store other than the camera's, or a door line for an in-store camera: refused, nothing changed.
        var refused = await Send("""
            code,kind,store,door_line
            CAM-X0881-E1,货架,,
            CAM-X0881-P1,,S0025,
            CAM-X0881-I1,,,0.5 0.1 0.5 0.9 0.8 0.5
            """);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var why = await refused.Detail();
        Assert.Contains("a sheet does not change a camera's kind", why);
        Assert.Contains("a sheet does not move a camera", why);
        Assert.Contains("a door line is for an entrance camera", why);

        var changed = await (await Send("""
            编码,进店线,收银台,收银台号,预置位,品牌
            CAM-X0881-E1,0.5 0.1 0.5 0.9 0.8 0.5,,,,
            CAM-X0881-I1,,是,2,,Dahua
            CAM-X0881-P1,,,,1:冷柜|2:零食货架,
            """)).Json();
        Assert.Equal(["CAM-X0881-E1", "CAM-X0881-I1", "CAM-X0881-P1"], changed["changedCodes"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        Assert.Equal(0, changed["imported"]!.GetValue<int>());
        var door = (await Camera("CAM-X0881-E1"))["doorLine"]!;
        Assert.Equal((0.1f, 0.9f), (door["ay"]!.GetValue<float>(), door["by"]!.GetValue<float>()));
        var inStore = await Camera("CAM-X0881-I1");
        Assert.Equal((true, "2", "Dahua"), (inStore["watchesTill"]!.GetValue<bool>(), inStore["till"]!.GetValue<string>(), inStore["brand"]!.GetValue<string>()));
        Assert.Equal(4, inStore["countingArea"]!["points"]!.AsArray().Count); // drawn on its page, kept
        Assert.Equal(["冷柜", "零食货架"], (await Camera("CAM-X0881-P1"))["presets"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_cameras_exported_as_a_sheet_come_back_unchanged_and_a_door_line_filled_in_sets_that_camera()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/cameras/import", new StringContent("""
            code,kind,store,presets,till,till_name,door_line,counting_area
            CAM-X0882-E1,入口,S0026,,,,0.5 0.2 0.5 0.98 0.75 0.6,
            CAM-X0882-E2,入口,S0026,,,,,
            CAM-X0882-I1,店内,S0026,,是,2,,0 0.45 0.45 0.45 0.45 1 0 1
            CAM-X0882-P1,货架,S0026,3:冷柜|1:零食,,,,
            """, Encoding.UTF8, "text/csv"))).StatusCode);

        var bytes = await admin.GetByteArrayAsync("/api/cameras/export?store=S0026");
        var rows = (await MiniExcel.QueryAsync(new MemoryStream(bytes), useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => $"{r["设备编码"]}" == "CAM-X0882-P1" && $"{r["预置位"]}" == "3:冷柜|1:零食" && $"{r["设备类型"]}" == "货架");
        Assert.All(rows, r => Assert.Equal("S0026", $"{r["门店编码"]}"));

        Task<System.Text.Json.Nodes.JsonNode> SendBack(byte[] sheet) => Changing(admin, "/api/cameras/import?change=true", sheet);
        // Sent back as it came: nothing changes (lines, areas, tills and presets read back as they were).
        Assert.Equal(0, (await SendBack(bytes))["changed"]!.GetValue<int>());

        // The installer fills in the second door's line: that camera alone.
        rows.Single(r => $"{r["设备编码"]}" == "CAM-X0882-E2")["进店线"] = "0.4 0.3 0.4 0.95 0.7 0.6";
        var edited = new MemoryStream();
        await edited.SaveAsAsync(rows);
        Assert.Equal(["CAM-X0882-E2"], (await SendBack(edited.ToArray()))["changedCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        var door = (await (await admin.GetAsync("/api/cameras/CAM-X0882-E2")).Json())["camera"]!["doorLine"]!;
        Assert.Equal((0.4f, 0.95f), (door["ax"]!.GetValue<float>(), door["by"]!.GetValue<float>()));

        // "-" takes a line drawn wrong off, and an area, and a brand; an empty cell keeps.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/cameras/import?change=true",
            new StringContent("code,brand\nCAM-X0882-E1,Hikvision\n", Encoding.UTF8, "text/csv"))).StatusCode);
        var cleared = await admin.PostAsync("/api/cameras/import?change=true", new StringContent(
            "code,brand,door_line,counting_area\nCAM-X0882-E1,-,-,\nCAM-X0882-I1,,,-\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var first = (await (await admin.GetAsync("/api/cameras/CAM-X0882-E1")).Json())["camera"]!;
        Assert.Null(first["doorLine"]);
        Assert.Equal("", first["brand"]!.GetValue<string>());
        var inStore = (await (await admin.GetAsync("/api/cameras/CAM-X0882-I1")).Json())["camera"]!;
        Assert.Null(inStore["countingArea"]);
        Assert.Equal("2", inStore["till"]!.GetValue<string>());
        Assert.NotNull((await (await admin.GetAsync("/api/cameras/CAM-X0882-E2")).Json())["camera"]!["doorLine"]);
    }

    [Fact]
    public async Task Cameras_import_in_bulk_each_with_its_secret_given_once_and_a_bad_file_imports_none()
    {
        using var admin = await system.SignedIn("admin");
        const string csv = """
            设备编码,设备类型,门店编码,品牌,型号,巡检间隔,预置位,收银台,收银台号,进店线,计数区域
            CAM-X0871-E1,入口,S0021,Hikvision,DS-2CD,,,,,0.5 0.2 0.5 0.98 0.75 0.6,
            CAM-X0871-P1,货架,S0021,Hikvision,DS-2DE,10,1:饮料货架|2:乳品冷柜,否,,,
            CAM-X0871-I1,interior,S0021,,,,,是,,,0 0.45 0.45 0.45 0.45 1 0 1
            CAM-X0871-I2,interior,S0021,,,,,,2,,
            """;
        var response = await admin.PostAsync("/api/cameras/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var secrets = (await response.Json())["secrets"]!.AsArray().ToDictionary(s => s!["code"]!.GetValue<string>(), s => s!["secret"]!.GetValue<string>());
        Assert.Equal(["CAM-X0871-E1", "CAM-X0871-I1", "CAM-X0871-I2", "CAM-X0871-P1"], secrets.Keys.Order());
        // The entrance camera comes with its door line: it counts from its first picture.
        var door = (await (await admin.GetAsync("/api/cameras/CAM-X0871-E1")).Json())["camera"]!["doorLine"]!;
        Assert.Equal((0.5f, 0.98f, 0.75f), (door["ax"]!.GetValue<float>(), door["by"]!.GetValue<float>(), door["insideX"]!.GetValue<float>()));
        var dome = await (await admin.GetAsync("/api/cameras/CAM-X0871-P1")).Json();
        Assert.Equal("shelf", dome["camera"]!["kind"]!.GetValue<string>());
        Assert.Equal("乳品冷柜", dome["camera"]!["presets"]![1]!["name"]!.GetValue<string>());
        // The in-store camera over the till comes marked as watching it (收银追溯); the others do not.
        var overTill = (await (await admin.GetAsync("/api/cameras/CAM-X0871-I1")).Json())["camera"]!;
        Assert.True(overTill["watchesTill"]!.GetValue<bool>());
        // ... and with its counting area: the customers' side of the till.
        Assert.Equal([0.45f, 0.45f, 1f, 1f], overTill["countingArea"]!["points"]!.AsArray().Select(p => p!["y"]!.GetValue<float>()));
        Assert.False(dome["camera"]!["watchesTill"]!.GetValue<bool>());
        // A till's name alone says the camera watches that till.
        var secondTill = (await (await admin.GetAsync("/api/cameras/CAM-X0871-I2")).Json())["camera"]!;
        Assert.Equal((true, "2"), (secondTill["watchesTill"]!.GetValue<bool>(), secondTill["till"]!.GetValue<string>()));
        // Each secret is the camera's: its heartbeat is taken, another camera's secret is not.
        using var device = system.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await MasterDataApiTests.Heartbeat(device, "CAM-X0871-E1", secrets["CAM-X0871-E1"])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MasterDataApiTests.Heartbeat(device, "CAM-X0871-E1", secrets["CAM-X0871-P1"])).StatusCode);

        // An unknown store, a kind that is none, a preset without a name, a code already taken, an entrance camera over a till
        // a till column neither yes nor no and a till named for a camera that watches none: each row said, none created.
        const string bad = """
            code,kind,store,presets,till,till_name,door_line,counting_area
            CAM-X0872-E1,entrance,S0021,,,,,
            CAM-X0872-E2,entrance,NOPE,,,,,
            CAM-X0872-E3,drone,S0021,,,,,
            CAM-X0872-P1,shelf,S0021,1饮料,,,,
            CAM-X0871-E1,entrance,S0021,,,,,
            CAM-X0872-E4,entrance,S0021,,是,,,
            CAM-X0872-I1,interior,S0021,,maybe,,,
            CAM-X0872-I2,interior,S0021,,否,1,,
            CAM-X0872-E5,entrance,S0021,,,,0.5 0.2 0.5 0.98 0.75,
            CAM-X0872-E6,entrance,S0021,,,,0.5 0.2 0.5 0.98 0.5 0.6,
            CAM-X0872-P2,shelf,S0021,,,,0.5 0.2 0.5 0.98 0.75 0.6,
            CAM-X0872-I3,interior,S0021,,,,,0 0 1
            CAM-X0872-E7,entrance,S0021,,,,,0 0 1 0 1 1
            CAM-X0872-I4,interior,S0021,,,,,0 0 1 1 1 0 0 1
            """;
        var refused = await admin.PostAsync("/api/cameras/import", new StringContent(bad, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedRows = (await refused.Json())["errors"]!.AsObject();
        Assert.Equal(["row 10", "row 11", "row 12", "row 13", "row 14", "row 15", "row 3", "row 4", "row 5", "row 6", "row 7", "row 8", "row 9"],
            refusedRows.Select(e => e.Key).Order());
        // A counting area of odd numbers, one for an entrance camera, one whose edges cross.
        Assert.Contains("must be pairs of numbers", refusedRows["row 13"]!.ToJsonString());
        Assert.Contains("a counting area is for an in-store camera", refusedRows["row 14"]!.ToJsonString());
        Assert.Contains(SmartStore.Models.CountingArea.EdgesCross, refusedRows["row 15"]![0]!.GetValue<string>());
        // A door line of five numbers, one whose store side lies on it, one for a shelf dome.
        Assert.Contains("must be six numbers", refusedRows["row 10"]!.ToJsonString());
        Assert.Contains("the inside point lies on the line", refusedRows["row 11"]!.ToJsonString());
        Assert.Contains("a door line is for an entrance camera", refusedRows["row 12"]!.ToJsonString());
        Assert.Contains("only in-store cameras watch a till", refusedRows["row 7"]!.ToJsonString());
        Assert.Contains("must be yes or no", refusedRows["row 8"]!.ToJsonString());
        Assert.Contains("watches no till", refusedRows["row 9"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/cameras/CAM-X0872-E1")).StatusCode);

        // The page: the secrets in a table shown once, with a download; the page is not cached.
        var page = await PageForms.PostFile(admin, "/cameras", "/cameras?handler=import", "sheet", "cameras.csv", "text/csv",
            Encoding.UTF8.GetBytes("code,kind,store\nCAM-X0873-E1,入口,S0021\n"));
        Assert.True(page.Headers.CacheControl?.NoStore);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("已导入 1 台设备及其密钥", html);
        Assert.Matches("<td class=\"code\">CAM-X0873-E1</td><td class=\"code\">CAM-X0873-E1</td><td class=\"secret\">[A-Za-z0-9]{24}</td>", html);
        Assert.Contains("id=\"download-secrets\"", html);
    }

    [Fact]
    public async Task One_bad_row_rejects_the_whole_file_with_row_numbers()
    {
        using var admin = await system.SignedIn("admin");
        const string csv = """
            code,name,region,city,latitude,longitude
            X0511,Good store,EAST,上海,31.2,121.4
            X0512,Bad store,EAST,上海,131.2,121.4
            X0513,Unknown region,MOON,上海,31.2,121.4
            S0001,Duplicate,EAST,上海,31.2,121.4
            """;
        var response = await admin.PostAsync("/api/stores/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await response.Detail();
        Assert.Contains("latitude 131.2", detail);
        Assert.Contains("MOON", detail);
        Assert.Contains("S0001", detail);
        var errors = (await response.Json())["errors"]!.AsObject();
        Assert.Equal(["row 3", "row 4", "row 5"], errors.Select(e => e.Key).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/stores/X0511")).StatusCode);
    }

    [Fact]
    public async Task Skus_import_from_an_excel_upload()
    {
        using var admin = await system.SignedIn("admin");
        var sheet = new MemoryStream();
        await sheet.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["商品编码"] = "SKU-X0521", ["商品名称"] = "Oatly Barista", ["品牌"] = "Oatly", ["品类"] = "milk", ["竞品"] = "是" },
            new Dictionary<string, object> { ["商品编码"] = "SKU-X0522", ["商品名称"] = "Arla Skyr", ["品牌"] = "Arla", ["品类"] = "yoghurt", ["竞品"] = "否" },
        });
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "skus.xlsx");

        var response = await admin.PostAsync("/api/skus/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var oat = await (await admin.GetAsync("/api/skus/SKU-X0521")).Json();
        Assert.True(oat["isCompetitor"]!.GetValue<bool>());
        var skyr = await (await admin.GetAsync("/api/skus/SKU-X0522")).Json();
        Assert.False(skyr["isCompetitor"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_file_that_is_not_a_sheet_is_refused_with_a_reason()
    {
        using var admin = await system.SignedIn("admin");
        var zipLike = new ByteArrayContent([(byte)'P', (byte)'K', 3, 4, 0, 0, 1, 2, 3]);
        var response = await admin.PostAsync("/api/skus/import", zipLike);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("could not be read", await response.Detail());
    }
}
