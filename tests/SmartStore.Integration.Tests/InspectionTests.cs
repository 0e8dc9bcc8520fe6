using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using SkiaSharp;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// 定时抓拍 end to end: a task falls due in the store's time zone, the camera's next upload becomes its picture, the
/// region manager looks at it on the page and raises a to-do, the store sees it (its page, /m) and marks it done. A
/// camera that sends nothing misses; a picture waiting for a look outlives retention; bad input is refused with reasons.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class InspectionTests(SmartStoreSystem system)
{
    private const string Store = "X0731";
    private const string Door = "CAM-X0731-E1";
    private const string SilentDoor = "CAM-X0731-E2";
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly string Frame = Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images", "000070.jpg");

    [Fact]
    public async Task A_due_task_takes_the_next_upload_which_the_region_manager_turns_into_a_todo_that_the_store_closes()
    {
        using var admin = await system.SignedIn("admin");
        using var east = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", new
        {
            code = Store, name = "抓拍测试店", regionCode = "EAST", city = "上海", latitude = 31.2, longitude = 121.5, tags = new[] { "street" },
            openingHours = AllDayStores.Hours,
        })).StatusCode);
        var secret = (await (await admin.PostJson("/api/cameras", new { code = Door, kind = "entrance", storeCode = Store })).Json())["secret"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/cameras", new { code = SilentDoor, kind = "entrance", storeCode = Store })).StatusCode);

        // The region manager plans a door check for their region, due a minute ago by the stores' clock.
        var at = await AMinuteAgoInShanghai();
        var created = await east.PostJson("/api/inspections/tasks", new
        {
            name = "门口叫卖检查-测试", at = at.ToString("HH:mm"), weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, cameraKind = "entrance", regionCode = "EAST",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var taskId = (await created.Json())["id"]!.GetValue<long>();

        // Reviewers' pages follow the pictures live: the East region's feed hears of this store's picture, the North's does not.
        var eastFeed = await Listen(admin, "EAST");
        var northFeed = await Listen(admin, "NORTH");

        var upload = await FtpClients.Curl("-sS", "-w", "\n%{http_code}", "-u", $"{Door}:{secret}", "-H", "Content-Type: image/jpeg",
            "--data-binary", $"@{Frame}", new Uri(system.IngestAddress, $"/api/ingest/{Door}").ToString());
        Assert.EndsWith("202", upload.Output.Trim());

        // This round takes the picture — or the minute's own round did, if it ran since the upload (CI once caught it
        // there: this round then had nothing left to do). The captures below say it was taken either way.
        await system.Grains.GetGrain<IInspectionScheduleGrain>(IInspectionScheduleGrain.Key).RunDue();
        var picture = $"{LiveUpdate.InspectionPictureTopic} {Store}";
        await Eventually.Get(() => Task.FromResult(eastFeed.Heard.ToArray()), s => s.Contains(picture), what: "the East feed to hear of the picture");
        Assert.DoesNotContain(picture, northFeed.Heard);
        var day = DateOnly.FromDateTime(at).ToString("yyyy-MM-dd");
        var pictures = (await (await east.GetAsync($"/api/inspections/captures?store={Store}&task={taskId}&day={day}")).Json())["captures"]!.AsArray();
        Assert.Equal(2, pictures.Count);
        var taken = pictures.Single(p => p!["camera"]!.GetValue<string>() == Door)!;
        Assert.Equal("captured", taken["status"]!.GetValue<string>());
        Assert.Equal("waiting", pictures.Single(p => p!["camera"]!.GetValue<string>() == SilentDoor)!["status"]!.GetValue<string>());
        var image = taken["image"]!.GetValue<string>();
        using (var preview = SKBitmap.Decode(await east.GetByteArrayAsync(image + "?width=320"))) Assert.Equal(320, preview.Width);
        Assert.Equal(HttpStatusCode.BadRequest, (await east.GetAsync(image + "?width=50")).StatusCode);

        // The page shows it to review, in both languages; the region manager raises a to-do from it there.
        var page = WebUtility.HtmlDecode(await east.GetStringAsync($"/inspections?store={Store}&day={day}"));
        Assert.Matches($"data-capture=\"{taken["id"]}\" data-status=\"captured\"[\\s\\S]*?门口叫卖检查-测试</strong> <span class=\"tag status-captured\">待查看", page);
        Assert.Contains("To review", await east.GetStringAsync($"/inspections?store={Store}&day={day}&culture=en"));
        var raised = await PageForms.PostForm(east, $"/inspections?store={Store}", $"/inspections?handler=Todo&id={taken["id"]}&store={Store}&day={day}",
            new Dictionary<string, string> { ["text"] = "门口无人叫卖，请整改" });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Contains("已给 抓拍测试店 发待办", WebUtility.HtmlDecode(await east.GetStringAsync(raised.Headers.Location!.ToString())));
        Assert.Equal(HttpStatusCode.Conflict, (await east.PostJson($"/api/inspections/captures/{taken["id"]}/todo", new { text = "again" })).StatusCode);
        // The store manager's phone and page follow their to-dos live: the feed of the store's region hears of it.
        var todosChanged = $"{LiveUpdate.StoreTodosTopic} {Store}";
        await Eventually.Get(() => Task.FromResult(eastFeed.Heard.ToArray()), s => s.Contains(todosChanged), what: "the East feed to hear of the to-do");

        // The store's to-do: on its page and on /m, its picture kept past retention while it is open.
        var todo = (await (await admin.GetAsync($"/api/todos?store={Store}&open=true")).Json())["todos"]!.AsArray().Single()!;
        Assert.Equal("门口无人叫卖，请整改", todo["text"]!.GetValue<string>());
        Assert.Equal(image, todo["image"]!.GetValue<string>());
        Assert.Contains("门口无人叫卖，请整改", WebUtility.HtmlDecode(await admin.GetStringAsync($"/stores/{Store}")));
        Assert.Contains($"data-what=\"todo\" data-todo=\"{todo["id"]}\"", await east.GetStringAsync("/m"));
        var snapshots = new SnapshotRepository(system.Database.Database);
        var snapshotId = long.Parse(image.Split('/')[3]);
        Assert.DoesNotContain(await snapshots.ExpiredBefore(DateTime.UtcNow.AddDays(1), 100_000), e => e.Id == snapshotId);

        using var analyst = await system.SignedIn("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostJson($"/api/todos/{todo["id"]}/done", new { note = "看过" })).StatusCode);
        var closed = await PageForms.PostForm(admin, "/inspections", $"/inspections?handler=Done&id={todo["id"]}&store={Store}",
            new Dictionary<string, string> { ["note"] = "已安排店员 10 点起在门口叫卖" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var after = (await (await admin.GetAsync($"/api/todos?store={Store}")).Json())["todos"]!.AsArray().Single()!;
        Assert.False(after["open"]!.GetValue<bool>());
        Assert.Equal("已安排店员 10 点起在门口叫卖", after["doneNote"]!.GetValue<string>());
        Assert.DoesNotContain($"data-todo=\"{todo["id"]}\"", await east.GetStringAsync("/m"));
        await Eventually.Get(() => Task.FromResult(eastFeed.Heard.Count(h => h == todosChanged)), n => n == 2, what: "the East feed to hear the to-do done");
        Assert.DoesNotContain(todosChanged, northFeed.Heard);
        await eastFeed.Connection.DisposeAsync();
        await northFeed.Connection.DisposeAsync();
        // Done, it waits for the reviewer, who compares with the picture: kept until the fix is accepted.
        Assert.DoesNotContain(await snapshots.ExpiredBefore(DateTime.UtcNow.AddDays(1), 100_000), e => e.Id == snapshotId);
        Assert.Equal(HttpStatusCode.OK, (await east.PostJson($"/api/todos/{todo["id"]}/accept", new { })).StatusCode);
        // Retention may take the picture once no review is pending on it: a demo task that fell due while this test ran
        // may have taken the same upload, and is passed here as its reviewer would.
        foreach (var other in (await (await admin.GetAsync($"/api/inspections/captures?store={Store}&day={day}&status=captured")).Json())["captures"]!.AsArray())
            Assert.Equal(HttpStatusCode.OK, (await admin.PostJson($"/api/inspections/captures/{other!["id"]}/pass", new { })).StatusCode);
        Assert.Contains(await snapshots.ExpiredBefore(DateTime.UtcNow.AddDays(1), 100_000), e => e.Id == snapshotId);

        // The camera that sent nothing: missed once its capture window (15 minutes) is over.
        var (_, missed) = await new InspectionTasks(system.Database.Database).TakePictures(DateTime.UtcNow.AddMinutes(16), TimeSpan.FromMinutes(15));
        Assert.True(missed >= 1);
        var silent = (await (await east.GetAsync($"/api/inspections/captures?store={Store}&task={taskId}&day={day}&status=missed")).Json())["captures"]!.AsArray();
        Assert.Equal(SilentDoor, silent.Single()!["camera"]!.GetValue<string>());
    }

    private sealed record Feed(HubConnection Connection, ConcurrentQueue<string> Heard);

    /// <summary>
    /// A minute ago on Shanghai's clock, for a task due now. In the first minute after midnight that is yesterday's
    /// 23:59 — a task for today not yet due — so a run then waits those two minutes out.
    /// </summary>
    private static async Task<DateTime> AMinuteAgoInShanghai()
    {
        var now = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai);
        if (now.TimeOfDay < TimeSpan.FromMinutes(2)) await Task.Delay(TimeSpan.FromMinutes(2) - now.TimeOfDay);
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai).AddMinutes(-1);
    }

    /// <summary>
    /// The live feed as a region manager's integration hears it (an API key of that region), keeping "topic store" of each
    /// picture taken and each change of to-dos.
    /// </summary>
    private async Task<Feed> Listen(HttpClient admin, string region)
    {
        var issued = await admin.PostJson("/api/api-keys", new { name = $"inspections {region}", role = "region_manager", regionCodes = new[] { region } });
        var key = (await issued.Json())["key"]!.GetValue<string>();
        var heard = new ConcurrentQueue<string>();
        var connection = new HubConnectionBuilder().WithUrl(new Uri(system.BaseAddress, "/hubs/live"), o => o.Headers["X-Api-Key"] = key).Build();
        foreach (var topic in new[] { LiveUpdate.InspectionPictureTopic, LiveUpdate.StoreTodosTopic })
            connection.On<JsonObject>(topic, update => heard.Enqueue($"{topic} {update["storeCode"]!.GetValue<string>()}"));
        await connection.StartAsync();
        return new Feed(connection, heard);
    }

    [Fact]
    public async Task A_shelf_task_naming_a_preset_takes_the_domes_first_upload_at_that_preset()
    {
        const string store = "X0732", dome = "CAM-X0732-P1";
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", new
        {
            code = store, name = "货架抓拍测试店", regionCode = "EAST", city = "上海", latitude = 31.2, longitude = 121.5,
            openingHours = AllDayStores.Hours,
        })).StatusCode);
        var secret = (await (await admin.PostJson("/api/cameras", new
        {
            code = dome, kind = "shelf", storeCode = store,
            presets = new[] { new { number = 1, name = "饮料", patrolOrder = 1 }, new { number = 2, name = "乳品", patrolOrder = 2 } },
        })).Json())["secret"]!.GetValue<string>();

        var at = await AMinuteAgoInShanghai();
        var created = await admin.PostJson("/api/inspections/tasks", new
        {
            name = "乳品陈列检查", at = at.ToString("HH:mm"), weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, cameraKind = "shelf", regionCode = "EAST", preset = 2,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var task = await created.Json();
        Assert.Equal(2, task["preset"]!.GetValue<int>());

        // The patrol faces the drinks first, then the dairy shelf: the picture is the dairy one.
        var drinks = await UploadShelf(dome, secret, 1);
        var dairy = await UploadShelf(dome, secret, 2);
        // Which shelf an upload shows is known once it is analysed; until then the round holds the picture back.
        var schedule = system.Grains.GetGrain<IInspectionScheduleGrain>(IInspectionScheduleGrain.Key);
        await Eventually.Get(async () =>
        {
            await schedule.RunDue();
            return (await (await admin.GetAsync($"/api/inspections/captures?store={store}&task={task["id"]}")).Json())["captures"]!.AsArray();
        }, captures => captures.Count == 1 && captures[0]!["status"]!.GetValue<string>() != "waiting", TimeSpan.FromSeconds(60), "the dome's dairy picture");
        var day = DateOnly.FromDateTime(at).ToString("yyyy-MM-dd");
        var picture = (await (await admin.GetAsync($"/api/inspections/captures?store={store}&task={task["id"]}&day={day}")).Json())["captures"]!.AsArray().Single()!;
        Assert.Equal("captured", picture["status"]!.GetValue<string>());
        Assert.Equal($"/api/snapshots/{dairy}/image", picture["image"]!.GetValue<string>());
        Assert.NotEqual(drinks, dairy);
        Assert.Contains("预置位 2", WebUtility.HtmlDecode(await admin.GetStringAsync("/inspections")));

        // A preset is a shelf dome's, 1 to 255.
        foreach (var (kind, preset) in new[] { ("entrance", 2), ("shelf", 300) })
        {
            var refused = await admin.PostJson("/api/inspections/tasks", new { name = "x", at = "10:00", weekdays = new[] { 1 }, cameraKind = kind, preset });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("preset", await refused.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A grocery photo as the dome's picture at a preset (the preset in the file name, as domes name them); returns its snapshot id.</summary>
    private async Task<long> UploadShelf(string camera, string secret, int preset)
    {
        // A photo per preset: the same bytes twice would be one snapshot (duplicates are recognised by their hash).
        var photo = Path.Combine(SharedData.Shared, "data", "grocery-store", "images", "train", "Packages", "Milk", "Arla-Standard-Milk", $"Arla-Standard-Milk_00{preset + 1}.jpg");
        var name = $"{camera}_P{preset:00}_{DateTime.UtcNow.AddHours(8):yyyyMMddHHmmssfff}_patrol.jpg";
        var upload = await FtpClients.Curl("-sS", "-u", $"{camera}:{secret}", "-F", $"file=@{photo};type=image/jpeg;filename={name}",
            new Uri(system.IngestAddress, $"/api/ingest/{camera}").ToString());
        Assert.Equal(0, upload.ExitCode);
        await using var connection = await system.Database.Database.Open();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT id FROM snapshots WHERE camera_code = @camera AND file_name = @name", new { camera, name });
    }

    [Fact]
    public async Task A_region_manager_sends_a_store_a_to_do_from_its_page_and_its_manager_may_not()
    {
        using var east = await system.SignedIn("east");
        var sent = await PageForms.PostForm(east, "/stores/S0006", "/stores/S0006?handler=todo",
            new Dictionary<string, string> { ["text"] = "请补齐 A3 货位的陈列" });
        // Redirected back to the store page, so a reload does not send it twice.
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = WebUtility.HtmlDecode(await east.GetStringAsync(sent.Headers.Location!));
        Assert.Contains("已给 南京新街口店 发待办。", page);
        Assert.Contains("请补齐 A3 货位的陈列", page[page.IndexOf("id=\"store-todos\"", StringComparison.Ordinal)..]);
        var todos = (await (await east.GetAsync("/api/todos?store=S0006&open=true")).Json())["todos"]!.AsArray();
        var raised = todos.Single(t => t!["text"]!.GetValue<string>() == "请补齐 A3 货位的陈列")!;
        Assert.Equal("east", raised["raisedBy"]!.GetValue<string>());

        // Empty: said why, nothing raised. The store's own manager acts on to-dos, but sends none to themselves.
        var empty = WebUtility.HtmlDecode(await (await PageForms.PostForm(east, "/stores/S0006", "/stores/S0006?handler=todo",
            new Dictionary<string, string> { ["text"] = " " })).Content.ReadAsStringAsync());
        Assert.Contains("请填写待办内容。", empty);
        using var storeManager = await system.SignedIn("s0001");
        Assert.Equal(HttpStatusCode.Forbidden, (await PageForms.PostForm(storeManager, "/stores/S0001", "/stores/S0001?handler=todo",
            new Dictionary<string, string> { ["text"] = "自己给自己" })).StatusCode);
        Assert.DoesNotContain("raise-todo", await storeManager.GetStringAsync("/stores/S0001"));
        Assert.Equal(HttpStatusCode.OK, (await east.PostJson($"/api/todos/{raised["id"]!.GetValue<long>()}/done", new { note = "已补齐" })).StatusCode);
    }

    [Fact]
    public async Task Tasks_are_searched_changed_and_removed_in_a_batch_each_by_who_may_plan_them()
    {
        using var admin = await system.SignedIn("admin");
        using var east = await system.SignedIn("east");
        async Task<long> Create(HttpClient who, string name, string? region) =>
            (await (await who.PostJson("/api/inspections/tasks", new { name, at = "10:00", weekdays = new[] { 1, 2, 3 }, cameraKind = "entrance", regionCode = region })).Json())["id"]!.GetValue<long>();
        var a = await Create(admin, "批量删除测试A", null);
        var b = await Create(admin, "批量删除测试B", null);
        var c = await Create(east, "批量删除测试华东C", "EAST");

        // Changed by the API: the new time and name; a bad time refused; a chain-wide task is not the East's to change.
        var changed = await admin.PutJson($"/api/inspections/tasks/{a}", new { name = "批量删除测试A2", at = "11:30", weekdays = new[] { 6, 7 }, cameraKind = "entrance" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("11:30", (await changed.Json())["at"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutJson($"/api/inspections/tasks/{a}", new { name = "x", at = "25:00", weekdays = new[] { 1 }, cameraKind = "entrance" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PutJson($"/api/inspections/tasks/{a}", new { name = "mine", at = "10:00", weekdays = new[] { 1 }, cameraKind = "entrance", regionCode = "EAST" })).StatusCode);

        // The page's search lists the matching tasks; one opened for a change fills the form, saved from it.
        var found = WebUtility.HtmlDecode(await admin.GetStringAsync("/inspections?tq=批量删除测试"));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(found, "<tr data-task=").Count);
        var editing = WebUtility.HtmlDecode(await admin.GetStringAsync($"/inspections?edit={b}"));
        Assert.Contains($"<input type=\"hidden\" name=\"id\" value=\"{b}\" />", editing);
        Assert.Contains("value=\"批量删除测试B\"", editing);
        var saved = await PageForms.PostForm(admin, "/inspections", "/inspections?handler=Task", new Dictionary<string, string>
        {
            ["id"] = b.ToString(), ["name"] = "批量删除测试B2", ["at"] = "09:15", ["weekdays"] = "5", ["cameraKind"] = "shelf", ["preset"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var tasks = (await (await admin.GetAsync("/api/inspections/tasks")).Json())["tasks"]!.AsArray();
        var b2 = tasks.Single(t => t!["id"]!.GetValue<long>() == b)!;
        Assert.Equal(("批量删除测试B2", "09:15", "shelf", 2), (b2["name"]!.GetValue<string>(), b2["at"]!.GetValue<string>(), b2["cameraKind"]!.GetValue<string>(), b2["preset"]!.GetValue<int>()));

        // Removed in a batch on the page: A2 and B2 go; the East then removes C, and A again is not removed twice.
        var form = new List<KeyValuePair<string, string>>
        {
            new(PageForms.TokenField, await PageForms.Token(admin, "/inspections")), new("ids", a.ToString()), new("ids", b.ToString()),
        };
        var removed = await admin.PostAsync("/inspections?handler=Remove", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var left = (await (await admin.GetAsync("/api/inspections/tasks")).Json())["tasks"]!.AsArray().Select(t => t!["id"]!.GetValue<long>()).ToList();
        Assert.DoesNotContain(a, left);
        Assert.DoesNotContain(b, left);
        Assert.Contains(c, left);
        var eastRemoved = await (await east.PostJson("/api/inspections/tasks/remove", new { ids = new[] { c, a } })).Json();
        Assert.Equal([c], eastRemoved["removed"]!.AsArray().Select(i => i!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/inspections/tasks/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutJson($"/api/inspections/tasks/{a}", new { name = "back", at = "10:00", weekdays = new[] { 1 }, cameraKind = "entrance" })).StatusCode);
    }

    [Fact]
    public async Task Bad_tasks_and_reviews_are_refused_with_their_reasons()
    {
        using var admin = await system.SignedIn("admin");
        using var east = await system.SignedIn("east");
        var bad = await admin.PostJson("/api/inspections/tasks", new { name = "", at = "25:00", weekdays = new[] { 0, 8 }, cameraKind = "drone", regionCode = "NOPE" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var detail = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "name", "at", "weekdays", "cameraKind" }) Assert.Contains($"\"{field}\"", detail);
        var unknownRegion = await admin.PostJson("/api/inspections/tasks", new { name = "x", at = "10:00", weekdays = new[] { 1 }, cameraKind = "entrance", regionCode = "NOPE" });
        Assert.Contains("is not a region", await unknownRegion.Content.ReadAsStringAsync());

        // A region manager plans for their own region only; nobody reviews what is not theirs.
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PostJson("/api/inspections/tasks", new { name = "全国", at = "10:00", weekdays = new[] { 1 }, cameraKind = "entrance" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PostJson("/api/inspections/tasks", new { name = "华北", at = "10:00", weekdays = new[] { 1 }, cameraKind = "entrance", regionCode = "NORTH" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PostJson("/api/todos", new { store = "S0018", text = "north store" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostJson("/api/inspections/captures/987654321/pass", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJson("/api/todos", new { store = "S0001", text = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJson("/api/todos", new { store = "S0001", text = new string('长', 501) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/inspections/captures?day=2026-13-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/inspections/captures?status=bogus")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync("/api/todos?region=NORTH")).StatusCode);

        // The page form says what is wrong, in the reader's language, and keeps the form open.
        var refused = await PageForms.PostForm(admin, "/inspections", "/inspections?handler=Task",
            new Dictionary<string, string> { ["name"] = "门口检查", ["at"] = "", ["cameraKind"] = "entrance" });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("时间“”须为门店当地时间，格式 HH:mm。", html);
        Assert.Contains("请至少选择一天", html);
        Assert.DoesNotContain("weekdays is required", html);
        Assert.Contains("<details id=\"add-task\" open", html);
        Assert.Contains("value=\"门口检查\"", html); // what was typed comes back, to be corrected rather than retyped
        Assert.DoesNotContain("name=\"weekdays\" value=\"1\" checked", html); // no day was ticked
        Assert.Contains("name=\"weekdays\" value=\"1\" checked", await admin.GetStringAsync("/inspections")); // a new form: every day
        var english = WebUtility.HtmlDecode(await (await PageForms.PostForm(admin, "/inspections", "/inspections?handler=Task&culture=en",
            new Dictionary<string, string> { ["name"] = "door check", ["at"] = "", ["cameraKind"] = "entrance" })).Content.ReadAsStringAsync());
        Assert.Contains("at '' must be a store-local time", english);
        Assert.Contains("weekdays is required", english);
    }
}
