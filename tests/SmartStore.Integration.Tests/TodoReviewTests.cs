using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using SkiaSharp;
using SmartStore.Models;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>整改闭环: a to-do with a deadline, done by the store, sent back by the reviewer with a reason, done again, accepted; overdue told once.</summary>
[Collection(SystemCollection.Name)]
public sealed class TodoReviewTests(SmartStoreSystem system)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_todo_sent_back_with_a_reason_is_done_again_then_accepted_and_the_tally_counts_the_round()
    {
        using var admin = await system.SignedIn("admin");
        using var east = await system.SignedIn("east");
        using var analyst = await system.SignedIn("analyst");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0921", "EAST"))).StatusCode);
        using var manager = await StoreManager(admin, "x0921.wang", "X0921");

        // A deadline before the store's today is refused; the day after tomorrow is kept as that day, ending at its midnight.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai));
        var refused = await east.PostJson("/api/todos", new { store = "X0921", text = "价签缺失", due = today.AddDays(-1).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("is before the store's today", await refused.Content.ReadAsStringAsync());
        var due = today.AddDays(2);
        var raised = await east.PostJson("/api/todos", new { store = "X0921", text = "冷柜价签缺失，请补齐", due = due.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var todo = await raised.Json();
        var id = todo["id"]!.GetValue<long>();
        Assert.Equal(TodoStates.Open, todo["state"]!.GetValue<string>());
        Assert.Equal(due.ToString("yyyy-MM-dd"), todo["due"]!.GetValue<string>());
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(due.AddDays(1).ToDateTime(TimeOnly.MinValue), Shanghai), todo["dueUtc"]!.GetValue<DateTime>().ToUniversalTime());

        // Nothing to accept while the store has not said it is done.
        Assert.Equal(HttpStatusCode.Conflict, (await east.PostJson($"/api/todos/{id}/accept", new { })).StatusCode);

        // The store says it is done, with a photo: awaiting review; the store cannot accept its own work, nor an analyst.
        Assert.Equal(HttpStatusCode.OK, (await manager.PostJson($"/api/todos/{id}/done", new { note = "已补齐" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsync($"/api/todos/{id}/proof", TodoProofTests.Jpeg(TodoProofTests.Photo(640, 480)))).StatusCode);
        Assert.Equal(TodoStates.Review, (await Todo(east, id))["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJson($"/api/todos/{id}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostJson($"/api/todos/{id}/reject", new { reason = "x" })).StatusCode);
        Assert.Contains("data-what=\"todo-review\"", await east.GetStringAsync("/m"));
        var review = await east.GetStringAsync("/inspections?store=X0921&todo=review");
        Assert.Contains($"data-todo=\"{id}\" data-open=\"false\" data-state=\"review\"", review);
        Assert.Matches($"action=\"(?=[^\"]*handler=Accept)(?=[^\"]*[?;]id={id}[&\"])[^\"]*\"", review);

        // Sent back on the page with a reason: open again, due as before (still ahead), the round kept with its photo.
        var sentBack = await PageForms.PostForm(east, "/inspections?store=X0921", $"/inspections?handler=Reject&id={id}&store=X0921",
            new() { ["reason"] = "价签仍缺 2 个", ["due"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        var reopened = await Todo(east, id);
        Assert.Equal(TodoStates.Open, reopened["state"]!.GetValue<string>());
        Assert.Equal(due.ToString("yyyy-MM-dd"), reopened["due"]!.GetValue<string>());
        Assert.Null(reopened["proof"]);
        var round = reopened["rejections"]!.AsArray().Single()!;
        Assert.Equal(("已补齐", "价签仍缺 2 个", "east"),
            (round["doneNote"]!.GetValue<string>(), round["reason"]!.GetValue<string>(), round["rejectedBy"]!.GetValue<string>()));
        using (var kept = SKBitmap.Decode(await east.GetByteArrayAsync(round["proof"]!.GetValue<string>())))
            Assert.Equal(640, kept.Width);
        Assert.Contains("被驳回：价签仍缺 2 个", WebUtility.HtmlDecode(await manager.GetStringAsync("/m")));
        Assert.Equal(HttpStatusCode.Conflict, (await east.PostJson($"/api/todos/{id}/reject", new { reason = "again" })).StatusCode);

        // Done again and accepted: closed for good, its photo no longer replaced.
        Assert.Equal(HttpStatusCode.OK, (await manager.PostJson($"/api/todos/{id}/done", new { note = "已补齐全部价签" })).StatusCode);
        var accepted = await east.PostJson($"/api/todos/{id}/accept", new { });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var closed = await accepted.Json();
        Assert.Equal((TodoStates.Accepted, "east"), (closed["state"]!.GetValue<string>(), closed["acceptedBy"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await east.PostJson($"/api/todos/{id}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutAsync($"/api/todos/{id}/proof", TodoProofTests.Jpeg(TodoProofTests.Photo(640, 480)))).StatusCode);

        // 整改统计: one raised, accepted on time after one round sent back.
        var tally = (await (await east.GetAsync("/api/todos/summary?store=X0921")).Json())["stores"]!.AsArray().Single()!;
        Assert.Equal((1, 1, 1, 1, 0),
            (tally["raised"]!.GetValue<int>(), tally["accepted"]!.GetValue<int>(), tally["acceptedOnTime"]!.GetValue<int>(),
             tally["rejections"]!.GetValue<int>(), tally["open"]!.GetValue<int>()));
        Assert.Contains("data-tally=\"X0921\"", await east.GetStringAsync("/inspections?store=X0921"));
    }

    [Fact]
    public async Task A_todo_past_its_deadline_is_told_once_to_the_regions_robot_and_shown_overdue()
    {
        using var admin = await system.SignedIn("admin");
        using var east = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0922", "EAST"))).StatusCode);
        await using var robot = new WebhookReceiver();
        var (hook, _) = await WebhookTests.Add(admin, new { name = "华东整改群", url = robot.Url, format = "text", regionCode = "EAST", kinds = new[] { AlertKinds.TodoOverdue } });
        await using var ownSystem = new WebhookReceiver();
        var (jsonHook, _) = await WebhookTests.Add(admin, new { name = "整改系统", url = ownSystem.Url, format = "json", regionCode = "EAST", kinds = new[] { AlertKinds.TodoOverdue } });
        try
        {
            var raised = await east.PostJson("/api/todos", new { store = "X0922", text = "门头灯箱不亮，请报修" });
            var id = (await raised.Json())["id"]!.GetValue<long>();
            Assert.Equal(TodoStates.Open, (await Todo(east, id))["state"]!.GetValue<string>());

            // Two hours after its deadline (time moved on here by moving the deadline back).
            await using (var connection = await system.Database.Database.Open())
                await connection.ExecuteAsync("""
                    UPDATE store_todos SET due_utc = now() - interval '2 hours 5 minutes', first_due_utc = now() - interval '2 hours 5 minutes' WHERE id = @id
                    """, new { id });
            var told = await Eventually.Get(() => Task.FromResult(robot.Requests.Where(r => r.Body.Contains("（X0922）")).ToList()), r => r.Count == 1,
                what: "the overdue to-do told");
            Assert.Contains($"测试门店 X0922（X0922） 整改超期：门头灯箱不亮，请报修（期限 ", JsonNode.Parse(told[0].Body)!["text"]!["content"]!.GetValue<string>());
            Assert.Contains($"待办 #{id}）", told[0].Body);
            // The chain's own system gets the to-do's id as the number the API knows it by, and the page to open.
            var json = JsonNode.Parse((await Eventually.Get(() => Task.FromResult(ownSystem.Requests.Where(r => r.Body.Contains("X0922")).ToList()),
                r => r.Count == 1, what: "the overdue to-do sent as JSON"))[0].Body)!;
            Assert.Equal(id, json["todo"]!["id"]!.GetValue<long>());
            Assert.Equal($"{WebhookTests.PublicUrl}/inspections?store=X0922#todos", json["url"]!.GetValue<string>());
            Assert.Equal(TodoStates.Overdue, (await Todo(east, id))["state"]!.GetValue<string>());
            Assert.Contains("已超期 2 小时", await east.GetStringAsync("/inspections?store=X0922"));
            Assert.Equal(1, (await (await east.GetAsync("/api/todos/summary?store=X0922")).Json())["stores"]![0]!["overdue"]!.GetValue<int>());

            // Told once: rounds later, still one message.
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Single(robot.Requests, r => r.Body.Contains("（X0922）"));

            // Put right late and accepted: counted, but not on time.
            Assert.Equal(HttpStatusCode.OK, (await east.PostJson($"/api/todos/{id}/done", new { note = "已报修" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await east.PostJson($"/api/todos/{id}/accept", new { })).StatusCode);
            var tally = (await (await east.GetAsync("/api/todos/summary?store=X0922")).Json())["stores"]![0]!;
            Assert.Equal((1, 0, 0), (tally["accepted"]!.GetValue<int>(), tally["acceptedOnTime"]!.GetValue<int>(), tally["overdue"]!.GetValue<int>()));
        }
        finally
        {
            await WebhookTests.Remove(admin, hook, jsonHook);
        }
    }

    private async Task<HttpClient> StoreManager(HttpClient admin, string username, string store)
    {
        return await system.SignedIn(username, await admin.NewAccount(new { username, displayName = "王店长", role = "store_manager", storeCodes = new[] { store } }));
    }

    private static async Task<JsonNode> Todo(HttpClient client, long id) =>
        (await (await client.GetAsync("/api/todos")).Json())["todos"]!.AsArray().Single(t => t!["id"]!.GetValue<long>() == id)!;
}
