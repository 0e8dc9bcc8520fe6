using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Testing;
using SmartStore.Web.Alerts;
using SmartStore.Web.Api;

namespace SmartStore.Integration.Tests;

/// <summary>每日日报: a region's robot gets its yesterday in a few lines, once; the chain's endpoint the chain's.</summary>
[Collection(SystemCollection.Name)]
public sealed class DailyReportTests(SmartStoreSystem system)
{
    // A Wednesday long past, where no other test writes traffic; the Wednesday before it is the comparison.
    private static readonly DateOnly Day = new(2025, 3, 5);

    [Fact]
    public async Task A_regions_robot_gets_its_yesterday_once_and_the_chains_endpoint_the_chain_with_a_line_a_region()
    {
        using var admin = await system.SignedIn("admin");
        foreach (var code in new[] { "X0926", "X0927" })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore(code, "EAST"))).StatusCode);
        // Two mall stores: X0926 120 in from 220 passing (100 a week before), X0927 only 20 from 420.
        await TrafficHistory.Hour(system.Database.Database, "X0926", Day.ToDateTime(new TimeOnly(12, 0)), 120, 100);
        await TrafficHistory.Hour(system.Database.Database, "X0926", Day.AddDays(-7).ToDateTime(new TimeOnly(12, 0)), 100, 100);
        await TrafficHistory.Hour(system.Database.Database, "X0927", Day.ToDateTime(new TimeOnly(12, 0)), 20, 400);
        // X0926's till that day: a receipt with nobody at the till, four on one member card, two on a staff member's own card,
        // a refund of a sale nobody was at and a sale voided once its customer had gone.
        await system.WebServices.GetRequiredService<TillDays>().Write("X0926", Day, new TillDayFigures(30, 2_400m, 1, 4, 0, 0)
        {
            StaffCard = 2, Refunds = 2, RefundAmount = 150m, RefundFindings = 1, Voids = 1, VoidAmount = 39m, VoidFindings = 1,
        });
        // The region has looked at one of its nine findings since: eight are still to review.
        await system.WebServices.GetRequiredService<TillReviews>().Set("X0926", Day, "receipt:R-1", "confirmed", "", "east");

        await using var robot = new WebhookReceiver();
        await using var office = new WebhookReceiver();
        var (eastHook, _) = await WebhookTests.Add(admin, new { name = "华东日报群", url = robot.Url, format = "text", regionCode = "EAST", kinds = new[] { AlertKinds.DailyReport } });
        var (chainHook, _) = await WebhookTests.Add(admin, new { name = "总部数据平台", url = office.Url, format = "json", kinds = new[] { AlertKinds.DailyReport } });
        await using var storeRobot = new WebhookReceiver();
        var (storeHook, _) = await WebhookTests.Add(admin, new { name = "X0926 店群", url = storeRobot.Url, format = "text", storeCode = "X0926", kinds = new[] { AlertKinds.DailyReport } });
        var (mailHook, _) = await WebhookTests.Add(admin, new
        {
            name = "华东区域经理邮箱", url = "east-manager@shop.test", format = "email", regionCode = "EAST", kinds = new[] { AlertKinds.DailyReport },
        });
        try
        {
            var writer = system.WebServices.GetRequiredService<DailyReportWriter>();
            Assert.True(await writer.Write(Day));
            Assert.False(await writer.Write(Day)); // once a day, whoever asks again

            var east = await Eventually.Get(() => Task.FromResult(robot.Requests.Where(r => r.Body.Contains("03-05（周三）日报")).ToList()), r => r.Count >= 1,
                what: "the East's report");
            var text = JsonNode.Parse(east.Single().Body)!["text"]!["content"]!.GetValue<string>();
            Assert.StartsWith("【SmartStore 智慧门店】华东大区 03-05（周三）日报\n", text);
            Assert.Contains("进店 140 人，较上周同日 ↑40%；进店率 21.9%；有客流门店 2/", text);
            Assert.Contains("需关注 2 家：", text);
            Assert.Contains("测试门店 X0927（低于同类", text);
            Assert.Contains("整改：待整改 ", text);
            Assert.Contains("收银追溯：有单无人 1、一卡多单 4、有人无单 0、内部会员卡 2、可疑退单 1、可疑作废 1（测试门店 X0926 9）；30 天内待核实 8\n", text);
            Assert.DoesNotContain("全部门店", text);
            // Its last line opens the region's benchmark of the day.
            Assert.EndsWith($"\n详情：{WebhookTests.PublicUrl}/traffic?from=2025-03-05&to=2025-03-05&region=EAST#store-benchmark", text);

            var chain = await Eventually.Get(() => Task.FromResult(office.Requests.Where(r => r.Body.Contains("03-05（周三）日报")).ToList()), r => r.Count >= 1,
                what: "the chain's report");
            var report = JsonNode.Parse(chain.Single().Body)!;
            Assert.Equal(AlertKinds.DailyReport, report["kind"]!.GetValue<string>());
            Assert.StartsWith("全部门店 03-05（周三）日报", report["report"]!.GetValue<string>());
            Assert.Contains("· 华东大区 进店 140（↑40%）", report["report"]!.GetValue<string>());
            Assert.EndsWith("to=2025-03-05#store-benchmark", report["report"]!.GetValue<string>());

            // The store's own group: its own yesterday, without the region's other stores.
            var own = await Eventually.Get(() => Task.FromResult(storeRobot.Requests.ToList()), r => r.Count >= 1, what: "the store's own report");
            Assert.Equal($"""
                【SmartStore 智慧门店】测试门店 X0926 03-05（周三）日报
                进店 120 人，较上周同日 ↑20%；进店率 54.5%
                需关注：高于同类、进店率偏高
                整改：待整改 0（超期 0），待验收 0
                收银追溯：有单无人 1、一卡多单 4、有人无单 0、内部会员卡 2、可疑退单 1、可疑作废 1；30 天内待核实 8
                详情：{WebhookTests.PublicUrl}/stores/X0926
                """, JsonNode.Parse(own.Single().Body)!["text"]!["content"]!.GetValue<string>());

            // The region manager's mailbox: the same report, its first line the subject, its link one to tap.
            var mail = await Eventually.Get(() => Task.FromResult(system.Mail.To("east-manager@shop.test")), m => m.Count >= 1, what: "the East's report mailed");
            Assert.Equal("【SmartStore 智慧门店】华东大区 03-05（周三）日报", mail.Single().Subject);
            Assert.Equal(text["【SmartStore 智慧门店】".Length..], mail.Single().TextBody!.Trim());
            Assert.Contains($"<a href=\"{WebhookTests.PublicUrl}/traffic?from=2025-03-05&amp;to=2025-03-05&amp;region=EAST#store-benchmark\">", mail.Single().HtmlBody);
        }
        finally
        {
            await WebhookTests.Remove(admin, eastHook, chainHook, mailHook, storeHook);
        }
    }

    [Fact]
    public void A_store_its_door_camera_was_blind_for_a_spell_is_said_to_be_partly_counted_not_named_as_standing_out()
    {
        static StoreStanding Standing(string code, int entries, params string[] flags) => new(code, $"店{code}", "EAST", "mall", 1, entries, entries,
            100, 0.2, entries, null, null, null, null, null, 0, flags.Contains(StoreStanding.PartlyCounted) ? 1 : 0, flags);
        var stores = new[] { Standing("A", 30, StoreStanding.PartlyCounted), Standing("B", 40, "below-peers"), Standing("C", 100) };
        var text = DailyReport.Compose("华东大区", Day, stores, 170, new DailyReport.TodosLeft(0, 0, 0), []);
        Assert.Contains("需关注 1 家：店B（低于同类）", text);
        Assert.Contains("计数不全 1 家（门口摄像机一段营业时间离线或画面故障）", text);
        var own = DailyReport.ComposeStore(stores[0], Day, 100, new DailyReport.TodosLeft(0, 0, 0), [], null);
        Assert.Contains("计数不全：门口摄像机一段营业时间离线或画面故障", own);
        Assert.DoesNotContain("需关注", own);
    }

    [Fact]
    public void A_chain_of_many_regions_keeps_its_first_lines_within_a_robots_limit_and_always_its_link()
    {
        var regions = Enumerable.Range(1, 200).Select(i => $"· 第 {i} 大区 进店 1,234（↑5%）").ToList();
        const string link = "https://ss.example.cn/traffic?from=2025-03-05&to=2025-03-05#store-benchmark";
        var text = DailyReport.Compose("全部门店", Day, [], 0, new DailyReport.TodosLeft(0, 0, 0), [], regions, link);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(text), 1_000, 1_900);
        Assert.Contains("· 第 1 大区", text);
        Assert.DoesNotContain("· 第 200 大区", text);
        Assert.EndsWith($"\n…\n详情：{link}", text);
    }
}
