using SmartStore.Grains.Traffic;
using SmartStore.Models;
using static SmartStore.Grains.Tests.Traffic.TrafficScenes;

namespace SmartStore.Grains.Tests.Traffic;

public sealed class StoreFootfallTests
{
    // China time: UTC+8, so 02:00 UTC is 10:00 in the store.
    internal static StoreFootfall Footfall(FootfallOptions? options = null) =>
        new("S-T", options ?? new FootfallOptions(), utc => utc.AddHours(8));

    internal static TrafficObservation Crossing(DateTime at, CrossingDirection direction, float[]? look, int passersBy = 0) =>
        new("CAM-T", at, [new LineCrossing("CAM-T", 1, direction, at, look)], passersBy, null);

    [Fact]
    public void Re_entry_within_the_window_is_a_repeat_and_beyond_it_a_new_visit()
    {
        var footfall = Footfall();
        footfall.Record(Crossing(Start, CrossingDirection.In, Look(1)));
        footfall.Record(Crossing(Start.AddMinutes(10), CrossingDirection.In, Look(1, 0.1f)));
        footfall.Record(Crossing(Start.AddMinutes(50), CrossingDirection.In, Look(1)));
        footfall.Record(Crossing(Start.AddMinutes(51), CrossingDirection.In, Look(2)));

        var today = footfall.Today(Start.AddMinutes(51));
        Assert.Equal(4, today.Entries);
        Assert.Equal(1, today.Repeats);
        Assert.Equal(3, today.UniqueVisitors);
    }

    [Fact]
    public void Exit_matched_to_entry_gives_dwell_and_entry_rate_counts_passers_by()
    {
        var footfall = Footfall();
        footfall.Record(Crossing(Start, CrossingDirection.In, Look(1), passersBy: 3));
        footfall.Record(Crossing(Start.AddMinutes(4), CrossingDirection.Out, Look(1)));

        var today = footfall.Today(Start.AddMinutes(5));
        Assert.Equal(1, today.Exits);
        Assert.Equal(240, today.AverageDwellSeconds);
        Assert.Equal(0.25, today.EntryRate);
        var hour = Assert.Single(footfall.Hours());
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), hour.HourLocal);
        Assert.Equal(1, hour.DwellBuckets[1]);
        Assert.Equal(1, hour.Demographics["age:unknown"]);
    }

    [Fact]
    public void Someone_crossing_more_than_K_times_is_staff_and_their_entries_move_to_staff()
    {
        var footfall = Footfall(new FootfallOptions { StaffCrossingsPerDay = 3, RepeatWindow = TimeSpan.FromMinutes(1) });
        for (var i = 0; i < 5; i++) footfall.Record(Crossing(Start.AddMinutes(10 * i), CrossingDirection.In, Look(7)));
        footfall.Record(Crossing(Start.AddMinutes(55), CrossingDirection.In, Look(8)));

        var today = footfall.Today(Start.AddMinutes(55));
        Assert.Equal(5, today.Staff);
        Assert.Equal(1, today.Entries);
        Assert.Equal(1, today.UniqueVisitors);
    }

    [Fact]
    public void While_the_store_is_closed_by_its_hours_entries_and_passers_by_are_kept_apart_and_the_staff_rule_still_sees_them()
    {
        // Open 10:00–22:00 store time (UTC+8) with 15 minutes' grace, as the store grain asks it.
        var hours = OpeningHours.Daily(new TimeOnly(10, 0), new TimeOnly(22, 0));
        var grace = TimeSpan.FromMinutes(15);
        bool Open(DateTime utc) => hours.IsOpenAt(utc.AddHours(8) - grace) || hours.IsOpenAt(utc.AddHours(8) + grace);
        var footfall = new StoreFootfall("S-T", new FootfallOptions { StaffCrossingsPerDay = 3 }, utc => utc.AddHours(8), Open);
        var morning = Start.AddHours(-2);                                                    // 08:00
        footfall.Record(Crossing(morning, CrossingDirection.In, Look(1), passersBy: 6));
        footfall.Record(Crossing(Start.AddMinutes(-10), CrossingDirection.In, Look(2)));    // 09:50: let in early
        footfall.Record(Crossing(Start.AddHours(12).AddMinutes(10), CrossingDirection.In, Look(3), passersBy: 2)); // 22:10
        footfall.Record(Crossing(Start.AddHours(12).AddMinutes(40), CrossingDirection.In, Look(4), passersBy: 5)); // 22:40

        Assert.Equal(1, footfall.Today(Start.AddHours(12).AddMinutes(10)).Occupancy);   // open: entries less exits, the 09:50 visit long over
        var day = footfall.Today(Start.AddHours(13));
        Assert.Equal((2, 2, 2, 11), (day.Entries, day.OffHoursEntries, day.PassersBy, day.OffHoursPassersBy));
        Assert.Equal(0, day.Occupancy);                                                    // 23:00, closed: nobody's exit was seen, nobody is inside
        Assert.Equal(0.5, day.EntryRate);
        var eight = footfall.Hours().Single(h => h.HourLocal.Hour == 8).Counters;
        Assert.Equal((0, 1, 0, 6), (eight.Entries, eight.OffHoursEntries, eight.PassersBy, eight.OffHoursPassersBy));

        // The one who came in at 08:00 comes in three more times in the day: the fourth time is one more than a customer's
        // three, so staff, the two entries counted since moving to staff; the 08:00 one stays off-hours.
        for (var i = 1; i <= 3; i++) footfall.Record(Crossing(Start.AddHours(i), CrossingDirection.In, Look(1)));
        var later = footfall.Today(Start.AddHours(13));
        Assert.Equal((2, 3, 2), (later.Entries, later.Staff, later.OffHoursEntries));
    }

    [Fact]
    public void Going_out_while_the_store_is_closed_is_no_customer_s_exit_unless_they_came_in_as_one()
    {
        // Open 10:00–22:00 store time (UTC+8) with 15 minutes' grace.
        var hours = OpeningHours.Daily(new TimeOnly(10, 0), new TimeOnly(22, 0));
        var grace = TimeSpan.FromMinutes(15);
        bool Open(DateTime utc) => hours.IsOpenAt(utc.AddHours(8) - grace) || hours.IsOpenAt(utc.AddHours(8) + grace);
        var footfall = new StoreFootfall("S-T", new FootfallOptions(), utc => utc.AddHours(8), Open);
        footfall.Record(Crossing(Start.AddHours(-2), CrossingDirection.In, Look(1)));                 // 08:00 a cleaner comes in
        footfall.Record(Crossing(Start.AddHours(-1), CrossingDirection.Out, Look(1)));                // 09:00 and goes
        footfall.Record(Crossing(Start.AddHours(11).AddMinutes(50), CrossingDirection.In, Look(2)));  // 21:50 a customer
        footfall.Record(Crossing(Start.AddHours(12).AddMinutes(30), CrossingDirection.Out, Look(2))); // 22:30 leaves late
        footfall.Record(Crossing(Start.AddHours(12).AddMinutes(45), CrossingDirection.Out, Look(3))); // 22:45 staff going home

        var day = footfall.Today(Start.AddHours(13));
        Assert.Equal((1, 1), (day.Entries, day.Exits));                    // the customer's own exit, after closing time
        Assert.Equal((1, 2), (day.OffHoursEntries, day.OffHoursExits));
        Assert.Equal(1, day.DwellCount);
        var nine = footfall.Hours().Single(h => h.HourLocal.Hour == 9).Counters;
        Assert.Equal((0, 1), (nine.Exits, nine.OffHoursExits));
    }

    [Fact]
    public void Someone_who_came_in_before_opening_takes_no_customer_out_when_they_leave_after_it()
    {
        // Open 10:00–22:00 store time (UTC+8).
        var footfall = new StoreFootfall("S-T", new FootfallOptions(), utc => utc.AddHours(8), utc => utc.AddHours(8).Hour is >= 10 and < 22);
        var opening = TrafficScenes.Start;   // 10:00
        footfall.Record(Crossing(opening.AddHours(-2), CrossingDirection.In, Look(1)));       // 08:00 a cleaner comes in
        footfall.Record(Crossing(opening.AddMinutes(5), CrossingDirection.In, Look(2)));      // 10:05 a customer
        footfall.Record(Crossing(opening.AddMinutes(30), CrossingDirection.Out, Look(1)));    // 10:30 the cleaner goes
        footfall.Record(Crossing(opening.AddMinutes(40), CrossingDirection.Out, Look(3)));    // 10:40 someone never seen coming in

        var day = footfall.Today(opening.AddMinutes(45));
        Assert.Equal((1, 1), (day.Entries, day.OffHoursEntries));
        Assert.Equal((1, 1), (day.Exits, day.OffHoursExits));   // the cleaner's exit is theirs; the stranger's, in hours, a customer's
        Assert.Equal(0, day.DwellCount);                        // nobody who came in as a customer has gone

        // Once gone, the cleaner is not matched again: the customer's own exit closes the customer's visit.
        footfall.Record(Crossing(opening.AddMinutes(50), CrossingDirection.Out, Look(2)));
        var later = footfall.Today(opening.AddMinutes(55));
        Assert.Equal((2, 1, 1), (later.Exits, later.OffHoursExits, later.DwellCount));
    }

    [Fact]
    public void An_entry_whose_exit_went_unseen_is_not_closed_by_a_look_alike_leaving_hours_later()
    {
        // Open 10:00–22:00 store time (UTC+8).
        var footfall = new StoreFootfall("S-T", new FootfallOptions(), utc => utc.AddHours(8), utc => utc.AddHours(8).Hour is >= 10 and < 22);
        var opening = TrafficScenes.Start;   // 10:00
        footfall.Record(Crossing(opening.AddHours(-3), CrossingDirection.In, Look(1)));          // 07:00 a cleaner comes in, leaves unseen
        footfall.Record(Crossing(opening.AddMinutes(5), CrossingDirection.In, Look(2)));         // 10:05 a customer, leaves unseen
        footfall.Record(Crossing(opening.AddHours(6), CrossingDirection.Out, Look(1, 0.1f)));    // 16:00 a look-alike of the cleaner
        footfall.Record(Crossing(opening.AddHours(7), CrossingDirection.Out, Look(2, 0.1f)));    // 17:00 a look-alike of the customer

        var day = footfall.Today(opening.AddHours(7));
        // Both are customers going out in the store's hours: no off-hours exit, and no visit of six or seven hours.
        Assert.Equal((2, 0, 0), (day.Exits, day.OffHoursExits, day.DwellCount));

        // Within the bound the same person still closes their own visit: in at 17:30, out at 20:00.
        footfall.Record(Crossing(opening.AddHours(7.5), CrossingDirection.In, Look(3)));
        footfall.Record(Crossing(opening.AddHours(10), CrossingDirection.Out, Look(3, 0.1f)));
        var evening = footfall.Today(opening.AddHours(10));
        Assert.Equal((1, 150 * 60.0), (evening.DwellCount, evening.AverageDwellSeconds));
    }

    [Fact]
    public void Enrolled_staff_never_count_as_customers()
    {
        var footfall = Footfall();
        footfall.EnrolStaff([Look(9)]);
        footfall.Record(Crossing(Start, CrossingDirection.In, Look(9, 0.05f)));
        footfall.Record(Crossing(Start.AddMinutes(1), CrossingDirection.In, Look(10)));
        var today = footfall.Today(Start.AddMinutes(1));
        Assert.Equal(1, today.Staff);
        Assert.Equal(1, today.Entries);
    }

    [Fact]
    public void Counts_go_to_store_local_hours_and_a_new_day_starts_from_zero()
    {
        var footfall = Footfall();
        footfall.Record(Crossing(Start, CrossingDirection.In, Look(1)));
        footfall.Record(Crossing(Start.AddHours(1), CrossingDirection.In, Look(2)));
        Assert.Equal(2, footfall.Hours().Count);
        Assert.Equal(2, footfall.TakeChangedHours().Count);
        Assert.Empty(footfall.TakeChangedHours());
        // 16:00 UTC is midnight in the store.
        Assert.Equal(0, footfall.Today(Start.Date.AddHours(16).AddMinutes(1)).Entries);
    }

    [Fact]
    public void Visitors_written_just_after_midnight_are_filed_under_the_day_they_came()
    {
        var footfall = Footfall();
        var midnight = Start.Date.AddHours(16); // 00:00 on 24 November in the store
        footfall.Record(Crossing(midnight.AddSeconds(-2), CrossingDirection.In, Look(1)));
        footfall.Record(Crossing(midnight.AddSeconds(3), CrossingDirection.In, Look(2)));

        var byDay = footfall.TakeChangedVisitors();
        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)], byDay.Select(d => d.Day));
        Assert.All(byDay, d => Assert.Single(d.Visitors));
        Assert.Empty(footfall.TakeChangedVisitors());
    }
}

public sealed class StoreOccupancyTests
{
    [Fact]
    public void Occupancy_adds_the_latest_count_of_each_interior_camera_and_the_hour_keeps_average_and_peak()
    {
        var footfall = StoreFootfallTests.Footfall();
        var start = TrafficScenes.Start;
        footfall.Record(new TrafficObservation("CAM-A", start, [], 0, 4));
        footfall.Record(new TrafficObservation("CAM-B", start.AddSeconds(1), [], 0, 2));
        footfall.Record(new TrafficObservation("CAM-A", start.AddSeconds(2), [], 0, 1));

        Assert.Equal(3, footfall.Today(start.AddSeconds(3)).Occupancy);
        var hour = Assert.Single(footfall.Hours());
        // Samples: 4 (A), 6 (A+B), 3 (A updated + B).
        Assert.Equal(6, hour.Counters.MaxOccupancy);
        Assert.Equal(13, hour.OccupancySum);
        Assert.Equal(4, hour.Counters.Occupancy);
    }

    [Fact]
    public void Without_interior_cameras_occupancy_is_entries_minus_exits()
    {
        var footfall = StoreFootfallTests.Footfall();
        var at = TrafficScenes.Start;
        footfall.Record(new TrafficObservation("CAM-E", at, [new LineCrossing("CAM-E", 1, CrossingDirection.In, at, null),
            new LineCrossing("CAM-E", 2, CrossingDirection.In, at, null), new LineCrossing("CAM-E", 3, CrossingDirection.Out, at, null)], 0, null));
        Assert.Equal(1, footfall.Today(at).Occupancy);
    }

    [Fact]
    public void A_door_that_misses_people_going_out_does_not_fill_the_store_beyond_the_longest_visit()
    {
        var footfall = StoreFootfallTests.Footfall();   // longest visit 1 hour
        var start = TrafficScenes.Start;                // 10:00 store time
        for (var i = 0; i < 30; i++) footfall.Record(Door(start.AddMinutes(i), CrossingDirection.In));   // 10:00–10:29, no exit seen

        Assert.Equal(30, footfall.Today(start.AddMinutes(30)).Occupancy);
        Assert.Equal(15, footfall.Today(start.AddMinutes(75)).Occupancy);   // 11:15: those who came in at 10:15-10:29
        Assert.Equal(0, footfall.Today(start.AddMinutes(90)).Occupancy);    // 11:30: all of them came in over an hour ago
        Assert.Equal(0, footfall.Today(start.AddHours(2)).Occupancy);
        Assert.Equal(30, footfall.Today(start.AddHours(2)).Entries);

        // Exits counted: entries less exits is the smaller, and stands.
        for (var i = 0; i < 28; i++) footfall.Record(Door(start.AddHours(2).AddMinutes(i), CrossingDirection.In));
        for (var i = 0; i < 54; i++) footfall.Record(Door(start.AddHours(2).AddMinutes(30), CrossingDirection.Out));
        Assert.Equal(4, footfall.Today(start.AddHours(2).AddMinutes(31)).Occupancy);
    }

    [Fact]
    public void A_store_grain_woken_mid_day_prorates_its_restored_hours_until_it_has_seen_a_longest_visit_of_entries()
    {
        var footfall = StoreFootfallTests.Footfall();
        var start = TrafficScenes.Start;                // 10:00 store time
        footfall.Restore([new TrafficHour("S-T", start.AddHours(8), start, TrafficCounters.Zero with { Entries = 30 }, 0, 0, [],
            new Dictionary<string, int>())]);
        footfall.Record(Door(start.AddHours(1), CrossingDirection.In));   // 11:00, the first crossing it sees itself

        // 11:30: half of the restored 10:00 hour (when in it is not known) and the 11:00 entry.
        Assert.Equal(16, footfall.Today(start.AddMinutes(90)).Occupancy);
        // 12:30: its own entries cover the last hour, each with its time — the 11:00 entry is over an hour ago.
        footfall.Record(Door(start.AddMinutes(130), CrossingDirection.In));
        Assert.Equal(1, footfall.Today(start.AddMinutes(150)).Occupancy);
    }

    [Fact]
    public void Someone_found_to_be_staff_no_longer_counts_among_the_recent_entries()
    {
        var footfall = StoreFootfallTests.Footfall(new FootfallOptions { StaffCrossingsPerDay = 3 });
        var start = TrafficScenes.Start;
        for (var i = 0; i < 3; i++) footfall.Record(Door(start, CrossingDirection.In));   // 10:00, no exit seen
        float[] clerk = [1, 0, 0];
        for (var i = 0; i < 4; i++) footfall.Record(StoreFootfallTests.Crossing(start.AddMinutes(70 + i), CrossingDirection.In, clerk));

        var now = start.AddMinutes(75);   // 11:15: the three customers came in over an hour ago; the clerk's entries are staff's
        Assert.Equal(3, footfall.Today(now).Entries);
        Assert.Equal(0, footfall.Today(now).Occupancy);
    }

    [Fact]
    public void A_store_open_past_midnight_keeps_its_evening_customers_after_midnight()
    {
        // Open 20:00–02:00 store time (UTC+8).
        var footfall = new StoreFootfall("S-T", new FootfallOptions(), utc => utc.AddHours(8), utc => utc.AddHours(8).Hour is >= 20 or < 2);
        var evening = TrafficScenes.Start.AddHours(13).AddMinutes(40);   // 23:40
        for (var i = 0; i < 10; i++) footfall.Record(Door(evening, CrossingDirection.In));
        for (var i = 0; i < 3; i++) footfall.Record(Door(evening.AddMinutes(30), CrossingDirection.Out));   // 00:10

        var afterMidnight = evening.AddMinutes(40);   // 00:20: ten came in before midnight, three went out after it
        Assert.Equal(0, footfall.Today(afterMidnight).Entries);
        Assert.Equal(7, footfall.Today(afterMidnight).Occupancy);
        Assert.Equal(0, footfall.Today(evening.AddMinutes(65)).Occupancy);   // 00:45: they all came in over an hour ago
    }

    [Fact]
    public void Cleaners_leaving_before_opening_do_not_take_customers_out()
    {
        // Open 10:00–22:00 store time.
        var footfall = new StoreFootfall("S-T", new FootfallOptions(), utc => utc.AddHours(8), utc => utc.AddHours(8).Hour is >= 10 and < 22);
        var opening = TrafficScenes.Start;   // 10:00
        for (var i = 0; i < 3; i++) footfall.Record(Door(opening.AddMinutes(-90), CrossingDirection.Out));   // 08:30
        for (var i = 0; i < 5; i++) footfall.Record(Door(opening.AddMinutes(5), CrossingDirection.In));

        var now = opening.AddMinutes(30);
        Assert.Equal((0, 3), (footfall.Today(now).Exits, footfall.Today(now).OffHoursExits));   // theirs are off-hours exits
        Assert.Equal(5, footfall.Today(now).Occupancy);
    }

    private static TrafficObservation Door(DateTime at, CrossingDirection direction) =>
        new("CAM-E", at, [new LineCrossing("CAM-E", 1, direction, at, null)], 0, null);

    [Fact]
    public void An_interior_camera_that_stopped_reporting_no_longer_adds_its_last_count()
    {
        var footfall = StoreFootfallTests.Footfall();
        var start = TrafficScenes.Start;
        footfall.Record(new TrafficObservation("CAM-A", start, [], 0, 4));
        footfall.Record(new TrafficObservation("CAM-B", start.AddMinutes(10), [], 0, 2));
        Assert.Equal(2, footfall.Today(start.AddMinutes(10)).Occupancy);
    }
}
