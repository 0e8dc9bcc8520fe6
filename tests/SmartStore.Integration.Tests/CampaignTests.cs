using System.Net;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Analysis;

namespace SmartStore.Integration.Tests;

/// <summary>
/// 营销活动 on a week of history in PostgreSQL: the campaign's stores against the week before and the same week a year
/// earlier, net of the other stores (the season every store had), like-for-like; the page in both languages; bad input refused.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class CampaignTests(SmartStoreSystem system)
{
    [Fact]
    public async Task A_campaign_is_judged_against_the_days_before_and_last_year_net_of_the_other_stores()
    {
        using var admin = await system.SignedIn("admin");
        foreach (var (code, tag) in new[] { ("X0761", "street"), ("X0762", "street"), ("X0763", "mall"), ("X0764", "street") })
        {
            var created = await admin.PostJson("/api/stores", new { code, name = $"活动测试店 {code}", regionCode = "SOUTH", city = "广州", latitude = 23.1, longitude = 113.3, tags = new[] { tag } });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        // Street stores 10 a day the week before, 15 in the campaign week (+50 %), 12 a year earlier; the mall store 20, 22, 20
        // (+10 %: the season). X0764 opened in the campaign week: counted in its figures, not in the like-for-like change.
        var from = new DateOnly(2024, 5, 10);
        async Task Week(string store, DateOnly start, int perDay)
        {
            for (var d = 0; d < 7; d++) await TrafficHistory.Hour(system.Database.Database, store, start.AddDays(d).ToDateTime(new TimeOnly(12, 0)), perDay, passersBy: 100);
        }
        foreach (var street in new[] { "X0761", "X0762" })
        {
            await Week(street, from.AddDays(-7), 10);
            await Week(street, from, 15);
            await Week(street, from.AddYears(-1), 12);
        }
        await Week("X0763", from.AddDays(-7), 20);
        await Week("X0763", from, 22);
        await Week("X0763", from.AddYears(-1), 20);
        await Week("X0764", from, 100);

        var created2 = await admin.PostJson("/api/campaigns", new { name = "五一后街边店促销", from = "2024-05-10", to = "2024-05-16", regionCode = "SOUTH", storeTag = "street" });
        Assert.Equal(HttpStatusCode.Created, created2.StatusCode);
        var id = (await created2.Json())["id"]!.GetValue<long>();
        var effect = await (await admin.GetAsync($"/api/campaigns/{id}/effect")).Json();
        Assert.Equal("2024-05-16", effect["through"]!.GetValue<string>());
        Assert.Equal(3, effect["inCampaign"]!["stores"]!.GetValue<int>());
        Assert.Equal(1, effect["others"]!["stores"]!.GetValue<int>());
        var before = effect["before"]!;
        Assert.Equal("2024-05-03", before["from"]!.GetValue<string>());
        Assert.Equal(0.5, before["campaignChange"]!.GetValue<double>());
        Assert.Equal(0.1, before["othersChange"]!.GetValue<double>());
        Assert.Equal(0.3636, before["lift"]!.GetValue<double>());
        Assert.Equal(0.1364, effect["lastYear"]!["lift"]!.GetValue<double>());

        // A chain-wide campaign of street stores: a region manager reads it for the stores of theirs only (none counted then).
        var chainWide = (await (await admin.PostJson("/api/campaigns", new { name = "街边店全国促销", from = "2024-05-10", to = "2024-05-16", storeTag = "street" })).Json())["id"]!;
        using var east = await system.SignedIn("east");
        Assert.Equal(3, (await (await admin.GetAsync($"/api/campaigns/{chainWide}/effect")).Json())["inCampaign"]!["stores"]!.GetValue<int>());
        var eastView = await (await east.GetAsync($"/api/campaigns/{chainWide}/effect")).Json();
        Assert.Equal(0, eastView["inCampaign"]!["stores"]!.GetValue<int>());
        Assert.Equal(1, eastView["others"]!["stores"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/api/campaigns/{id}/effect")).StatusCode);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/campaigns?id={id}"));
        Assert.Matches("data-lift=\"before\">\\s*<span class=\"num\">\\+36.4%</span>\\s*<span>活动拉动 · 对比活动前", page);
        Assert.Contains("vs last year", await admin.GetStringAsync($"/campaigns?id={id}&culture=en"));

        // A campaign still to come has nothing to judge yet, and says so.
        var future = await (await admin.PostJson("/api/campaigns", new { name = "明年春节", from = "2099-01-20", to = "2099-02-05" })).Json();
        Assert.Null((await (await admin.GetAsync($"/api/campaigns/{future["id"]}/effect")).Json())["through"]);
        Assert.Contains("活动还未开始", WebUtility.HtmlDecode(await admin.GetStringAsync($"/campaigns?id={future["id"]}")));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/campaigns/{future["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/campaigns/{future["id"]}/effect")).StatusCode);
    }

    [Fact]
    public void A_day_a_door_camera_was_blind_for_a_spell_is_left_out_of_a_campaigns_entries_per_store_day()
    {
        // The campaign's store: 10 a day the week before, 15 a day in the campaign week but for one day its door camera was
        // offline most of (3 counted); the other store 20 a day, then 22.
        var campaign = new Campaign(1, "促销", new DateOnly(2024, 5, 10), new DateOnly(2024, 5, 16), null, null, "admin");
        StoreTotal Total(string code, int days, int entries, int partlyEntries = 0) => new(code, code, "SOUTH", "street", true, days, entries,
            10 * entries, entries, null, PartlyCountedDays: partlyEntries > 0 ? 1 : 0, PartlyCountedTrafficDays: partlyEntries > 0 ? 1 : 0,
            PartlyCountedEntries: partlyEntries, PartlyCountedPassersBy: 10 * partlyEntries);
        var effect = CampaignEffect.Judge(campaign, campaign.To, new HashSet<string> { "A" }, [Total("A", 7, 6 * 15 + 3, partlyEntries: 3), Total("B", 7, 7 * 22)],
            [Total("A", 7, 70), Total("B", 7, 140)], []);
        Assert.Equal((6, 15.0), (effect.InCampaign.StoreDays, effect.InCampaign.EntriesPerStoreDay));
        // +50 % against the others' +10 %, not +33 % from a week with a blind day in it.
        Assert.Equal((0.5, 0.1, 0.3636), (effect.Before!.CampaignChange, effect.Before.OthersChange, effect.Before.Lift));
    }

    [Fact]
    public async Task Bad_campaigns_are_refused_with_their_reasons()
    {
        using var admin = await system.SignedIn("admin");
        using var east = await system.SignedIn("east");
        var bad = await admin.PostJson("/api/campaigns", new { name = "", from = "2026-13-01", to = "2026-12-01", regionCode = "NOPE", storeTag = "castle" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var detail = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "name", "from", "regionCode", "storeTag" }) Assert.Contains($"\"{field}\"", detail);
        Assert.Contains("on or after from", await (await admin.PostJson("/api/campaigns", new { name = "x", from = "2026-12-05", to = "2026-12-01" })).Content.ReadAsStringAsync());
        Assert.Contains("at most 366 days", await (await admin.PostJson("/api/campaigns", new { name = "x", from = "2026-01-01", to = "2027-06-01" })).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PostJson("/api/campaigns", new { name = "全国", from = "2026-12-05", to = "2026-12-06" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PostJson("/api/campaigns", new { name = "华南", from = "2026-12-05", to = "2026-12-06", regionCode = "SOUTH" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await east.PostJson("/api/campaigns", new { name = "华东周末", from = "2026-12-05", to = "2026-12-06", regionCode = "EAST" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/campaigns/987654321")).StatusCode);

        var refused = await PageForms.PostForm(admin, "/campaigns", "/campaigns?handler=Campaign",
            new Dictionary<string, string> { ["name"] = "促销", ["from"] = "2026-12-09", ["to"] = "2026-12-01" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("结束日期不能早于开始日期", html);
        Assert.Contains("<details id=\"add-campaign\" open", html);
    }
}
