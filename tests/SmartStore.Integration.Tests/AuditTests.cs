using System.Net;
using MiniExcelLibs;
using SmartStore.Models;

namespace SmartStore.Integration.Tests;

/// <summary>操作日志: the audit log searched by who, what and when, paged back, exported, and on its page.</summary>
[Collection(SystemCollection.Name)]
public sealed class AuditTests(SmartStoreSystem system)
{
    [Fact]
    public async Task The_audit_log_is_searched_by_who_what_and_when_paged_back_and_exported()
    {
        using var admin = await system.SignedIn("admin");
        using var east = await system.SignedIn("east");
        await AllDayStores.WithCamera(admin, "X0971", "日志测试店", "EAST", "CAM-X0971-E1");
        await using var robot = new WebhookReceiver();
        var (hook, _) = await WebhookTests.Add(east, new { name = "日志测试群", url = robot.Url, format = "text", storeCode = "X0971" });
        await WebhookTests.Remove(east, hook);

        // What was done to one store, and to its camera.
        var store = await Entries(admin, "/api/audit?entity=store&key=X0971");
        Assert.Equal("create", Assert.Single(store)["action"]);
        Assert.Equal("admin", store[0]["actor"]);
        Assert.Equal("create", Assert.Single(await Entries(admin, "/api/audit?entity=camera&key=CAM-X0971-E1"))["action"]);

        // What one person did: the region manager's endpoint, added then removed, newest first.
        var byEast = await Entries(admin, $"/api/audit?actor=east&entity=webhook&key={hook}");
        Assert.Equal(["delete", "create"], byEast.Select(e => e["action"]));
        Assert.Single(await Entries(admin, $"/api/audit?actor=east&action=delete&entity=webhook&key={hook}"));

        // A key finds what lies under it (the dictionary's kind, its entries "kind/code"), its wildcards taken literally.
        var categories = await Entries(admin, "/api/audit?entity=dictionary&key=sku_category");
        Assert.NotEmpty(categories);
        Assert.All(categories, e => Assert.StartsWith("sku_category/", e["entityKey"]));
        Assert.Empty(await Entries(admin, "/api/audit?entity=dictionary&key=sku%25category"));
        Assert.Empty(await Entries(admin, "/api/audit?entity=dictionary&key=sku_categor_"));

        // When: today on head office's clock holds it; tomorrow nothing.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        Assert.Single(await Entries(admin, $"/api/audit?entity=store&key=X0971&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        Assert.Empty(await Entries(admin, $"/api/audit?entity=store&key=X0971&from={today.AddDays(1):yyyy-MM-dd}"));

        // Paged back: each page older than the last entry shown.
        var first = Assert.Single(await Entries(admin, "/api/audit?actor=admin&limit=1"));
        var second = Assert.Single(await Entries(admin, $"/api/audit?actor=admin&limit=1&before={first["id"]}"));
        Assert.True(long.Parse(second["id"]!) < long.Parse(first["id"]!));

        // Malformed: said, field by field.
        foreach (var (query, field) in new[] { ("from=yesterday", "from"), ("from=2026-12-02&to=2026-12-01", "to"), ("limit=0", "limit"), ("before=0", "before") })
        {
            var refused = await admin.GetAsync($"/api/audit?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync());
        }

        // Exported as filtered, in both languages' words.
        var export = await admin.GetAsync($"/api/audit/export?actor=east&entity=webhook&key={hook}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["delete", "create"], rows.Select(r => r["操作 action"]?.ToString()));
        Assert.Equal("推送地址", rows[0]["对象（中文）"]?.ToString());

        // Head office's admins only.
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync("/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task A_seeded_account_is_logged_whole_so_its_next_change_is_read_against_every_field()
    {
        using var admin = await system.SignedIn("admin");
        var seeded = (await (await admin.GetAsync("/api/audit?entity=user&key=analyst&action=upsert&limit=1")).Json()).AsArray().Single()!;
        var detail = System.Text.Json.Nodes.JsonNode.Parse(seeded["detail"]!.GetValue<string>())!.AsObject();
        // Without the name or disabled, the account's first edit read "姓名 — → 分析师", as if it had had no name.
        Assert.Equal(["disabled", "displayName", "regionCodes", "role", "storeCodes"], detail.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(detail["disabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_page_filters_links_and_pages_back()
    {
        using var admin = await system.SignedIn("admin");
        await AllDayStores.WithCamera(admin, "X0972", "日志页面店", "NORTH", "CAM-X0972-E1");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?entity=camera&key=CAM-X0972-E1"));
        Assert.Contains("data-entry=", page);
        Assert.Contains("href=\"/cameras/CAM-X0972-E1\"", page);
        Assert.Contains("<option value=\"camera\" selected=\"selected\">", page);
        Assert.Contains("/api/audit/export?entity=camera&key=CAM-X0972-E1", page);
        Assert.DoesNotContain("id=\"audit-older\"", page);

        // A hundred a page: the whole log has more than one page by now (the demo's seeding alone), and the next starts older.
        var whole = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit"));
        var older = System.Text.RegularExpressions.Regex.Match(whole, "id=\"audit-older\" href=\"/admin/audit\\?before=(\\d+)\"");
        Assert.True(older.Success, "the first page links the older one");
        var back = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?before={older.Groups[1].Value}"));
        Assert.Contains("id=\"audit-newest\"", back);
        Assert.DoesNotContain($"data-entry=\"{older.Groups[1].Value}\"", back);

        // Reached from what it is about.
        Assert.Contains("/admin/audit?entity=store&key=X0972", WebUtility.HtmlDecode(await admin.GetStringAsync("/stores/X0972")));
        Assert.Contains("/admin/audit?actor=east", WebUtility.HtmlDecode(await admin.GetStringAsync("/accounts/east")));
        Assert.Contains("id=\"audit-all\"", await admin.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task An_entry_that_rewrites_a_record_says_what_it_changed_against_the_one_before()
    {
        using var admin = await system.SignedIn("admin");
        await AllDayStores.WithCamera(admin, "X0973", "变更测试店", "EAST", "CAM-X0973-E1");
        var store = await (await admin.GetAsync("/api/stores/X0973")).Json();
        store["name"] = "变更测试店（改名）";
        store["tags"] = new System.Text.Json.Nodes.JsonArray("mall");
        store["openingHours"]!["weekly"]![2]!["open"] = "09:30:00";
        store["openingHours"]!["exceptions"] = System.Text.Json.Nodes.JsonNode.Parse(
            """[{"from":"2027-02-06","to":"2027-02-08","hours":{"open":"00:00:00","close":"00:00:00","closed":true},"reason":"春节"}]""");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/stores/X0973", store)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/stores/X0973", store)).StatusCode);

        // Newest first: saved again as it was (nothing changed), the change itself, and the store's creation (nothing before it).
        var entries = (await (await admin.GetAsync("/api/audit?entity=store&key=X0973")).Json()).AsArray();
        Assert.Equal(3, entries.Count);
        Assert.Empty(entries[0]!["changes"]!.AsArray());
        Assert.Null(entries[2]!["changes"]);
        var changes = entries[1]!["changes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>(), c => c!);
        Assert.Equal(["name", "openingHours.exceptions", "openingHours.weekly[2].open", "tags"], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("变更测试店", "变更测试店（改名）"), (changes["name"]["was"]!.GetValue<string>(), changes["name"]["now"]!.GetValue<string>()));
        Assert.Equal(["mall"], changes["tags"]["added"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Empty(changes["tags"]["removed"]!.AsArray());
        Assert.Equal("09:30:00", changes["openingHours.weekly[2].open"]["now"]!.GetValue<string>());
        Assert.Equal(["春节 2027-02-06–2027-02-08 休息"], changes["openingHours.exceptions"]["added"]!.AsArray().Select(a => a!.GetValue<string>()));

        // On the page in its words (Wednesday's opening time), and in the export's column.
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?entity=store&key=X0973"));
        Assert.Contains("营业时间 · 每周 · 周三 · 开门时间", page);
        Assert.Contains("与上一条记录相同，未改动", page);
        // On the store's own page too, for the region manager who may not read the audit log.
        using var east = await system.SignedIn("east");
        var storePage = WebUtility.HtmlDecode(await east.GetStringAsync("/stores/X0973"));
        Assert.Matches("id=\"recent-changes\"[\\s\\S]*data-field=\"name\"[\\s\\S]*变更测试店（改名）", storePage);
        Assert.DoesNotContain("/admin/audit?entity=store", storePage);
        Assert.DoesNotContain("与上一条记录相同", storePage);
        // And a camera's page, its door line drawn and then its details changed.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutRaw("/api/cameras/CAM-X0973-E1/door-line",
            """{"ax":0.5,"ay":0,"bx":0.5,"by":1,"insideX":0.8,"insideY":0.5}""")).StatusCode);
        var details = await admin.PutJson("/api/cameras/CAM-X0973-E1",
            new { kind = "entrance", brand = "Hikvision", model = "DS-2CD", storeCode = "X0973", patrolCadenceMinutes = 10 });
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        // The answer and the log give the camera as stored: the details save left the line alone, and says only what it changed.
        Assert.Equal(0.8, (await details.Json())["doorLine"]!["insideX"]!.GetValue<double>());
        var cameraLog = (await (await admin.GetAsync("/api/audit?entity=camera&key=CAM-X0973-E1&limit=2")).Json()).AsArray();
        Assert.Equal(["update", "door-line"], cameraLog.Select(e => e!["action"]!.GetValue<string>()));
        Assert.DoesNotContain(cameraLog[0]!["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>().StartsWith("doorLine", StringComparison.Ordinal));
        Assert.Contains(cameraLog[0]!["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "brand");
        Assert.Equal("doorLine", Assert.Single(cameraLog[1]!["changes"]!.AsArray())!["field"]!.GetValue<string>());
        var cameraPage = WebUtility.HtmlDecode(await east.GetStringAsync("/cameras/CAM-X0973-E1"));
        Assert.Matches("id=\"recent-changes\"[\\s\\S]*data-field=\"brand\"[\\s\\S]*Hikvision", cameraPage);
        // The line drawn reads by its ends and inside, not as the record's fields.
        Assert.Contains("起点 (0.5, 0) 终点 (0.5, 1) 店内一侧 (0.8, 0.5)", cameraPage);
        var export = await admin.GetAsync("/api/audit/export?entity=store&key=X0973");
        var rows = MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains("name: 变更测试店 → 变更测试店（改名）", rows[1]["变更 changes"]?.ToString());
        Assert.Contains("tags: +mall", rows[1]["变更 changes"]?.ToString());
    }

    private static async Task<List<Dictionary<string, string?>>> Entries(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Json()).AsArray().Select(e => e!.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToString())).ToList();
    }
}
