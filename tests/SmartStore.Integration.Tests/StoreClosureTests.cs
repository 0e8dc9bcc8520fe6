using System.Net;
using SmartStore.GrainInterfaces;
using SmartStore.Models;

namespace SmartStore.Integration.Tests;

/// <summary>
/// 营业时间内疑似关门 in the product: a store whose door stays quiet while people keep walking past is tagged on the HQ
/// board, explained on its page in both languages, flagged in the store benchmark, and back to normal with the next customer.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StoreClosureTests(SmartStoreSystem system)
{
    private const string Store = "X0711";
    private const string Door = "CAM-X0711-E1";
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_store_nobody_enters_while_people_walk_past_is_shown_as_looking_closed_until_a_customer_comes()
    {
        using var admin = await system.SignedIn("admin");
        var weekly = Enumerable.Repeat(new { open = "00:00", close = "23:59:59" }, 7).ToArray();
        var created = await admin.PostJson("/api/stores", new
        {
            code = Store, name = "早关测试店", regionCode = "NORTH", city = "北京", address = "测试路3号", latitude = 39.9, longitude = 116.4,
            tags = new[] { "mall" }, timeZone = "Asia/Shanghai", staffCount = 4, openingHours = new { weekly },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        // Twelve customers of 60 who came by, then 60 seconds (this system judges a spell of 30) in which 40 walk past.
        var store = system.Grains.GetGrain<IStoreGrain>(Store);
        var start = DateTime.UtcNow.AddMinutes(-2);
        var midnight = TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai).Date, Shanghai);
        if (start < midnight) start = midnight.AddSeconds(1);
        for (var i = 0; i < 12; i++) await store.RecordTraffic(Seen(start.AddSeconds(i), customers: 1, passersBy: 4));
        for (var i = 1; i <= 8; i++) await store.RecordTraffic(Seen(start.AddSeconds(11 + 5 * i), customers: 0, passersBy: 5));
        Assert.NotNull((await store.GetSummary()).LooksClosed);

        var board = WebUtility.HtmlDecode(await admin.GetStringAsync("/"));
        Assert.Matches($"data-store=\"{Store}\"[^>]*>\\s*<td><a[^>]*>.*?</a>\\s*<span class=\"tag closed-tag\" title=\"[^\"]+起无顾客进店", board);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/stores/{Store}"));
        Assert.Matches("id=\"looks-closed\".*起无顾客进店，期间 \\d+ 人从门口经过.*概率约为 1/[\\d,]+）", page);
        Assert.Contains("people walked past", await admin.GetStringAsync($"/stores/{Store}?culture=en"));
        Assert.Contains($"data-store=\"{Store}\" data-what=\"looks-closed\"", await admin.GetStringAsync("/m"));
        var standing = (await (await admin.GetAsync($"/api/traffic/stores?store={Store}")).Json())["stores"]![0]!;
        Assert.Contains("looked-closed", standing["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(1, standing["closedDays"]!.GetValue<int>());

        // A customer: open after all. The page lists the spell with the time the customer came.
        await store.RecordTraffic(Seen(start.AddSeconds(80), customers: 1, passersBy: 0));
        var after = WebUtility.HtmlDecode(await admin.GetStringAsync($"/stores/{Store}"));
        Assert.DoesNotContain("id=\"looks-closed\"", after);
        Assert.Contains("有顾客进店。", after);
        Assert.Matches($"data-store=\"{Store}\"[^>]*>\\s*<td><a[^>]*>.*?</a>\\s*<span class=\"tag closed-tag\" hidden=\"hidden\"", WebUtility.HtmlDecode(await admin.GetStringAsync("/")));
    }

    private static TrafficObservation Seen(DateTime atUtc, int customers, int passersBy) => new(Door, atUtc,
        Enumerable.Range(0, customers).Select(i => new LineCrossing(Door, i, CrossingDirection.In, atUtc, null)).ToList(), passersBy, null);
}
