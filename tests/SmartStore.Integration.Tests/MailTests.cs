using System.Net;
using System.Text.Json.Nodes;
using MimeKit;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Testing;
using SmartStore.Web.Alerts;

namespace SmartStore.Integration.Tests;

/// <summary>消息推送 by email: an endpoint of mailboxes gets its events as mail through the chain's mail server, retried and given up like any.</summary>
[Collection(SystemCollection.Name)]
public sealed class MailTests(SmartStoreSystem system)
{
    [Fact]
    public async Task A_store_looking_closed_reaches_every_mailbox_of_its_region_and_its_own_and_a_refused_address_is_given_up_with_the_servers_words()
    {
        using var admin = await system.SignedIn("admin");
        // Addresses that are not mail addresses, too many, or none, are refused before anything is sent.
        foreach (var wrong in new[] { "ops.shop.test", "mailto:", "http://ops.shop.test/", string.Join(",", Enumerable.Range(1, 21).Select(i => $"m{i}@shop.test")) })
        {
            var refused = await admin.PostJson("/api/webhooks", new { name = "错误邮箱", url = wrong, format = "email" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"url\"", await refused.Content.ReadAsStringAsync());
        }

        var (hook, _) = await WebhookTests.Add(admin, new
        {
            name = "西区店长邮箱", url = " west-a@shop.test; west-b@shop.test ,WEST-A@shop.test", format = "email", regionCode = "WEST",
            kinds = new[] { AlertKinds.StoreLooksClosed },
        });
        var (dead, _) = await WebhookTests.Add(admin, new { name = "已停用邮箱", url = "mailto:refused-west@shop.test", format = "email", kinds = new[] { AlertKinds.StoreLooksClosed } });
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0951", "WEST"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0952", "WEST"))).StatusCode);
        // One store's own mailbox: a store and a region at once, or a store that does not exist, is refused.
        foreach (var (region, store) in new[] { ("WEST", "X0951"), ((string?)null, "X9999") })
        {
            var refused = await admin.PostJson("/api/webhooks", new { name = "店长邮箱", url = "x0951@shop.test", format = "email", regionCode = region, storeCode = store });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"storeCode\"", await refused.Content.ReadAsStringAsync());
        }
        var (own, _) = await WebhookTests.Add(admin, new { name = "X0951 店长邮箱", url = "x0951@shop.test", format = "email", storeCode = "X0951", kinds = new[] { AlertKinds.StoreLooksClosed } });
        try
        {
            // Stored as its recipients, each once.
            var listed = (await (await admin.GetAsync("/api/webhooks")).Json()).AsArray().Single(w => w!["id"]!.GetValue<int>() == hook)!;
            Assert.Equal("mailto:west-a@shop.test,west-b@shop.test", listed["url"]!.GetValue<string>());
            Assert.Equal("email", listed["format"]!.GetValue<string>());

            // A test send is a mail to both.
            Assert.True((await (await admin.PostJson($"/api/webhooks/{hook}/test", new { })).Json())["delivered"]!.GetValue<bool>());
            var test = Assert.Single(system.Mail.To("west-b@shop.test"));
            Assert.Equal("【SmartStore 智慧门店】测试消息：门店告警会推送到这里。", test.Subject);
            Assert.Equal(["west-a@shop.test", "west-b@shop.test"], test.To.Mailboxes.Select(m => m.Address));
            Assert.Equal("smartstore@shop.test", test.From.Mailboxes.Single().Address);

            var since = new DateTime(2026, 12, 2, 4, 0, 0, DateTimeKind.Utc); // 12:00 in Shanghai
            await new StoreClosures(system.Database.Database).Write(new StoreClosure("X0951", since, since.AddMinutes(40), 57, 0.3, 0.001));

            // The closure: a mail whose subject says it, its text the robot's words with the store's page, its HTML the link to tap.
            var mail = await Eventually.Get(() => Task.FromResult(system.Mail.To("west-a@shop.test").Where(m => m.TextBody!.Contains("X0951")).ToList()),
                m => m.Count == 1, what: "the closure mailed");
            var closure = mail.Single();
            Assert.Equal("【SmartStore 智慧门店】测试门店 X0951（X0951） 营业时间内疑似关门：12-02 12:00 起无顾客进店", closure.Subject);
            Assert.Equal($"测试门店 X0951（X0951） 营业时间内疑似关门：12-02 12:00 起无顾客进店 {WebhookTests.PublicUrl}/stores/X0951", closure.TextBody!.Trim());
            Assert.Contains($"<a href=\"{WebhookTests.PublicUrl}/stores/X0951\">", closure.HtmlBody);
            Assert.Equal(AlertKinds.StoreLooksClosed, closure.Headers[WebhookMessage.EventHeader]);
            Assert.Contains("west-b@shop.test", system.Mail.Messages.Single(m => m.Message.MessageId == closure.MessageId).To);
            var delivery = await Eventually.Get(async () => (await (await admin.GetAsync($"/api/webhooks/{hook}/deliveries")).Json()).AsArray()
                .Single(d => d!["storeCode"]!.GetValue<string>() == "X0951")!, d => d["deliveredUtc"] is not null, what: "the delivery written");
            Assert.Equal(250, delivery["lastStatus"]!.GetValue<int>());

            // Another store of the region: the region's mailbox hears of it, the first store's own does not.
            await new StoreClosures(system.Database.Database).Write(new StoreClosure("X0952", since, since.AddMinutes(40), 57, 0.3, 0.001));
            await Eventually.Get(() => Task.FromResult(system.Mail.To("west-a@shop.test").Where(m => m.TextBody!.Contains("X0952")).ToList()),
                m => m.Count == 1, what: "the other store's closure mailed to the region");
            var storeMail = await Eventually.Get(() => Task.FromResult(system.Mail.To("x0951@shop.test")), m => m.Count >= 1, what: "the store's own mail");
            Assert.Contains("X0951", storeMail.Single().Subject);
            var ownDeliveries = (await (await admin.GetAsync($"/api/webhooks/{own}/deliveries")).Json()).AsArray();
            Assert.Equal(["X0951"], ownDeliveries.Select(d => d!["storeCode"]!.GetValue<string>()));

            // The address the server refuses: tried 3 times (here), then given up, the server's answer kept as the reason.
            var given = await Eventually.Get(async () => (await (await admin.GetAsync($"/api/webhooks/{dead}/deliveries")).Json()).AsArray()
                .SingleOrDefault(d => d!["storeCode"]!.GetValue<string>() == "X0951"), d => d?["gaveUpUtc"] is not null, what: "the refused mail given up");
            Assert.Equal(3, given!["attempts"]!.GetValue<int>());
            Assert.Equal(550, given["lastStatus"]!.GetValue<int>());
            Assert.StartsWith("SMTP 550 ", given["lastError"]!.GetValue<string>());
            Assert.Empty(system.Mail.To("refused-west@shop.test"));

            // The page lists the endpoint by its recipients and says which server mail goes through.
            var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/webhooks"));
            Assert.Contains("west-a@shop.test, west-b@shop.test", page);
            Assert.Contains($"邮件经 127.0.0.1:{system.Mail.Port} 发出。", page);
            Assert.Contains("门店 X0951", page);
        }
        finally
        {
            await WebhookTests.Remove(admin, hook, dead, own);
        }
    }

    [Fact]
    public void Alerts_due_together_go_as_one_mail_that_says_how_many_and_a_daily_report_as_a_mail_of_its_own()
    {
        var at = new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
        Webhooks.DueDelivery Offline(int i) => new(1, i, 0, "mailto:ops@shop.test,hq@shop.test", "email", "s", AlertKinds.CameraOffline, $"S{i:0000}",
            "上海南京东路旗舰店", "EAST", "Asia/Shanghai", $"CAM-S{i:0000}-E1", null, at);
        var report = Offline(4) with { Kind = AlertKinds.DailyReport, StoreCode = null, CameraCode = null, Report = "华东大区 12-05（周六）日报\n进店 1,234 人\n详情：https://ss.example.cn/traffic?from=2026-12-05&to=2026-12-05&region=EAST#store-benchmark" };
        var due = new[] { Offline(1), Offline(2), Offline(3), report, Offline(5) };

        var groups = WebhookMessage.Groups(due, "https://ss.example.cn", AlertMail.MaxBytes);

        Assert.Equal([[1, 2, 3], [4], [5]], groups.Select(g => g.Select(d => d.EventId).ToArray()));
        var from = MailboxAddress.Parse("SmartStore <smartstore@shop.test>");
        var burst = AlertMail.Compose(groups[0], "https://ss.example.cn", from);
        Assert.Equal("【SmartStore 智慧门店】3 条告警：上海南京东路旗舰店（S0001） 摄像头 CAM-S0001-E1 离线，最后心跳 12-01 10:00 等", burst.Subject);
        var lines = burst.TextBody!.Trim().Split('\n');
        Assert.Equal("3 条告警", lines[0]);
        Assert.Equal("上海南京东路旗舰店（S0003） 摄像头 CAM-S0003-E1 离线，最后心跳 12-01 10:00 https://ss.example.cn/cameras/CAM-S0003-E1", lines[3]);
        Assert.Equal("1,2,3", burst.Headers[WebhookMessage.DeliveryHeader]);
        Assert.Equal(["ops@shop.test", "hq@shop.test"], burst.To.Mailboxes.Select(m => m.Address));
        // Sent again (a lost answer), the same mail id: a mail client drops the repeat.
        Assert.Equal(burst.MessageId, AlertMail.Compose(groups[0], "https://ss.example.cn", from).MessageId);
        Assert.NotEqual(burst.MessageId, AlertMail.Compose(groups[2], "https://ss.example.cn", from).MessageId);

        var daily = AlertMail.Compose(groups[1], "https://ss.example.cn", from);
        Assert.Equal("【SmartStore 智慧门店】华东大区 12-05（周六）日报", daily.Subject);
        // The link's & stays one & in the href (encoded as &amp; in HTML).
        Assert.Contains("<a href=\"https://ss.example.cn/traffic?from=2026-12-05&amp;to=2026-12-05&amp;region=EAST#store-benchmark\">", daily.HtmlBody);
        Assert.Contains("<p style=\"margin:0 0 6px\">进店 1,234 人</p>", daily.HtmlBody);
    }

    [Theory]
    [InlineData("a@shop.test", "mailto:a@shop.test")]
    [InlineData("MAILTO:a@shop.test;b@shop.test", "mailto:a@shop.test,b@shop.test")]
    [InlineData("a@shop.test a@shop.test", "mailto:a@shop.test")]
    [InlineData("店长 <a@shop.test>", null)]
    [InlineData("a@", null)]
    [InlineData("@shop.test", null)]
    [InlineData("a@shop.test,", "mailto:a@shop.test")]
    public void Recipients_are_bare_mail_addresses(string typed, string? stored) => Assert.Equal(stored, AlertMail.Recipients(typed).Address);
}
