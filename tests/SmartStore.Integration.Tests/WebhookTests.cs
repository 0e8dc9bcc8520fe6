using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>消息推送: camera and store alerts sent to endpoints as they happen, signed, by region and kind, retried, given up.</summary>
[Collection(SystemCollection.Name)]
public sealed class WebhookTests(SmartStoreSystem system)
{
    /// <summary>The address the test system's messages link to (Webhooks__PublicUrl).</summary>
    public const string PublicUrl = "http://smartstore.test";

    [Fact]
    public async Task A_camera_going_offline_and_back_is_sent_signed_to_its_regions_endpoint_only()
    {
        using var admin = await system.SignedIn("admin");
        await using var north = new WebhookReceiver();
        await using var east = new WebhookReceiver();
        var (northHook, northSecret) = await Add(admin, new
        {
            name = "华北运维", url = north.Url, format = "json", regionCode = "NORTH", kinds = new[] { AlertKinds.CameraOffline, AlertKinds.CameraOnline },
        });
        var (eastHook, _) = await Add(admin, new { name = "华东群", url = east.Url, format = "text", regionCode = "EAST" });
        try
        {
            var secret = await AllDayStores.WithCamera(admin, "X0831", "推送测试店", "NORTH", "CAM-X0831-E1");
            using var device = system.Anonymous();
            await MasterDataApiTests.Heartbeat(device, "CAM-X0831-E1", secret);

            // Silent 2 s (here): offline, sent as signed JSON with the store and camera.
            var offline = await Eventually.Get(() => Task.FromResult(Mine(north, AlertKinds.CameraOffline)), r => r.Count == 1, what: "the offline event");
            var body = offline[0].Body;
            Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(northSecret), Encoding.UTF8.GetBytes(body))),
                offline[0].Signature);
            var json = JsonNode.Parse(body)!;
            Assert.Equal(AlertKinds.CameraOffline, json["kind"]!.GetValue<string>());
            Assert.Equal("X0831", json["store"]!["code"]!.GetValue<string>());
            Assert.Equal("NORTH", json["store"]!["region"]!.GetValue<string>());
            Assert.Contains("推送测试店（X0831） 摄像头 CAM-X0831-E1 离线，最后心跳", json["text"]!.GetValue<string>());
            Assert.Equal($"{PublicUrl}/cameras/CAM-X0831-E1", json["url"]!.GetValue<string>());

            // Back: told too, once.
            await MasterDataApiTests.Heartbeat(device, "CAM-X0831-E1", secret);
            await Eventually.Get(() => Task.FromResult(Mine(north, AlertKinds.CameraOnline)), r => r.Count == 1, what: "the online event");
            // Each sent at the first try (silent again, the camera may be going offline a second time meanwhile).
            // (The receiver answers after it has noted the request: the sender writes the outcome a moment later.)
            var deliveries = await Eventually.Get(async () => (await (await admin.GetAsync($"/api/webhooks/{northHook}/deliveries")).Json()).AsArray()
                .Where(d => d!["cameraCode"]?.GetValue<string>() == "CAM-X0831-E1").OrderBy(d => d!["eventId"]!.GetValue<long>()).ToList(),
                d => d.Count >= 2 && d.Take(2).All(x => x!["deliveredUtc"] is not null), what: "both deliveries written");
            Assert.Equal([AlertKinds.CameraOffline, AlertKinds.CameraOnline], deliveries.Take(2).Select(d => d!["kind"]!.GetValue<string>()));
            Assert.All(deliveries.Take(2), d => Assert.Equal(1, d!["attempts"]!.GetValue<int>()));
            Assert.All(deliveries.Take(2), d => Assert.NotNull(d!["deliveredUtc"]));

            // The East's endpoint heard nothing of a North store.
            Assert.DoesNotContain(east.Requests, r => r.Body.Contains("X0831"));
        }
        finally
        {
            await Remove(admin, northHook, eastHook);
        }
    }

    [Fact]
    public async Task A_store_looking_closed_reaches_a_group_robot_as_text_after_two_refusals_and_its_reopening_once()
    {
        using var admin = await system.SignedIn("admin");
        await using var robot = new WebhookReceiver(refuseFirst: 2, refusing: "X0832");
        var (hook, _) = await Add(admin, new
        {
            name = "闭店提醒群", url = robot.Url, format = "text", kinds = new[] { AlertKinds.StoreLooksClosed, AlertKinds.StoreReopened },
        });
        try
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0832", "SOUTH"))).StatusCode);
            var closures = new StoreClosures(system.Database.Database);
            var since = new DateTime(2026, 12, 1, 4, 0, 0, DateTimeKind.Utc); // 12:00 in Shanghai
            var closure = new StoreClosure("X0832", since, since.AddMinutes(40), 57, 0.3, 0.001);
            await closures.Write(closure);
            await closures.Write(closure); // written again (a retried grain call): no second event

            // Refused twice (500), delivered at the third try; a robot's text, unsigned.
            var tries = await Eventually.Get(() => Task.FromResult(About(robot, "X0832")), r => r.Count(x => !x.Refused) == 1, what: "the closure delivered");
            Assert.Equal(3, tries.Count);
            Assert.All(tries, t => Assert.Null(t.Signature));
            Assert.Equal(AlertKinds.StoreLooksClosed, tries[0].Kind);
            Assert.Equal($"【SmartStore 智慧门店】测试门店 X0832（X0832） 营业时间内疑似关门：12-01 12:00 起无顾客进店 {PublicUrl}/stores/X0832",
                JsonNode.Parse(tries[2].Body)!["text"]!["content"]!.GetValue<string>());
            var delivery = (await Eventually.Get(async () => (await (await admin.GetAsync($"/api/webhooks/{hook}/deliveries")).Json()).AsArray(),
                d => d.Any(x => x!["storeCode"]!.GetValue<string>() == "X0832" && x["deliveredUtc"] is not null), what: "the delivery written"))
                .Single(d => d!["storeCode"]!.GetValue<string>() == "X0832")!;
            Assert.Equal(3, delivery["attempts"]!.GetValue<int>());
            Assert.Equal(200, delivery["lastStatus"]!.GetValue<int>());

            // The next customer ends it: one more message, however often that is written.
            await closures.Write(closure with { ReopenedUtc = since.AddMinutes(75) });
            await closures.Write(closure with { ReopenedUtc = since.AddMinutes(75) });
            await using (var connection = await system.Database.Database.Open())
                Assert.Equal(["store-looks-closed", "store-reopened"], await connection.QueryAsync<string>(
                    "SELECT kind FROM alert_events WHERE store_code = 'X0832' ORDER BY id"));
            var reopened = await Eventually.Get(() => Task.FromResult(About(robot, "X0832")), r => r.Any(x => x.Kind == AlertKinds.StoreReopened), what: "the reopening");
            Assert.Contains("疑似关门结束（12-01 13:15）", reopened.Last().Body);

            // A closure first written already ended (its raising was never written): both told, raised then ended.
            var late = new StoreClosure("X0832", since.AddDays(1), since.AddDays(1).AddMinutes(40), 20, 0.3, 0.001, since.AddDays(1).AddMinutes(90));
            await closures.Write(late);
            await using (var connection = await system.Database.Database.Open())
                Assert.Equal(["store-looks-closed", "store-reopened", "store-looks-closed", "store-reopened"], await connection.QueryAsync<string>(
                    "SELECT kind FROM alert_events WHERE store_code = 'X0832' ORDER BY id"));
        }
        finally
        {
            await Remove(admin, hook);
        }
    }

    [Fact]
    public async Task Endpoints_are_checked_tested_and_given_up_on_after_the_last_retry()
    {
        using var admin = await system.SignedIn("admin");
        var refused = await admin.PostJson("/api/webhooks", new { name = "", url = "ftp://example.com/x", format = "xml", regionCode = "MARS", kinds = new[] { "fire" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var detail = await refused.Content.ReadAsStringAsync();
        foreach (var field in new[] { "name", "url", "format", "regionCode", "kinds" }) Assert.Contains($"\"{field}\"", detail);
        using (var analyst = await system.SignedIn("analyst"))
            Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/webhooks")).StatusCode);

        // A test send reaches a live endpoint; one where nothing listens says why.
        await using var robot = new WebhookReceiver();
        var (live, _) = await Add(admin, new { name = "测试群", url = robot.Url, format = "text", kinds = new[] { AlertKinds.StoreLooksClosed } });
        var dead = $"http://127.0.0.1:{Loopback.FreePort()}/nobody/";
        var (gone, _) = await Add(admin, new { name = "失效地址", url = dead, format = "json", kinds = new[] { AlertKinds.StoreLooksClosed } });
        try
        {
            var test = await (await admin.PostJson($"/api/webhooks/{live}/test", new { })).Json();
            Assert.True(test["delivered"]!.GetValue<bool>());
            Assert.Contains(robot.Requests, r => r.Body.Contains($"测试消息：门店告警会推送到这里。 {PublicUrl}/") && r.Kind == "test");
            var failed = await (await admin.PostJson($"/api/webhooks/{gone}/test", new { })).Json();
            Assert.False(failed["delivered"]!.GetValue<bool>());
            Assert.False(string.IsNullOrEmpty(failed["error"]!.GetValue<string>()));
            // A group robot refusing with a 200 (its key wrong): not delivered, its errcode said.
            await using var wrongKey = new WebhookReceiver(answer: """{"errcode":93000,"errmsg":"invalid webhook url"}""");
            var (robotHook, _) = await Add(admin, new { name = "错误密钥群", url = wrongKey.Url, format = "text", kinds = new[] { AlertKinds.StoreReopened } });
            var refusedByRobot = await (await admin.PostJson($"/api/webhooks/{robotHook}/test", new { })).Json();
            await Remove(admin, robotHook);
            Assert.False(refusedByRobot["delivered"]!.GetValue<bool>());
            Assert.Equal("robot errcode 93000 invalid webhook url", refusedByRobot["error"]!.GetValue<string>());

            // An event for the dead endpoint: tried 3 times (here), then given up and counted so on the list.
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0833", "WEST"))).StatusCode);
            await new StoreClosures(system.Database.Database).Write(new StoreClosure("X0833", DateTime.UtcNow.AddHours(-1), DateTime.UtcNow, 30, 0.2, 0.01));
            var given = await Eventually.Get(async () => (await (await admin.GetAsync($"/api/webhooks/{gone}/deliveries")).Json()).AsArray(),
                d => d.Any(x => x!["storeCode"]!.GetValue<string>() == "X0833" && x["gaveUpUtc"] is not null), what: "the delivery given up");
            Assert.Equal(3, given.Single(x => x!["storeCode"]!.GetValue<string>() == "X0833")!["attempts"]!.GetValue<int>());
            var listed = (await (await admin.GetAsync("/api/webhooks")).Json()).AsArray().Single(w => w!["id"]!.GetValue<int>() == gone)!;
            Assert.True(listed["gaveUp"]!.GetValue<int>() >= 1);
            Assert.Contains("id=\"again-given-up\"", await admin.GetStringAsync($"/admin/webhooks?id={gone}"));

            // The endpoint comes back: what was given up is sent again from the first attempt, and a delivered one on request.
            var closure = given.Single(x => x!["storeCode"]!.GetValue<string>() == "X0833")!["eventId"]!.GetValue<long>();
            await using (var back = new WebhookReceiver(url: dead))
            {
                var again = await (await admin.PostJson($"/api/webhooks/{gone}/again", new { })).Json();
                Assert.True(again["again"]!.GetValue<int>() >= 1);
                var sent = await Eventually.Get(async () => (await (await admin.GetAsync($"/api/webhooks/{gone}/deliveries")).Json()).AsArray()
                        .Single(x => x!["eventId"]!.GetValue<long>() == closure)!,
                    d => d["deliveredUtc"] is not null, what: "the given-up delivery sent again");
                Assert.Equal(1, sent["attempts"]!.GetValue<int>());
                Assert.Contains(back.Requests, r => r.Body.Contains("X0833"));
                Assert.Equal(HttpStatusCode.OK, (await admin.PostJson($"/api/webhooks/{gone}/deliveries/{closure}/again", new { })).StatusCode);
                await Eventually.Get(() => Task.FromResult(back.Requests.Count(r => r.Body.Contains("X0833"))), n => n == 2, what: "the delivered one sent again");
                Assert.Equal(HttpStatusCode.NotFound, (await admin.PostJson($"/api/webhooks/{gone}/deliveries/999999999/again", new { })).StatusCode);
            }

            // The page lists both, and adds one with its secret shown once.
            var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/webhooks"));
            Assert.Contains("测试群", page);
            Assert.Contains("失效地址", page);
            Assert.Contains($"消息中的链接打开 {PublicUrl} 上的对应页面", page);
            var added = await PageForms.PostForm(admin, "/admin/webhooks", "/admin/webhooks?handler=add", new()
            {
                ["Name"] = "页面新增", ["Endpoint"] = robot.Url, ["Format"] = "text", ["RegionCode"] = "", ["Kinds"] = AlertKinds.CameraOffline,
            });
            var html = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());
            Assert.Contains("已新增推送地址「页面新增」", html);
            Assert.Matches("whsec_[A-Za-z0-9]{32}", html);
            var none = await PageForms.PostForm(admin, "/admin/webhooks", "/admin/webhooks?handler=add", new() { ["Name"] = "无事件", ["Endpoint"] = robot.Url });
            Assert.Contains("请至少选择一种事件。", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()));
            var pageHook = (await (await admin.GetAsync("/api/webhooks")).Json()).AsArray().Single(w => w!["name"]!.GetValue<string>() == "页面新增")!;
            await Remove(admin, pageHook["id"]!.GetValue<int>());
        }
        finally
        {
            await Remove(admin, live, gone);
        }
        Assert.DoesNotContain((await (await admin.GetAsync("/api/webhooks")).Json()).AsArray(), w => w!["id"]!.GetValue<int>() == live);
    }

    [Fact]
    public async Task A_shelf_alert_reaches_a_group_robot_in_the_store_pages_words()
    {
        using var admin = await system.SignedIn("admin");
        await using var robot = new WebhookReceiver();
        var (hook, _) = await Add(admin, new { name = "陈列群", url = robot.Url, format = "text", regionCode = "WEST",
            kinds = new[] { AlertKinds.ShelfAlert, AlertKinds.ShelfAlertCleared } });
        try
        {
            var seen = new DateTime(2026, 12, 1, 6, 30, 0, DateTimeKind.Utc);
            var rival = new ShelfAlert(ShelfAlert.CompetitorInOwnSlot, "B-2", "OATLY", "", seen, "ARLA-MF");
            var empty = new ShelfAlert(ShelfAlert.OutOfStock, "B-3", "ARLA-ST", "", seen, "4");
            var events = new AlertEvents(system.Database.Database);
            await events.ShelfAlerts("S0027", [rival, empty, new ShelfAlert(ShelfAlert.ComplianceLow, null, null, "", seen, "5/8")], []);
            // Written at once, they go to the robot together, a line each (how they are grouped: the burst test below).
            List<string> Lines() => robot.Requests.Where(r => r.Body.Contains("S0027"))
                .SelectMany(r => JsonNode.Parse(r.Body)!["text"]!["content"]!.GetValue<string>().Split('\n')).Where(l => l.Contains("S0027")).ToList();
            var texts = await Eventually.Get(() => Task.FromResult(Lines()), l => l.Count == 3, what: "three shelf alerts");
            Assert.Contains(texts, t => t.EndsWith($"陈列告警：竞品占本品位，OATLY 占了 ARLA-MF 的陈列位（货位 B-2） {PublicUrl}/stores/S0027"));
            Assert.Contains(texts, t => t.EndsWith($"陈列告警：持续缺货，货位 B-3（ARLA-ST） 连续 4 次巡检为空 {PublicUrl}/stores/S0027"));
            Assert.Contains(texts, t => t.EndsWith($"陈列告警：合规率偏低，5/8 个计划陈列位按计划陈列 {PublicUrl}/stores/S0027"));

            // Two hours on, a patrol finds B-3 stocked and OATLY gone: the group hears that they ended, which and when.
            await events.ShelfAlerts("S0027", [], [new(rival, seen.AddHours(2)), new(empty, seen.AddHours(2))]);
            var ended = await Eventually.Get(() => Task.FromResult(Lines()), l => l.Count == 5, what: "two shelf alerts ended");
            Assert.Contains(ended, t => t.EndsWith($"陈列告警解除：持续缺货，货位 B-3（ARLA-ST）（12-01 16:30） {PublicUrl}/stores/S0027"));
            Assert.Contains(ended, t => t.EndsWith($"陈列告警解除：竞品占本品位，货位 B-2 不再是 OATLY（12-01 16:30） {PublicUrl}/stores/S0027"));
            // B-4's went because the planner took the slot out, not because it was restocked: the group is told so.
            var planned = new ShelfAlert(ShelfAlert.OutOfStock, "B-4", "ARLA-LF", "", seen, "3");
            await events.ShelfAlerts("S0027", [planned], []);
            await events.ShelfAlerts("S0027", [], [new(planned, seen.AddHours(1), ShelfAlertEnd.SlotLeftPlan)]);
            var replanned = await Eventually.Get(() => Task.FromResult(Lines()), l => l.Count == 7, what: "B-4 raised and ended");
            Assert.Contains(replanned, t => t.EndsWith($"陈列告警解除：持续缺货，货位 B-4（ARLA-LF）：货位已移出陈列计划（12-01 15:30） {PublicUrl}/stores/S0027"));

            // The store page keeps the spell: from when, until when, how long.
            var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/stores/S0027"));
            Assert.Contains("<li data-alert=\"out-of-stock:B-3\"><span class=\"tag\">持续缺货</span> B-3（ARLA-ST） · 12-01 14:30 起，12-01 16:30 解除（历时 2 小时）</li>", page);
            Assert.Contains("<li data-alert=\"out-of-stock:B-4\"><span class=\"tag\">持续缺货</span> B-4（ARLA-LF） · 12-01 14:30 起，12-01 15:30 解除（历时 1 小时） · 货位已移出陈列计划</li>", page);
            // And so does the API, for an integrator's own shelf reports; a period it cannot read is refused with a reason.
            var alerts = (await (await admin.GetAsync("/api/stores/S0027/shelf/alerts?days=3")).Json())["alerts"]!.AsArray();
            var b3 = alerts.Single(a => a!["slot"]?.GetValue<string>() == "B-3")!;
            Assert.Equal(("out-of-stock", "ARLA-ST", seen.AddHours(2), false),
                (b3["kind"]!.GetValue<string>(), b3["sku"]!.GetValue<string>(), b3["endedAt"]!.GetValue<DateTime>().ToUniversalTime(), b3["standing"]!.GetValue<bool>()));
            Assert.Null(b3["endedBecause"]);
            Assert.Equal(ShelfAlertEnd.SlotLeftPlan, alerts.Single(a => a!["slot"]?.GetValue<string>() == "B-4")!["endedBecause"]!.GetValue<string>());
            var refused = await admin.GetAsync("/api/stores/S0027/shelf/alerts?days=365");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("days '365' must be a whole number of days, 1 to 90.", await refused.Content.ReadAsStringAsync());
        }
        finally
        {
            await Remove(admin, hook);
        }
    }

    [Fact]
    public void Shelf_alert_events_pair_into_spells_an_end_closing_the_open_spell_of_its_alert()
    {
        var t = new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
        var spells = ShelfAlertSpells.Pair([
            (AlertKinds.ShelfAlert, ShelfAlert.OutOfStock, "B-3", "ARLA-ST", t, null),
            (AlertKinds.ShelfAlert, ShelfAlert.ComplianceLow, null, null, t.AddMinutes(10), null),
            (AlertKinds.ShelfAlertCleared, ShelfAlert.OutOfStock, "B-3", "ARLA-ST", t.AddHours(1), ShelfAlertEnd.Replanned),
            (AlertKinds.ShelfAlert, ShelfAlert.OutOfStock, "B-3", "ARLA-ST", t.AddHours(3), null),
            (AlertKinds.ShelfAlertCleared, ShelfAlert.OutOfStock, "B-9", "OATLY", t.AddHours(4), null),   // raised before the events read
        ]);
        Assert.Equal([
            new ShelfAlertSpell(ShelfAlert.OutOfStock, "B-3", "ARLA-ST", t.AddHours(3), null, Open: true),
            new ShelfAlertSpell(ShelfAlert.ComplianceLow, null, null, t.AddMinutes(10), null, Open: true),
            new ShelfAlertSpell(ShelfAlert.OutOfStock, "B-3", "ARLA-ST", t, t.AddHours(1), EndedBecause: ShelfAlertEnd.Replanned)], spells);
        // Raised again with no end between (ends were not sent before): the earlier spell is over, its end unrecorded.
        var again = ShelfAlertSpells.Pair([
            (AlertKinds.ShelfAlert, ShelfAlert.OutOfStock, "B-3", "ARLA-ST", t, null),
            (AlertKinds.ShelfAlert, ShelfAlert.OutOfStock, "B-3", "ARLA-ST", t.AddHours(1), null)]);
        Assert.Equal([true, false], again.Select(s => s.Open));
    }

    [Fact]
    public void A_burst_for_a_robot_goes_as_a_few_messages_of_many_lines_each_within_its_size_limit()
    {
        var at = new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
        var burst = Enumerable.Range(1, 40).Select(i => new Webhooks.DueDelivery(1, i, 0, "http://127.0.0.1/robot", "text", "s", AlertKinds.CameraOffline,
            $"S{i:0000}", "上海南京东路旗舰店", "EAST", "Asia/Shanghai", $"CAM-S{i:0000}-E1", null, at)).ToList();

        var batches = SmartStore.Web.Alerts.WebhookMessage.RobotBatches(burst);

        Assert.InRange(batches.Count, 2, 5);
        Assert.Equal(burst.Select(d => d.EventId), batches.SelectMany(b => b.Deliveries).Select(d => d.EventId)); // each once, in order
        foreach (var (body, deliveries) in batches)
        {
            var content = JsonNode.Parse(body)!["text"]!["content"]!.GetValue<string>();
            Assert.True(Encoding.UTF8.GetByteCount(content) <= 2048, $"{Encoding.UTF8.GetByteCount(content)} bytes");
            Assert.StartsWith($"【SmartStore 智慧门店】{deliveries.Count} 条告警\n", content);
            Assert.Contains($"上海南京东路旗舰店（{deliveries[0].StoreCode}） 摄像头 {deliveries[0].CameraCode} 离线，最后心跳 12-01 10:00", content);
        }
        // One event alone reads as before.
        var single = SmartStore.Web.Alerts.WebhookMessage.RobotBatches(burst.Take(1).ToList()).Single().Body;
        Assert.Equal("【SmartStore 智慧门店】上海南京东路旗舰店（S0001） 摄像头 CAM-S0001-E1 离线，最后心跳 12-01 10:00",
            JsonNode.Parse(single)!["text"]!["content"]!.GetValue<string>());

        // With the address people open SmartStore at, each line links to its camera's page, and the batches still fit.
        var linked = SmartStore.Web.Alerts.WebhookMessage.RobotBatches(burst, SmartStore.Web.Alerts.PageLinks.Root(" https://ss.example.cn/ "));
        var lines = linked.SelectMany(b => JsonNode.Parse(b.Body)!["text"]!["content"]!.GetValue<string>().Split('\n').Skip(1)).ToList();
        Assert.Equal(40, lines.Count);
        Assert.All(lines, l => Assert.Matches(@"摄像头 (CAM-S\d{4}-E1) 离线，最后心跳 12-01 10:00 https://ss\.example\.cn/cameras/\1$", l));
        Assert.All(linked, b => Assert.True(Encoding.UTF8.GetByteCount(JsonNode.Parse(b.Body)!["text"]!["content"]!.GetValue<string>()) <= 2048));
        // An address that is not one people can open gives no links rather than broken ones.
        Assert.Null(SmartStore.Web.Alerts.PageLinks.Root("smartstore.example.cn"));
        Assert.Null(SmartStore.Web.Alerts.PageLinks.Root("ftp://smartstore.example.cn"));
    }

    [Fact]
    public async Task Old_events_are_forgotten_once_nothing_is_left_to_send()
    {
        await using var connection = await system.Database.Database.Open();
        const string hookSql = "INSERT INTO webhooks (name, url, format, secret, kinds, created_by, removed_utc) VALUES ('old', 'http://127.0.0.1:9/', 'json', 's', '{}', 'test', @removed) RETURNING id";
        var live = await connection.ExecuteScalarAsync<int>(hookSql, new { removed = (DateTime?)null });
        var removed = await connection.ExecuteScalarAsync<int>(hookSql, new { removed = (DateTime?)DateTime.UtcNow });
        var events = new List<long>();
        foreach (var _ in Enumerable.Range(0, 4))
            events.Add(await connection.ExecuteScalarAsync<long>("""
                INSERT INTO alert_events (kind, store_code, region_code, occurred_utc, created_utc)
                VALUES ('store-looks-closed', 'S0010', 'SOUTH', now() - interval '100 days', now() - interval '100 days') RETURNING id
                """));
        // Delivered; waiting (its next try tomorrow, so the running sender leaves it); given up; waiting on a removed endpoint.
        await connection.ExecuteAsync("""
            INSERT INTO webhook_deliveries (webhook_id, event_id, delivered_utc, gave_up_utc, next_attempt_utc) VALUES
            (@live, @a, now(), NULL, now()), (@live, @b, NULL, NULL, now() + interval '1 day'), (@live, @c, NULL, now(), now()),
            (@removed, @d, NULL, NULL, now())
            """, new { live, removed, a = events[0], b = events[1], c = events[2], d = events[3] });
        await new Webhooks(system.Database.Database).Forget(DateTime.UtcNow.AddDays(-90));
        Assert.Equal([events[1]], await connection.QueryAsync<long>("SELECT id FROM alert_events WHERE id = ANY(@events)", new { events = events.ToArray() }));
        await connection.ExecuteAsync("UPDATE webhooks SET removed_utc = now() WHERE id = @live", new { live });
    }

    internal static async Task<(int Id, string Secret)> Add(HttpClient admin, object body)
    {
        var response = await admin.PostJson("/api/webhooks", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Json();
        return (json["id"]!.GetValue<int>(), json["secret"]!.GetValue<string>());
    }

    internal static async Task Remove(HttpClient admin, params int[] ids)
    {
        foreach (var id in ids) Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/webhooks/{id}")).StatusCode);
    }

    private static List<WebhookReceiver.Received> Mine(WebhookReceiver receiver, string kind) =>
        receiver.Requests.Where(r => r.Kind == kind && r.Body.Contains("CAM-X0831-E1")).ToList();

    private static List<WebhookReceiver.Received> About(WebhookReceiver receiver, string store) =>
        receiver.Requests.Where(r => r.Body.Contains($"（{store}）")).ToList();
}
