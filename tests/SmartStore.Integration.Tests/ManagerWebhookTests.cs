using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SmartStore.Models;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>消息推送 set up by a region's and a store's managers: their own robots and mailboxes, nobody else's.</summary>
[Collection(SystemCollection.Name)]
public sealed class ManagerWebhookTests(SmartStoreSystem system)
{
    [Fact]
    public async Task A_region_manager_sends_their_regions_alerts_to_their_own_group_robot_and_sees_no_one_elses_endpoints()
    {
        using var admin = await system.SignedIn("admin");
        using var east = await system.SignedIn("east");
        await using var robot = new WebhookReceiver();
        await using var headOffice = new WebhookReceiver();
        var (hqJson, _) = await WebhookTests.Add(admin, new { name = "总部系统·华东", url = headOffice.Url, format = "json", regionCode = "EAST" });
        var (hqNorth, _) = await WebhookTests.Add(admin, new { name = "华北群", url = headOffice.Url, format = "text", regionCode = "NORTH" });
        var (hqEast, _) = await WebhookTests.Add(admin, new { name = "华东群（总部设）", url = $"{headOffice.Url}?key=hq-secret-123456", format = "text", regionCode = "EAST" });
        var secret = await AllDayStores.WithCamera(admin, "X0961", "大区推送店", "EAST", "CAM-X0961-E1");
        await AllDayStores.WithCamera(admin, "X0962", "别区推送店", "NORTH", "CAM-X0962-E1");
        int? own = null;
        try
        {
            // Refused, each with its reason: another host than the listed robot services, the chain's own systems' JSON,
            // another region, another region's store, and no scope at all.
            await Refused(east, new { name = "内网", url = "http://10.1.2.3/hook", format = "text", regionCode = "EAST" }, "url", "must be at qyapi.weixin.qq.com");
            await Refused(east, new { name = "系统", url = robot.Url, format = "json", regionCode = "EAST" }, "format", "set up by head office");
            await Refused(east, new { name = "华北", url = robot.Url, format = "text", regionCode = "NORTH" }, "regionCode", "is not one of yours");
            await Refused(east, new { name = "别店", url = robot.Url, format = "text", storeCode = "X0962" }, "storeCode", "is not one of yours");
            await Refused(east, new { name = "全国", url = robot.Url, format = "text" }, "regionCode", "choose your region or one of your stores");

            var created = await east.PostJson("/api/webhooks", new { name = "华东店长群", url = robot.Url, format = "text", regionCode = "EAST",
                kinds = new[] { AlertKinds.CameraOffline } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            own = (await created.Json())["id"]!.GetValue<int>();

            // The region's robots, head office's included; not the JSON endpoint, not another region's.
            var listed = (await (await east.GetAsync("/api/webhooks")).Json()).AsArray().Select(w => w!["id"]!.GetValue<int>()).ToList();
            Assert.Contains(own.Value, listed);
            Assert.Contains(hqEast, listed);
            Assert.DoesNotContain(hqJson, listed);
            Assert.DoesNotContain(hqNorth, listed);
            foreach (var hidden in new[] { hqJson, hqNorth })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await east.DeleteAsync($"/api/webhooks/{hidden}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await east.PostJson($"/api/webhooks/{hidden}/test", new { })).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/api/webhooks/{hidden}/deliveries")).StatusCode);
            }

            // Head office's robot for the region: the manager may test it, but stopping it is head office's.
            Assert.Equal(HttpStatusCode.OK, (await east.PostJson($"/api/webhooks/{hqEast}/test", new { })).StatusCode);
            var kept = await east.DeleteAsync($"/api/webhooks/{hqEast}");
            Assert.Equal(HttpStatusCode.Forbidden, kept.StatusCode);
            Assert.Contains("set up by head office", await kept.Detail());
            var shown = (await (await east.GetAsync("/api/webhooks")).Json()).AsArray();
            var hqEastShown = shown.Single(w => w!["id"]!.GetValue<int>() == hqEast)!;
            Assert.True(hqEastShown["headOffice"]!.GetValue<bool>());
            // … given without its key (a robot's key is its password), which head office still reads whole.
            Assert.Equal($"{headOffice.Url}?key=hq-s…", hqEastShown["url"]!.GetValue<string>());
            Assert.Contains((await (await admin.GetAsync("/api/webhooks")).Json()).AsArray(),
                w => w!["url"]!.GetValue<string>() == $"{headOffice.Url}?key=hq-secret-123456");
            Assert.False(shown.Single(w => w!["id"]!.GetValue<int>() == own)!["headOffice"]!.GetValue<bool>());
            var stopped = await PageForms.PostForm(east, "/admin/webhooks", $"/admin/webhooks?handler=remove&id={hqEast}", []);
            Assert.Contains("该推送由总部设置，只有总部管理员可以停止。", WebUtility.HtmlDecode(await stopped.Content.ReadAsStringAsync()));
            Assert.Contains(hqEast, (await (await east.GetAsync("/api/webhooks")).Json()).AsArray().Select(w => w!["id"]!.GetValue<int>()));

            // The region's camera going silent reaches the manager's own robot.
            using var device = system.Anonymous();
            await MasterDataApiTests.Heartbeat(device, "CAM-X0961-E1", secret);
            await Eventually.Get(() => Task.FromResult(robot.Requests.Where(r => r.Body.Contains("CAM-X0961-E1")).ToList()),
                r => r.Count >= 1, what: "the offline alert at the manager's robot");

            // The page: the region's endpoints, no JSON, no whole chain to choose.
            var page = WebUtility.HtmlDecode(await east.GetStringAsync("/admin/webhooks"));
            Assert.Contains("id=\"webhook-managers\"", page);
            Assert.Contains("华东店长群", page);
            Assert.DoesNotContain("华北群", page);
            Assert.DoesNotContain("value=\"json\"", page);
            Assert.DoesNotContain("<option value=\"\">", page);
            // Head office's robot is marked so, with no remove button; the manager's own has one.
            Assert.Contains("总部设置", page);
            Assert.DoesNotContain("hq-secret-123456", page);
            Assert.False(RemoveButton(page, hqEast));
            Assert.True(RemoveButton(page, own.Value));
        }
        finally
        {
            if (own is { } mine) await WebhookTests.Remove(east, mine);
            await WebhookTests.Remove(admin, hqJson, hqNorth, hqEast);
        }
    }

    [Fact]
    public async Task A_store_manager_sets_up_the_stores_own_robot_and_tests_it()
    {
        using var admin = await system.SignedIn("admin");
        using var store = await system.SignedIn("s0001");
        await using var robot = new WebhookReceiver();
        await Refused(store, new { name = "大区群", url = robot.Url, format = "text", regionCode = "EAST" }, "regionCode", "is not one of yours");
        await Refused(store, new { name = "别店", url = robot.Url, format = "text", storeCode = "S0002" }, "storeCode", "is not one of yours");

        var (mine, _) = await WebhookTests.Add(store, new { name = "南京东路店群", url = robot.Url, format = "text", storeCode = "S0001" });
        try
        {
            var test = await (await store.PostJson($"/api/webhooks/{mine}/test", new { })).Json();
            Assert.True(test["delivered"]!.GetValue<bool>());
            Assert.Contains(robot.Requests, r => r.Kind == "test");
            // The store's manager sees the store's own only; the region's manager sees it too, and head office.
            Assert.Equal([mine], (await (await store.GetAsync("/api/webhooks")).Json()).AsArray().Select(w => w!["id"]!.GetValue<int>()));
            using (var east = await system.SignedIn("east"))
                Assert.Contains((await (await east.GetAsync("/api/webhooks")).Json()).AsArray(), w => w!["id"]!.GetValue<int>() == mine);
            var page = WebUtility.HtmlDecode(await store.GetStringAsync("/admin/webhooks"));
            Assert.Contains("南京东路店群", page);
            Assert.DoesNotContain("name=\"RegionCode\"", page);
            Assert.Contains("value=\"S0001\"", page);
            Assert.Contains("href=\"/admin/webhooks\"", WebUtility.HtmlDecode(await store.GetStringAsync("/m")));
        }
        finally
        {
            await WebhookTests.Remove(store, mine);
        }
        using var analyst = await system.SignedIn("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/admin/webhooks")).StatusCode);
    }

    /// <summary>Whether the page has a remove form for the endpoint.</summary>
    private static bool RemoveButton(string page, int id) => Regex.Matches(page, "action=\"([^\"]*)\"")
        .Any(m => m.Groups[1].Value.Contains("handler=remove", StringComparison.Ordinal) && Regex.IsMatch(m.Groups[1].Value, $"[?&]id={id}(&|$)"));

    private static async Task Refused(HttpClient manager, object body, string field, string reason)
    {
        var response = await manager.PostJson("/api/webhooks", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"{field}\"", detail);
        Assert.Contains(reason, detail);
    }
}
