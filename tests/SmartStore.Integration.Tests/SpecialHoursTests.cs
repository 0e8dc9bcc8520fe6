using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace SmartStore.Integration.Tests;

/// <summary>节假日营业时间: head office sets a holiday's hours for many stores at once, and withdraws them.</summary>
[Collection(SystemCollection.Name)]
public sealed class SpecialHoursTests(SmartStoreSystem system)
{
    [Fact]
    public async Task A_holiday_is_set_for_a_regions_stores_at_once_replaced_when_set_again_and_withdrawn()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutRaw("/api/regions/XHOL", """{"name":"节假日测试大区","nameEn":"Holiday test"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutRaw("/api/regions/XHOE", """{"name":"空大区","nameEn":"Empty"}""")).StatusCode);
        foreach (var (code, region) in new[] { ("X0991", "XHOL"), ("X0992", "XHOL"), ("X0993", "NORTH") })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore(code, region))).StatusCode);

        object Holiday(object? weekdays = null, bool closed = false) => new
        {
            reason = "春节", from = "2027-02-06", to = "2027-02-12", weekdays, open = "10:00", close = "16:00", closed, regionCode = "XHOL",
        };
        var set = await admin.PostJson("/api/stores/special-hours", Holiday());
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(["X0991", "X0992"], (await set.Json())["stores"]!.AsArray().Select(s => s!.GetValue<string>()));
        var range = Assert.Single(await Ranges(admin, "X0991"))!;
        Assert.Equal(("春节", "10:00:00", "16:00:00"), (range["reason"]!.GetValue<string>(), range["hours"]!["open"]!.GetValue<string>(), range["hours"]!["close"]!.GetValue<string>()));
        Assert.Empty(await Ranges(admin, "X0993"));

        // Set again (closed all day): each store's earlier version gives way instead of a second row.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJson("/api/stores/special-hours", Holiday(closed: true))).StatusCode);
        Assert.True(Assert.Single(await Ranges(admin, "X0992"))!["hours"]!["closed"]!.GetValue<bool>());
        // The same dates for Sundays only is another entry, and a store named by code gets it alone.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJson("/api/stores/special-hours", new
        {
            reason = "春节", from = "2027-02-06", to = "2027-02-12", weekdays = new[] { 7 }, open = "12:00", close = "18:00", stores = new[] { "X0991", "X0993" },
        })).StatusCode);
        Assert.Equal(2, (await Ranges(admin, "X0991")).Count);
        Assert.Equal("sunday", Assert.Single(await Ranges(admin, "X0993"))!["days"]!.GetValue<string>());

        var listed = (await (await admin.GetAsync("/api/stores/special-hours?ending=2027-01-01")).Json()).AsArray()
            .Where(g => g!["reason"]!.GetValue<string>() == "春节" && g["from"]!.GetValue<string>() == "2027-02-06").ToList();
        Assert.Equal([(2, true, 7), (2, false, 1)], listed.Select(g => (g!["storeCount"]!.GetValue<int>(), g["closed"]!.GetValue<bool>(), g["weekdays"]!.AsArray().Count)));

        // Withdrawn from every store that has the every-day entry; the Sunday one stays.
        var withdrawn = await admin.DeleteAsync("/api/stores/special-hours?reason=春节&from=2027-02-06&to=2027-02-12");
        Assert.Equal(2, (await withdrawn.Json())["storeCount"]!.GetValue<int>());
        Assert.Equal("sunday", Assert.Single(await Ranges(admin, "X0991"))!["days"]!.GetValue<string>());
        Assert.Empty(await Ranges(admin, "X0992"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/stores/special-hours?reason=春节&from=2027-02-06&to=2027-02-12")).StatusCode);
    }

    [Theory]
    [InlineData("""{"reason":"春节","from":"2027-02-12","to":"2027-02-06","open":"10:00","close":"16:00","regionCode":"XHOL"}""", "must be on or after from")]
    [InlineData("""{"reason":"春节","from":"2027-01-01","to":"2028-01-05","closed":true,"regionCode":"XHOL"}""", "at most 366 days")]
    [InlineData("""{"reason":"春节","from":"2027-02-06","to":"2027-02-12","weekdays":[8],"closed":true,"regionCode":"XHOL"}""", "8 is not a day")]
    [InlineData("""{"reason":"春节","from":"2027-02-06","to":"2027-02-12","open":"10:00","regionCode":"XHOL"}""", "close '' must be a store-local time")]
    [InlineData("""{"reason":"","from":"2027-02-06","to":"2027-02-12","closed":true,"regionCode":"XHOL"}""", "reason is required")]
    [InlineData("""{"reason":"春节","from":"2027-02-06","to":"2027-02-12","closed":true,"regionCode":"NOPE"}""", "is not a region")]
    [InlineData("""{"reason":"春节","from":"2027-02-06","to":"2027-02-12","closed":true,"regionCode":"XHOE"}""", "No store matches")]
    [InlineData("""{"reason":"春节","from":"2027-02-06","to":"2027-02-12","closed":true,"stores":["X9999"]}""", "store 'X9999' does not exist")]
    [InlineData("""{"reason":"春节","from":"2027-02-06","to":"2027-02-12","closed":true,"stores":["S0001"],"regionCode":"EAST"}""", "not both")]
    public async Task Holiday_hours_that_cannot_be_set_are_refused_field_by_field_and_only_head_offices_admins_set_them(string body, string why)
    {
        using var admin = await system.SignedIn("admin");
        await admin.PutRaw("/api/regions/XHOL", """{"name":"节假日测试大区","nameEn":"Holiday test"}""");
        await admin.PutRaw("/api/regions/XHOE", """{"name":"空大区","nameEn":"Empty"}""");
        var refused = await admin.PostRaw("/api/stores/special-hours", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(why, await refused.Detail());

        using var region = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Forbidden, (await region.PostRaw("/api/stores/special-hours",
            """{"reason":"春节","from":"2027-02-06","to":"2027-02-12","closed":true,"regionCode":"EAST"}""")).StatusCode);
    }

    [Fact]
    public async Task The_page_sets_a_closure_for_stores_typed_by_code_lists_it_in_effect_and_withdraws_it()
    {
        using var admin = await system.SignedIn("admin");
        foreach (var code in new[] { "X0994", "X0997" })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore(code))).StatusCode);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var posted = await PageForms.PostForm(admin, "/stores/special-hours", "/stores/special-hours", new()
        {
            ["Form.Reason"] = "盘点闭店测试", ["Form.From"] = today, ["Form.To"] = today, ["Form.Closed"] = "true", ["Form.Stores"] = "X0994",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.True(Assert.Single(await Ranges(admin, "X0994"))!["hours"]!["closed"]!.GetValue<bool>());
        // The same entry with other hours elsewhere (as a sheet sets each store's own) is listed apart, and kept below.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJson("/api/stores/special-hours", new
        {
            reason = "盘点闭店测试", from = today, to = today, open = "10:00", close = "12:00", stores = new[] { "X0997" },
        })).StatusCode);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/stores/special-hours"));
        var row = page[page.IndexOf("盘点闭店测试", StringComparison.Ordinal)..];
        Assert.Contains("进行中", row[..200]);
        Assert.Contains("href=\"/stores/X0994/edit\"", row[..1500]);
        // The calendar's today: the closure, counted in stores (X0994 closed, X0997 short hours: one holiday, not all closed).
        var cell = page[page.IndexOf($"data-day=\"{today}\"", StringComparison.Ordinal)..];
        Assert.Contains("title=\"盘点闭店测试 · 2 家门店：X0994, X0997\"", cell[..cell.IndexOf("</li>", StringComparison.Ordinal)]);
        // The store's own page tells its manager.
        Assert.Contains($"特殊营业时间：盘点闭店测试 {today[5..]} 休息", WebUtility.HtmlDecode(await admin.GetStringAsync("/stores/X0994")));

        var withdrawn = await PageForms.PostForm(admin, "/stores/special-hours", "/stores/special-hours?handler=withdraw", new()
        {
            ["reason"] = "盘点闭店测试", ["from"] = today, ["to"] = today, ["weekdays"] = "1,2,3,4,5,6,7", ["stores"] = "X0994",
        });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Empty(await Ranges(admin, "X0994"));
        Assert.Single(await Ranges(admin, "X0997"));

        using var region = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Forbidden, (await region.GetAsync("/stores/special-hours")).StatusCode);
    }

    [Fact]
    public async Task The_calendar_pages_forward_to_a_holiday_months_ahead_and_back_to_this_month()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0998"))).StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var day = thisMonth.AddMonths(7).AddDays(14);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJson("/api/stores/special-hours", new
        {
            reason = "国庆翻页测试", from = $"{day:yyyy-MM-dd}", to = $"{day:yyyy-MM-dd}", closed = true, stores = new[] { "X0998" },
        })).StatusCode);

        static string Later(string page) => Regex.Match(page, "id=\"calendar-later\" href=\"([^\"#]+)").Groups[1].Value;
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/stores/special-hours"));
        Assert.DoesNotContain($"data-day=\"{day:yyyy-MM-dd}\"", page);
        Assert.DoesNotContain("id=\"calendar-now\"", page);
        // Three months a page: the seventh month ahead is on the third page.
        page = WebUtility.HtmlDecode(await admin.GetStringAsync(Later(WebUtility.HtmlDecode(await admin.GetStringAsync(Later(page))))));
        Assert.Contains($"data-month=\"{thisMonth.AddMonths(6):yyyy-MM}\"", page);
        var cell = page[page.IndexOf($"data-day=\"{day:yyyy-MM-dd}\"", StringComparison.Ordinal)..];
        Assert.Contains("title=\"国庆翻页测试 · 1 家门店：X0998\"", cell[..cell.IndexOf("</li>", StringComparison.Ordinal)]);
        Assert.Contains($"id=\"calendar-now\" href=\"/stores/special-hours?month={thisMonth:yyyy-MM}#special-calendar\"", page);
        // A month that is not one shows this month's.
        var odd = await admin.GetStringAsync("/stores/special-hours?month=2027-13");
        Assert.True(odd.IndexOf($"data-month=\"{thisMonth:yyyy-MM}\"", StringComparison.Ordinal) >= 0);
    }

    [Fact]
    public async Task Each_stores_own_holiday_hours_import_from_a_sheet_and_one_bad_row_imports_nothing()
    {
        using var admin = await system.SignedIn("admin");
        foreach (var code in new[] { "X0995", "X0996" })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore(code))).StatusCode);

        // A bad row (a weekday that is not one, a store that does not exist) refuses the whole sheet, naming its rows.
        var bad = await admin.PostAsync("/api/stores/special-hours/import", Csv("""
            门店编码,原因,开始日期,结束日期,星期,开门,关门,休息
            X0995,国庆,2027-10-01,2027-10-07,一至五,11:00,17:00,否
            X0996,国庆,2027-10-01,2027-10-07,1-9,11:00,17:00,否
            X9998,国庆,2027-10-01,2027-10-07,,,,是
            """));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var rows = (await bad.Json())["errors"]!.AsObject();
        Assert.Equal(["row 3", "row 4"], rows.Select(r => r.Key).Order());
        Assert.Contains("weekdays '1-9' must be days", rows["row 3"]![0]!.GetValue<string>());
        Assert.Contains("store 'X9998' does not exist", rows["row 4"]![0]!.GetValue<string>());
        Assert.Empty(await Ranges(admin, "X0995"));

        var good = await admin.PostAsync("/api/stores/special-hours/import", Csv("""
            门店编码,原因,开始日期,结束日期,星期,开门,关门,休息
            X0995,国庆,2027-10-01,2027-10-07,一至五,11:00,17:00,否
            X0995,国庆,2027-10-01,2027-10-07,"周六、周日",,,是
            X0996,国庆,2027-10-01,2027-10-07,,10:00,15:00,
            """));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(["X0995", "X0996"], (await good.Json())["codes"]!.AsArray().Select(c => c!.GetValue<string>()));
        var x0995 = await Ranges(admin, "X0995");
        Assert.Equal(["monday, tuesday, wednesday, thursday, friday", "saturday, sunday"], x0995.Select(r => r!["days"]!.GetValue<string>()));
        Assert.True(x0995[1]!["hours"]!["closed"]!.GetValue<bool>());
        Assert.Equal("10:00:00", Assert.Single(await Ranges(admin, "X0996"))!["hours"]!["open"]!.GetValue<string>());

        // Excel as a person saves it: the dates and times are date and time cells, not text. Uploaded on the page, it
        // replaces X0996's row (same reason, dates and weekdays).
        var sheet = new MemoryStream();
        await sheet.SaveAsAsync(new[]
        {
            new Dictionary<string, object>
            {
                ["门店编码"] = "X0996", ["原因"] = "国庆", ["开始日期"] = new DateTime(2027, 10, 1), ["结束日期"] = new DateTime(2027, 10, 7),
                ["星期"] = "", ["开门"] = new TimeSpan(12, 30, 0), ["关门"] = new TimeSpan(16, 0, 0), ["休息"] = "否",
            },
        });
        var page = await PageForms.PostFile(admin, "/stores/special-hours", "/stores/special-hours?handler=import", "sheet", "holiday.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet.ToArray());
        Assert.Contains("已导入 1 条", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        var replaced = Assert.Single(await Ranges(admin, "X0996"))!;
        Assert.Equal(("12:30:00", "16:00:00"), (replaced["hours"]!["open"]!.GetValue<string>(), replaced["hours"]!["close"]!.GetValue<string>()));

        // The export is a sheet the import reads back: one row per store and range, weekdays as runs.
        var exported = await (await admin.GetAsync("/api/stores/special-hours/export?ending=2027-01-01")).Content.ReadAsByteArrayAsync();
        var sheetRows = (await new MemoryStream(exported).QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object?>>()
            .Where(r => (string?)r["门店编码"] is "X0995" or "X0996").Select(r => $"{r["门店编码"]} {r["星期"]} {r["开门"]} {r["关门"]} {r["休息"]}").ToList();
        Assert.Equal(["X0995 1-5 11:00 17:00 否", "X0995 6-7   是", "X0996  12:30 16:00 否"], sheetRows);
        var again = new ByteArrayContent(exported);
        again.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/stores/special-hours/import", again)).StatusCode);
        Assert.Equal(2, (await Ranges(admin, "X0995")).Count);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, new MediaTypeHeaderValue("text/csv"));

    private static async Task<List<JsonNode?>> Ranges(HttpClient client, string store) =>
        (await (await client.GetAsync($"/api/stores/{store}")).Json())["openingHours"]!["exceptions"]!.AsArray().ToList();
}
