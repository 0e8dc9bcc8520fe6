using Dapper;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SmartStore.Integration.Tests;

/// <summary>
/// The back-office pages' POST handlers enforce role and scope on the server, like the API: a form
/// posted with a valid antiforgery token by the wrong role is refused with 403 and changes nothing.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class BackOfficePageTests(SmartStoreSystem system)
{
    public static TheoryData<string, string> EditingForms => new()
    {
        { "east", "/cameras?handler=create" },
        { "east", "/cameras?handler=rotate" },
        { "analyst", "/cameras?handler=create" },
        { "s0001", "/cameras/CAM-S0001-E1?handler=bind" },
        { "east", "/cameras/CAM-S0001-P1?handler=details" },
        { "analyst", "/skus/SKU-1001?handler=details" },
        { "east", "/cameras/CAM-S0001-E1?handler=rotate" },
        { "analyst", "/skus?handler=create" },
        { "analyst", "/skus/SKU-1001?handler=photo" },
        { "east", "/stores?handler=import" },
        { "analyst", "/settings?handler=region" },
        { "analyst", "/settings?handler=entry" },
        { "analyst", "/admin?handler=issue" },
        { "east", "/admin?handler=revoke" },
        { "east", "/stores/S0001/edit" },
        { "s0001", "/stores/S0001/edit" },
    };

    [Theory]
    [MemberData(nameof(EditingForms))]
    public async Task Only_hq_admin_may_post_the_editing_forms(string user, string url)
    {
        using var client = await system.SignedIn(user);
        var response = await PageForms.PostForm(client, "/cameras", url, new()
        {
            ["Form.Code"] = "CAM-X0601", ["Form.Kind"] = "entrance", ["code"] = "CAM-S0001-E1", ["storeCode"] = "S0002",
            ["name"] = "hijack", ["Form.Name"] = "hijack", ["kind"] = "store_tag", ["label"] = "x", ["labelEn"] = "x", ["KeyName"] = "x", ["id"] = "1",
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/cameras/CAM-X0601")).StatusCode);
        var camera = await (await admin.GetAsync("/api/cameras/CAM-S0001-E1")).Json();
        Assert.Equal("S0001", camera["camera"]!["storeCode"]!.GetValue<string>());
        Assert.NotEqual("hijack", (await (await admin.GetAsync("/api/stores/S0001")).Json())["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("admin", "/settings", HttpStatusCode.OK)]
    [InlineData("analyst", "/settings", HttpStatusCode.OK)]
    [InlineData("east", "/settings", HttpStatusCode.Forbidden)]
    [InlineData("admin", "/admin", HttpStatusCode.OK)]
    [InlineData("analyst", "/admin", HttpStatusCode.Forbidden)]
    [InlineData("s0001", "/admin", HttpStatusCode.Forbidden)]
    [InlineData("east", "/cameras/CAM-S0001-E1", HttpStatusCode.OK)]
    [InlineData("east", "/cameras/CAM-S0010-E1", HttpStatusCode.Forbidden)]
    [InlineData("s0001", "/cameras/CAM-S0002-P1", HttpStatusCode.Forbidden)]
    [InlineData("admin", "/cameras/CAM-NOPE", HttpStatusCode.NotFound)]
    [InlineData("s0001", "/skus/SKU-1001", HttpStatusCode.OK)]
    [InlineData("admin", "/stores/S0001/edit", HttpStatusCode.OK)]
    [InlineData("east", "/stores/S0001/edit", HttpStatusCode.Forbidden)]
    [InlineData("admin", "/stores/NOPE/edit", HttpStatusCode.NotFound)]
    [InlineData("east", "/inspections?store=S0010", HttpStatusCode.Forbidden)]
    [InlineData("s0001", "/inspections?store=S0002", HttpStatusCode.Forbidden)]
    [InlineData("east", "/inspections?store=NOPE", HttpStatusCode.NotFound)]
    public async Task Pages_are_shown_only_to_the_roles_and_scopes_they_are_for(string user, string url, HttpStatusCode expected)
    {
        using var client = await system.SignedIn(user);
        Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_page_for_a_silo_not_answering_says_so_and_tries_again_by_itself()
    {
        using var admin = await system.SignedIn("admin");
        var unavailable = await admin.GetStringAsync("/status/503");
        Assert.Contains("服务暂时不可用", unavailable);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"15\" />", unavailable);
        Assert.DoesNotContain("http-equiv=\"refresh\"", await admin.GetStringAsync("/status/404"));
    }

    [Theory]
    [InlineData("/stores/S0001", "/stores/S0001")]                    // a page whose forms all name a handler
    [InlineData("/stores/S0001", "/stores/S0001?handler=nothing")]    // a handler the page does not have
    public async Task A_form_sent_to_a_page_without_a_handler_for_it_is_a_bad_request_not_a_server_error(string page, string url)
    {
        using var admin = await system.SignedIn("admin");
        var response = await PageForms.PostForm(admin, page, url, []);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);   // was 500: the page rendered without its OnGet's model
        Assert.Contains("请求无效", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Admin_creates_a_camera_and_its_secret_shown_once_lets_it_report()
    {
        using var admin = await system.SignedIn("admin");
        var response = await PageForms.PostForm(admin, "/cameras", "/cameras?handler=create", new()
        {
            ["Form.Code"] = "CAM-X0611-P1", ["Form.Kind"] = "shelf", ["Form.StoreCode"] = "S0003",
            ["Form.PatrolCadenceMinutes"] = "5", ["Form.Presets"] = "3 饮料货架\n1 乳品冷柜",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var secret = SecretPattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Equal(24, secret.Length);

        var camera = (await (await admin.GetAsync("/api/cameras/CAM-X0611-P1")).Json())["camera"]!;
        Assert.Equal("S0003", camera["storeCode"]!.GetValue<string>());
        Assert.Equal(3, camera["presets"]![0]!["number"]!.GetValue<int>());

        using var device = system.Anonymous();
        var beat = new HttpRequestMessage(HttpMethod.Post, "/api/devices/CAM-X0611-P1/heartbeat");
        beat.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"CAM-X0611-P1:{secret}")));
        Assert.Equal(HttpStatusCode.OK, (await device.SendAsync(beat)).StatusCode);

        var detail = await admin.GetStringAsync("/cameras/CAM-X0611-P1");
        Assert.DoesNotContain(secret, detail);
    }

    [Fact]
    public async Task Admin_rebinds_a_camera_from_its_page()
    {
        using var admin = await system.SignedIn("admin");
        await admin.PostJson("/api/cameras", new { code = "CAM-X0621-E1", kind = "entrance", storeCode = "S0004" });
        var response = await PageForms.PostForm(admin, "/cameras/CAM-X0621-E1", "/cameras/CAM-X0621-E1?handler=bind", new() { ["storeCode"] = "S0005" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var camera = (await (await admin.GetAsync("/api/cameras/CAM-X0621-E1")).Json())["camera"]!;
        Assert.Equal("S0005", camera["storeCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Admin_changes_a_domes_presets_on_its_page_and_a_change_made_meanwhile_is_not_overwritten_unseen()
    {
        using var admin = await system.SignedIn("admin");
        await admin.PostJson("/api/cameras", new { code = "CAM-X0622-P1", kind = "shelf", storeCode = "S0004", presets = new[] { new { number = 1, name = "货架A", patrolOrder = 1 } } });
        const string Page = "/cameras/CAM-X0622-P1";
        async Task<string> Revision() => RevisionField().Match(await admin.GetStringAsync(Page)).Groups[1].Value;
        Task<HttpResponseMessage> Save(string revision, string brand, string presets) => PageForms.PostForm(admin, Page, Page + "?handler=details", new()
        {
            ["Revision"] = revision, ["Details.Brand"] = brand, ["Details.Model"] = "DS-2DE", ["Details.PatrolCadenceMinutes"] = "15", ["Details.Presets"] = presets,
        });
        async Task<JsonNode> Stored() => (await (await admin.GetAsync("/api/cameras/CAM-X0622-P1")).Json())["camera"]!;

        // A new patrol: the cold cabinet first; brand, model and cadence with it.
        Assert.Contains("设备资料已保存", await (await Save(await Revision(), "Dahua", "2 冷柜\n1 货架A")).Content.ReadAsStringAsync());
        var saved = await Stored();
        Assert.Equal([2, 1], saved["presets"]!.AsArray().Select(p => p!["number"]!.GetValue<int>()));
        Assert.Equal(("Dahua", 15), (saved["brand"]!.GetValue<string>(), saved["patrolCadenceMinutes"]!.GetValue<int>()));

        // A line that is not "number name" is refused with its line, and nothing changes.
        Assert.Contains("预置位第 1 行", System.Net.WebUtility.HtmlDecode(await (await Save(await Revision(), "Hikvision", "冷柜")).Content.ReadAsStringAsync()));
        Assert.Equal("Dahua", (await Stored())["brand"]!.GetValue<string>());

        // Changed by the API while the page was open: refused, naming what it is now; what was typed stays in the form.
        var opened = await Revision();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/cameras/CAM-X0622-P1", new { kind = "shelf", brand = "Uniview", storeCode = "S0004",
            patrolCadenceMinutes = 15, presets = new[] { new { number = 2, name = "冷柜", patrolOrder = 1 }, new { number = 1, name = "货架A", patrolOrder = 2 } } })).StatusCode);
        var refused = System.Net.WebUtility.HtmlDecode(await (await Save(opened, "Hikvision", "2 冷柜\n1 货架A")).Content.ReadAsStringAsync());
        Assert.Contains("保存未执行", refused);
        Assert.Contains("现为：Uniview，巡检间隔 15 分钟，预置位 2 冷柜；1 货架A", refused);
        Assert.Contains("name=\"Details.Brand\" value=\"Hikvision\" class=\"clashed\"", refused);
        // Only the brand was typed otherwise than it is now: listed and outlined; the presets, typed as they now are, are not.
        Assert.Contains("品牌：你填写「Hikvision」，现为「Uniview」", refused);
        Assert.DoesNotContain("预置位：你填写", refused);
        Assert.Contains("<textarea name=\"Details.Presets\" rows=\"4\">", refused);
        Assert.Equal("Uniview", (await Stored())["brand"]!.GetValue<string>());
        // Told, the person saves again against what they were shown.
        Assert.Contains("设备资料已保存", await (await Save(RevisionField().Match(refused).Groups[1].Value, "Hikvision", "2 冷柜\n1 货架A")).Content.ReadAsStringAsync());
        Assert.Equal("Hikvision", (await Stored())["brand"]!.GetValue<string>());
    }

    [Fact]
    public async Task Admin_changes_a_skus_details_on_its_page_and_a_sheets_change_made_meanwhile_is_not_overwritten_unseen()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/skus", new { code = "SKU-X0623", name = "页面测试奶", brand = "Oatly", category = "milk", isCompetitor = false })).StatusCode);
        const string Page = "/skus/SKU-X0623";
        async Task<string> Revision() => RevisionField().Match(await admin.GetStringAsync(Page)).Groups[1].Value;
        Task<HttpResponseMessage> Save(string revision, string name, string competitor) => PageForms.PostForm(admin, Page, Page + "?handler=details", new()
        {
            ["Revision"] = revision, ["Details.Name"] = name, ["Details.Brand"] = "Oatly", ["Details.Category"] = "milk", ["Details.IsCompetitor"] = competitor,
        });
        async Task<JsonNode> Stored() => await (await admin.GetAsync("/api/skus/SKU-X0623")).Json();

        Assert.Contains("商品资料已保存", await (await Save(await Revision(), "页面改名奶", "true")).Content.ReadAsStringAsync());
        Assert.Equal(("页面改名奶", true), ((await Stored())["name"]!.GetValue<string>(), (await Stored())["isCompetitor"]!.GetValue<bool>()));

        // Renamed by a sheet while the page was open: refused, naming what it is now; the typed name stays in the form.
        var opened = await Revision();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/skus/import?change=true",
            new StringContent("code,name\nSKU-X0623,表格改名奶\n", Encoding.UTF8, "text/csv"))).StatusCode);
        var refused = System.Net.WebUtility.HtmlDecode(await (await Save(opened, "页面再改名奶", "true")).Content.ReadAsStringAsync());
        Assert.Contains("保存未执行", refused);
        Assert.Contains("现为：表格改名奶", refused);
        Assert.Contains("name=\"Details.Name\" value=\"页面再改名奶\" class=\"clashed\"", refused);
        Assert.Contains("名称：你填写「页面再改名奶」，现为「表格改名奶」", refused);
        Assert.Contains("name=\"Details.Brand\" value=\"Oatly\" required", refused);
        Assert.Equal("表格改名奶", (await Stored())["name"]!.GetValue<string>());
        Assert.Contains("商品资料已保存", await (await Save(RevisionField().Match(refused).Groups[1].Value, "页面再改名奶", "true")).Content.ReadAsStringAsync());
        Assert.Equal("页面再改名奶", (await Stored())["name"]!.GetValue<string>());
    }

    [GeneratedRegex("name=\"Revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();

    [Fact]
    public async Task Store_import_from_the_page_shows_row_numbered_errors_and_imports_nothing()
    {
        using var admin = await system.SignedIn("admin");
        const string csv = """
            code,name,region,city,latitude,longitude
            X0631,Good store,EAST,上海,31.2,121.4
            X0632,Bad store,EAST,上海,131.2,121.4
            """;
        var html = System.Net.WebUtility.HtmlDecode(await (await PageForms.PostFile(admin, "/stores", "/stores?handler=import", "sheet", "stores.csv", "text/csv",
            Encoding.UTF8.GetBytes(csv))).Content.ReadAsStringAsync());
        Assert.Contains("import-errors", html);
        Assert.Contains(@"<td class=""num"">3</td><td>纬度 131.2 超出 -90 至 90 的范围。", html);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/stores/X0631")).StatusCode);

        var good = await PageForms.PostFile(admin, "/stores", "/stores?handler=import", "sheet", "stores.csv", "text/csv", Encoding.UTF8.GetBytes(csv.Replace("131.2", "31.3")));
        Assert.Contains("import-done", await good.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/stores/X0632")).StatusCode);

        // The same sheet again: each code already exists — said per row, in the reader's language.
        var again = System.Net.WebUtility.HtmlDecode(await (await PageForms.PostFile(admin, "/stores", "/stores?handler=import&culture=en", "sheet", "stores.csv",
            "text/csv", Encoding.UTF8.GetBytes(csv.Replace("131.2", "31.3")))).Content.ReadAsStringAsync());
        Assert.Contains(@"<td class=""num"">2</td><td>Store code 'X0631' already exists (to change it by the sheet, tick the import's Change box, or send change=true).", again);
    }

    [Fact]
    public async Task A_store_form_refused_on_a_chinese_page_says_why_in_chinese_and_the_api_stays_english()
    {
        using var admin = await system.SignedIn("admin");
        var form = new Dictionary<string, string>
        {
            ["Input.Code"] = "S0001", ["Input.Name"] = "重复的店", ["Input.RegionCode"] = "EAST", ["Input.City"] = "上海",
            ["Input.Latitude"] = "31.2", ["Input.Longitude"] = "121.4", ["Input.StaffCount"] = "6",
        };
        var duplicate = System.Net.WebUtility.HtmlDecode(await (await PageForms.PostForm(admin, "/stores", "/stores", form)).Content.ReadAsStringAsync());
        Assert.Contains("编码“S0001”已存在。", duplicate);
        Assert.Contains("action=\"/stores#store-form\"", duplicate); // a phone opens the answer at the form, below the list
        Assert.DoesNotContain("already exists", duplicate);

        form["Input.Code"] = "X0633";
        form["Input.City"] = "";
        form["Input.Latitude"] = "95";
        var invalid = System.Net.WebUtility.HtmlDecode(await (await PageForms.PostForm(admin, "/stores", "/stores", form)).Content.ReadAsStringAsync());
        Assert.Contains("请填写城市。", invalid);
        Assert.Contains("纬度 95 超出 -90 至 90 的范围。", invalid);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/stores/X0633")).StatusCode);

        // The API answers in English whatever the caller's language (integrations parse it; API JSON is English).
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/stores")
        {
            Content = JsonContent.Create(new { code = "X0633", name = "x", regionCode = "EAST", city = "", latitude = 95, longitude = 121.4 }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var api = await (await admin.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("city is required.", api);
        Assert.Contains("latitude 95 is outside -90..90.", api);
        Assert.DoesNotContain("请填写", api);
    }

    [Fact]
    public async Task Admin_edits_a_stores_details_weekly_hours_and_holiday_hours_on_its_page_and_bad_times_are_refused_in_the_readers_language()
    {
        using var admin = await system.SignedIn("admin");
        var created = await admin.PostJson("/api/stores", new { code = "X0821", name = "营业时间测试店", regionCode = "NORTH", city = "北京", latitude = 39.9, longitude = 116.4 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var page = WebUtility.HtmlDecode(await (await admin.GetAsync("/stores/X0821/edit")).Content.ReadAsStringAsync());
        Assert.Contains("每周营业时间", page);
        Assert.Contains("value=\"10:00\"", page);

        // Monday closed, the other days 09:00–21:30 (Saturday till midnight), a holiday closed, 12 staff, a new name.
        var form = Fields("营业时间测试店（改）", day => day == 0 ? null : ("09:00", day == 5 ? "24:00" : "21:30"));
        form["Form.StaffCount"] = "12";
        form["Form.Added.From"] = "2027-02-10";
        form["Form.Added.To"] = "2027-02-12";
        form["Form.Added.Closed"] = "true";
        form["Form.Added.Reason"] = "春节";
        var saved = await PageForms.PostForm(admin, "/stores/X0821/edit", "/stores/X0821/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("门店资料已保存", WebUtility.HtmlDecode(await (await admin.GetAsync(saved.Headers.Location!)).Content.ReadAsStringAsync()));
        var store = await (await admin.GetAsync("/api/stores/X0821")).Json();
        Assert.Equal("营业时间测试店（改）", store["name"]!.GetValue<string>());
        Assert.Equal(12, store["staffCount"]!.GetValue<int>());
        var weekly = store["openingHours"]!["weekly"]!.AsArray();
        Assert.True(weekly[0]!["closed"]!.GetValue<bool>());
        Assert.Equal("09:00:00", weekly[1]!["open"]!.GetValue<string>());
        Assert.Equal("21:30:00", weekly[1]!["close"]!.GetValue<string>());
        var holiday = Assert.Single(store["openingHours"]!["exceptions"]!.AsArray())!;
        Assert.Equal("春节", holiday["reason"]!.GetValue<string>());
        Assert.True(holiday["hours"]!["closed"]!.GetValue<bool>());
        // The form shows what it saved: Saturday till 24:00, the holiday as a row of its own.
        page = WebUtility.HtmlDecode(await (await admin.GetAsync("/stores/X0821/edit")).Content.ReadAsStringAsync());
        Assert.Contains("name=\"Form.Days[5].Close\" value=\"24:00\"", page);
        Assert.Contains("name=\"Form.Special[0].Reason\" value=\"春节\"", page);

        // A time that is no time, and a holiday ending before it starts: refused in Chinese, or English, and nothing saved.
        var bad = Fields("不该保存", day => day == 1 ? ("25:00", "21:30") : ("09:00", "21:30"));
        bad["Form.Added.From"] = "2027-05-03";
        bad["Form.Added.To"] = "2027-05-01";
        (bad["Form.Added.Open"], bad["Form.Added.Close"]) = ("10:00", "20:00");
        var refused = WebUtility.HtmlDecode(await (await PageForms.PostForm(admin, "/stores/X0821/edit", "/stores/X0821/edit", bad)).Content.ReadAsStringAsync());
        Assert.Contains("周二：开门和关门时间须是 09:30 这样的时间。", refused);
        var english = WebUtility.HtmlDecode(await (await PageForms.PostForm(admin, "/stores/X0821/edit", "/stores/X0821/edit?culture=en", bad)).Content.ReadAsStringAsync());
        Assert.Contains("Tue: opening and closing times must be like 09:30.", english);
        bad["Form.Days[1].Open"] = "09:00";
        // (culture=en above is kept in a cookie, as the language switch does)
        refused = WebUtility.HtmlDecode(await (await PageForms.PostForm(admin, "/stores/X0821/edit", "/stores/X0821/edit?culture=zh-CN", bad)).Content.ReadAsStringAsync());
        Assert.Contains("特殊营业时间 2027-05-03 至 2027-05-01 的结束日期早于开始日期。", refused);
        Assert.Equal("营业时间测试店（改）", (await (await admin.GetAsync("/api/stores/X0821")).Json())["name"]!.GetValue<string>());

        // The holiday ticked for removal goes; the store page says today's hours and links here.
        var removal = Fields("营业时间测试店（改）", _ => ("09:00", "21:30"));
        removal["Form.Special[0].From"] = "2027-02-10";
        removal["Form.Special[0].To"] = "2027-02-12";
        removal["Form.Special[0].Closed"] = "true";
        removal["Form.Special[0].Remove"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostForm(admin, "/stores/X0821/edit", "/stores/X0821/edit", removal)).StatusCode);
        Assert.Empty((await (await admin.GetAsync("/api/stores/X0821")).Json())["openingHours"]!["exceptions"]!.AsArray());
        var storePage = WebUtility.HtmlDecode(await (await admin.GetAsync("/stores/X0821")).Content.ReadAsStringAsync());
        Assert.Contains("今日营业时间 09:00–21:30", storePage);
        Assert.Contains("href=\"/stores/X0821/edit\"", storePage);
    }

    /// <summary>The store form as a browser posts it, each weekday's hours given (null: closed), in the North region.</summary>
    [Fact]
    public async Task A_seasons_hours_are_set_for_the_weekdays_they_name_through_the_api_and_on_the_page()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores",
            new { code = "X0822", name = "换季营业测试店", regionCode = "NORTH", city = "北京", latitude = 39.9, longitude = 116.4 })).StatusCode);
        var daily = Enumerable.Range(0, 7).Select(_ => new { open = "10:00:00", close = "22:00:00", closed = false }).ToArray();
        object Season(object[] exceptions) => new
        {
            name = "换季营业测试店", regionCode = "NORTH", city = "北京", latitude = 39.9, longitude = 116.4,
            openingHours = new { weekly = daily, exceptions },
        };

        // Winter: Monday to Saturday 10:00–18:00, and its Sundays closed.
        var put = await admin.PutJson("/api/stores/X0822", Season([
            new { from = "2026-12-01", to = "2027-02-28", hours = new { open = "10:00:00", close = "18:00:00", closed = false }, reason = "冬季",
                days = "monday, tuesday, wednesday, thursday, friday, saturday" },
            new { from = "2026-12-01", to = "2027-02-28", hours = new { open = "00:00:00", close = "00:00:00", closed = true }, reason = "冬季", days = "sunday" },
        ]));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var ranges = (await (await admin.GetAsync("/api/stores/X0822")).Json())["openingHours"]!["exceptions"]!.AsArray();
        Assert.Equal(["monday, tuesday, wednesday, thursday, friday, saturday", "sunday"], ranges.Select(r => r!["days"]!.GetValue<string>()));

        // The page ticks each range's weekdays; a range added there for Sundays only keeps just that day (the form is sent
        // without the winter rows, as if both were removed).
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/stores/X0822/edit"));
        Assert.Contains("name=\"Form.Special[1].Weekdays\" value=\"7\" checked", page);
        Assert.DoesNotContain("name=\"Form.Special[1].Weekdays\" value=\"6\" checked", page);
        var form = Fields("换季营业测试店", _ => ("10:00", "22:00"));
        form["Form.Added.From"] = "2027-03-01";
        form["Form.Added.To"] = "2027-03-31";
        (form["Form.Added.Open"], form["Form.Added.Close"]) = ("12:00", "20:00");
        form["Form.Added.Weekdays"] = "7";
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostForm(admin, "/stores/X0822/edit", "/stores/X0822/edit", form)).StatusCode);
        var added = Assert.Single((await (await admin.GetAsync("/api/stores/X0822")).Json())["openingHours"]!["exceptions"]!.AsArray())!;
        Assert.Equal(("sunday", "12:00:00"), (added["days"]!.GetValue<string>(), added["hours"]!["open"]!.GetValue<string>()));

        // A weekday that does not exist is refused.
        var bad = await admin.PutJson("/api/stores/X0822", Season([
            new { from = "2026-12-01", to = "2026-12-31", hours = new { open = "10:00:00", close = "18:00:00", closed = false }, reason = "", days = 200 },
        ]));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("names a weekday that does not exist", await bad.Detail());
    }

    [Fact]
    public async Task A_store_page_left_open_while_head_office_sets_holiday_hours_is_not_saved_over_them_nor_is_a_stale_api_update()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0823", "NORTH"))).StatusCode);
        static string RevisionOn(string page) => RevisionField().Match(page).Groups[1].Value;
        var opened = RevisionOn(await admin.GetStringAsync("/stores/X0823/edit"));
        Assert.NotEmpty(opened);

        // While the page is open, head office closes every store for 春节 …
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJson("/api/stores/special-hours", new
        {
            reason = "春节", from = "2027-02-06", to = "2027-02-08", closed = true, stores = new[] { "X0823" },
        })).StatusCode);
        async Task<JsonNode> Stored() => await (await admin.GetAsync("/api/stores/X0823")).Json();

        // … then the page is saved as it was filled: refused, saying who changed the store, and nothing of it lost.
        var form = Fields("停业测试店（改）", _ => ("09:00", "21:00"));
        form["Revision"] = opened;
        var refused = await PageForms.PostForm(admin, "/stores/X0823/edit", "/stores/X0823/edit", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("未保存：打开此页后，admin 于", again);
        Assert.Equal("测试门店 X0823", (await Stored())["name"]!.GetValue<string>());
        Assert.Equal("春节", Assert.Single((await Stored())["openingHours"]!["exceptions"]!.AsArray())!["reason"]!.GetValue<string>());

        // Filled again from the store as it is now (the holiday among its rows): the change made on that saves, the holiday kept.
        Assert.Contains("name=\"Form.Special[0].Reason\" value=\"春节\"", again);
        Assert.NotEqual(opened, RevisionOn(again));
        form["Revision"] = RevisionOn(again);
        (form["Form.Special[0].From"], form["Form.Special[0].To"], form["Form.Special[0].Closed"], form["Form.Special[0].Reason"]) =
            ("2027-02-06", "2027-02-08", "true", "春节");
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostForm(admin, "/stores/X0823/edit", "/stores/X0823/edit", form)).StatusCode);
        var saved = await Stored();
        Assert.Equal("停业测试店（改）", saved["name"]!.GetValue<string>());
        Assert.Single(saved["openingHours"]!["exceptions"]!.AsArray());

        // The API gives the version as an ETag: an update sent against it saves once, then is refused as stale (412).
        var read = await admin.GetAsync("/api/stores/X0823");
        var tag = read.Headers.ETag!.Tag;
        async Task<HttpResponseMessage> Put(string? ifMatch, string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/stores/X0823")
            {
                Content = JsonContent.Create(new { name, regionCode = "NORTH", city = "上海", latitude = 31.2, longitude = 121.5 }),
            };
            if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await admin.SendAsync(request);
        }
        var first = await Put(tag, "接口改名一");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await Put(tag, "接口改名二");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("was changed by admin at", await stale.Detail());
        Assert.Equal("接口改名一", (await Stored())["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await Put("yesterday", "接口改名三")).StatusCode);
        // The answer to a saved update carries the new version: sent against that, the next change saves.
        var next = first.Headers.ETag!.Tag;
        Assert.NotEqual(tag, next);
        Assert.Equal(HttpStatusCode.OK, (await Put(next, "接口改名三")).StatusCode);
        // Without If-Match an update saves as before.
        Assert.Equal(HttpStatusCode.OK, (await Put(null, "接口改名四")).StatusCode);
        Assert.Equal("接口改名四", (await Stored())["name"]!.GetValue<string>());
    }

    private static Dictionary<string, string> Fields(string name, Func<int, (string Open, string Close)?> hours)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = name, ["Form.RegionCode"] = "NORTH", ["Form.City"] = "北京", ["Form.Address"] = "",
            ["Form.Latitude"] = "39.9", ["Form.Longitude"] = "116.4", ["Form.StaffCount"] = "6", ["Form.TimeZone"] = "Asia/Shanghai",
        };
        for (var day = 0; day < 7; day++)
        {
            if (hours(day) is { } h) (fields[$"Form.Days[{day}].Open"], fields[$"Form.Days[{day}].Close"]) = (h.Open, h.Close);
            else fields[$"Form.Days[{day}].Closed"] = "true";
        }
        return fields;
    }

    [Fact]
    public async Task Sku_photo_upload_from_the_page_refuses_a_file_that_is_not_a_jpeg()
    {
        using var admin = await system.SignedIn("admin");
        var response = await PageForms.PostFile(admin, "/skus/SKU-1002", "/skus/SKU-1002?handler=photo", "photos", "shelf.gif", "image/gif", "GIF89a-not-a-jpeg"u8.ToArray());
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("shelf.gif: 不是 JPEG 图片", html);
        Assert.Empty((await (await admin.GetAsync("/api/skus/SKU-1002/photos")).Json()).AsArray());
    }

    [Fact]
    public async Task A_snapshot_waiting_for_the_SKU_gallery_says_so_on_its_page()
    {
        using var admin = await system.SignedIn("admin");
        await using var connection = await system.Database.Database.Open();
        // As the analysis worker leaves it (queue.Postpone): pending, its next try an hour away, the reason kept.
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO snapshots (camera_code, sha256, path, bytes, width, height, file_name, captured_at, source, retry_after, analysis)
            VALUES ('CAM-S0030-P1', repeat('b', 64), 'x/waiting.jpg', 100, 720, 720, 'waiting.jpg', now(), 'ftp', now() + interval '1 hour',
                    jsonb_build_object('waiting', 'The SKU gallery could not be built (database unreachable)', 'attempts', 0))
            RETURNING id
            """);

        var response = await admin.GetAsync($"/snapshots/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"analysis-waiting\">等待分析: The SKU gallery could not be built (database unreachable)", html);
        // A shelf photo counts no people, so no people count is offered for it.
        Assert.DoesNotContain("id=\"people-count\"", html);
    }

    [GeneratedRegex("id=\"secret-value\">([^<]+)<")]
    private static partial Regex SecretPattern();
}
