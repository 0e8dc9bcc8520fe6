using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>客流大屏 over a week or a month: each store's figures so far, day by day against the period before.</summary>
[Collection(SystemCollection.Name)]
public sealed class TrafficScreenTests(SmartStoreSystem system)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task This_week_on_a_regions_screen_adds_up_each_stores_days_so_far_against_last_weeks_same_days()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0928", "EAST"))).StatusCode);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai));
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        await TrafficHistory.Hour(system.Database.Database, "X0928", monday.ToDateTime(new TimeOnly(9, 0)), 70, 30);
        await TrafficHistory.Hour(system.Database.Database, "X0928", monday.AddDays(-7).ToDateTime(new TimeOnly(9, 0)), 40, 0);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/screen/traffic?region=EAST&period=week"));
        var data = JsonNode.Parse(Regex.Match(page, "<script id=\"screen-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value)!;
        Assert.Equal("week", data["period"]!.GetValue<string>());
        var store = data["stores"]!.AsArray().Single(s => s!["code"]!.GetValue<string>() == "X0928")!;
        Assert.Equal((70, 30), (store["traffic"]!["entries"]!.GetValue<int>(), store["traffic"]!["passersBy"]!.GetValue<int>()));
        Assert.DoesNotContain(data["stores"]!.AsArray(), s => s!["region"]!.GetValue<string>() != "EAST");
        var days = data["days"]!.AsArray();
        Assert.Equal(today.DayNumber - monday.DayNumber + 1, days.Count);
        Assert.Equal(monday.ToString("MM-dd"), days[0]!["day"]!.GetValue<string>());
        Assert.True(days[0]!["now"]!.GetValue<int>() >= 70 && days[0]!["before"]!.GetValue<int>() >= 40);
        Assert.Contains($"本周 {monday:MM-dd}–{today:MM-dd} · 进店", page);
        Assert.Contains("href=\"?region=EAST&period=month\"", page); // the periods keep the region
        Assert.Contains("href=\"/screen/traffic?period=week\" id=\"screen-all-regions\"", page); // and the way back keeps the period

        // This month: a day a day so far.
        var month = WebUtility.HtmlDecode(await admin.GetStringAsync("/screen/traffic?period=month"));
        var monthData = JsonNode.Parse(Regex.Match(month, "<script id=\"screen-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value)!;
        Assert.Equal(today.Day, monthData["days"]!.AsArray().Count);
    }
}
