using Dapper;
using SmartStore.GrainInterfaces;
using SmartStore.Grains.Traffic;
using SmartStore.Models;

namespace SmartStore.Grains.Tests.Traffic;

/// <summary>
/// 营业时间内疑似关门: a door that stays quiet while so many walk past that an open store would almost surely have had a
/// customer is raised; a slow spell, a quiet street, closed hours and a day without a trustworthy entry rate are not.
/// </summary>
[Collection(LivenessCollection.Name)]
public sealed class ClosureWatchTests(LivenessCluster fixture)
{
    private static readonly DateTime Noon = new(2026, 12, 5, 4, 0, 0, DateTimeKind.Utc);
    /// <summary>The plain rule: the whole day's entry rate, one chance in a hundred (the defaults are stricter; `bench closure`).</summary>
    private static readonly ClosureOptions Plain = new() { Chance = 0.01, RateShare = 1 };

    /// <summary>A morning of 20 customers out of 200 who came by (10 %), the last at noon.</summary>
    private static (ClosureWatch Watch, int Entries, int PassersBy) Morning(ClosureOptions? options = null)
    {
        var watch = new ClosureWatch("S1", options ?? Plain);
        for (var i = 0; i < 20; i++) Assert.Null(watch.Observe(Noon.AddMinutes(i - 20), 1, 9, open: true, i + 1, 9 * (i + 1)));
        return (watch, 20, 180);
    }

    [Fact]
    public void A_door_quiet_for_half_an_hour_while_people_keep_walking_past_looks_closed_until_the_next_customer()
    {
        var (watch, entries, passersBy) = Morning();
        StoreClosure? raised = null;
        // Two people a minute walk past; nobody comes in.
        for (var minute = 1; minute <= 40 && raised is null; minute++)
        {
            passersBy += 2;
            raised = watch.Observe(Noon.AddMinutes(minute), 0, 2, open: true, entries, passersBy);
            if (raised is not null)
            {
                // Half an hour after the last customer: at the morning's 10 % the chance that 58 pass and none comes in is
                // 0.2 %, under 1 in 100. Before half an hour nothing is judged.
                Assert.Equal(29, minute);
            }
        }
        Assert.NotNull(raised);
        Assert.Equal((Noon.AddMinutes(-1), 58, 0.1), (raised!.SinceUtc, raised.PassersBy, raised.EntryRate));
        Assert.InRange(raised.Chance, 0.001, 0.01);
        Assert.Same(raised, watch.Raised);
        Assert.Null(watch.Observe(Noon.AddMinutes(31), 0, 2, open: true, entries, passersBy + 2)); // raised once

        var reopened = watch.Observe(Noon.AddMinutes(50), 1, 0, open: true, entries + 1, passersBy + 2);
        Assert.Equal(Noon.AddMinutes(50), reopened!.ReopenedUtc);
        Assert.Null(watch.Raised);
    }

    [Fact]
    public void By_default_the_rate_is_taken_at_half_and_the_chance_at_one_in_100000_so_more_must_walk_past()
    {
        var (watch, entries, passersBy) = Morning(new ClosureOptions());
        var minute = 0;
        StoreClosure? raised = null;
        while (raised is null && minute < 300)
        {
            minute++;
            passersBy += 2;
            raised = watch.Observe(Noon.AddMinutes(minute), 0, 2, open: true, entries, passersBy);
        }
        // At half the morning's 10 %, (1 − 0.05)^n < 0.00001 takes 225 people: two hours after the last customer, not 29 minutes.
        Assert.Equal((113, 226), (minute, raised!.PassersBy));
        Assert.InRange(raised.Chance, 0.000009, 0.00001);
    }

    [Fact]
    public void A_slow_spell_a_quiet_street_closed_hours_and_an_untrusted_rate_are_not_a_closure()
    {
        // 200 walk past in ten minutes: a burst, but not yet half an hour without a customer.
        var (busy, entries, passersBy) = Morning();
        Assert.Null(busy.Observe(Noon.AddMinutes(10), 0, 200, open: true, entries, passersBy + 200));
        // Half an hour, but only 20 walked by: at 10 % that is a 12 % chance of nobody.
        var (quiet, _, _) = Morning();
        Assert.Null(quiet.Observe(Noon.AddMinutes(40), 0, 20, open: true, entries, passersBy + 20));
        // After closing time a quiet door is expected, and the next spell starts at opening.
        var (closing, _, _) = Morning();
        Assert.Null(closing.Observe(Noon.AddMinutes(60), 0, 300, open: false, entries, passersBy + 300));
        Assert.Null(closing.Observe(Noon.AddMinutes(65), 0, 300, open: true, entries, passersBy + 600));
        // Five customers so far are too few to know the store's entry rate.
        var early = new ClosureWatch("S1", Plain);
        Assert.Null(early.Observe(Noon, 5, 0, open: true, 5, 0));
        Assert.Null(early.Observe(Noon.AddMinutes(60), 0, 500, open: true, 5, 500));
        Assert.Null(early.Raised);
    }

    [Fact]
    public async Task The_store_grain_raises_it_on_its_board_summary_keeps_its_history_and_clears_it_for_the_next_customer()
    {
        var store = fixture.Cluster.GrainFactory.GetGrain<IStoreGrain>(LivenessCluster.ClosingStore);
        // Seconds apart, as this cluster judges a spell of 30 s; all in the store's day.
        var start = DateTime.UtcNow.AddMinutes(-2);
        var midnight = TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai).Date, Shanghai);
        if (start < midnight) start = midnight.AddSeconds(1);
        for (var i = 0; i < 12; i++) await store.RecordTraffic(Door(start.AddSeconds(i), customers: 1, passersBy: 4));
        var quietFrom = start.AddSeconds(11);
        for (var i = 1; i <= 8; i++) await store.RecordTraffic(Door(quietFrom.AddSeconds(5 * i), customers: 0, passersBy: 5));

        var closed = (await store.GetSummary()).LooksClosed;
        Assert.NotNull(closed);
        // At 30 s, 30 had passed: at 12 customers of 60 (20 %) a 0.1 % chance that none of them would come in.
        Assert.Equal((quietFrom, 30), (closed!.SinceUtc, closed.PassersBy));
        await using var connection = await fixture.Database.Database.Open();
        var kept = await connection.QuerySingleAsync<(int PassersBy, DateTime? Reopened)>(
            "SELECT passers_by, reopened_utc FROM store_closures WHERE store_code = @store", new { store = LivenessCluster.ClosingStore });
        Assert.Equal((30, (DateTime?)null), kept);

        await store.RecordTraffic(Door(quietFrom.AddSeconds(60), customers: 1, passersBy: 0));
        Assert.Null((await store.GetSummary()).LooksClosed);
        Assert.NotNull(await connection.ExecuteScalarAsync<DateTime?>(
            "SELECT reopened_utc FROM store_closures WHERE store_code = @store", new { store = LivenessCluster.ClosingStore }));
    }

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static TrafficObservation Door(DateTime atUtc, int customers, int passersBy) => new("CAM-T0010-E1", atUtc,
        Enumerable.Range(0, customers).Select(i => new LineCrossing("CAM-T0010-E1", i, CrossingDirection.In, atUtc, null)).ToList(), passersBy, null);
}
