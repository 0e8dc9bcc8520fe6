using SmartStore.Models;

namespace SmartStore.Grains.Tests;

public sealed class OpeningHoursCalendarTests
{
    private const string Shanghai = "Asia/Shanghai";

    // 2026-11-23 is a Monday. Shanghai is UTC+8 all year.
    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Open_and_closed_follow_store_local_time()
    {
        var hours = OpeningHours.Daily(new TimeOnly(10, 0), new TimeOnly(22, 0));
        Assert.False(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(23, 1, 59))); // 09:59 local
        Assert.True(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(23, 2, 0)));   // 10:00 local
        Assert.True(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(23, 13, 59))); // 21:59 local
        Assert.False(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(23, 14, 0))); // 22:00 local
    }

    [Fact]
    public void Hours_past_midnight_keep_the_store_open_into_the_next_day()
    {
        var hours = OpeningHours.Daily(new TimeOnly(18, 0), new TimeOnly(2, 0));
        Assert.True(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(23, 17, 30))); // Tue 01:30 local
        Assert.False(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(23, 18, 30))); // Tue 02:30 local
        Assert.True(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(23, 12, 0)));   // Mon 20:00 local
    }

    [Fact]
    public void A_store_closed_for_good_is_closed_every_day_from_its_date_its_last_night_kept()
    {
        // Closed from Wednesday 11-25: a holiday range after it opens nothing; Tuesday's late night ends as it would.
        var late = new OpeningException(new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 30), new DayHours(new TimeOnly(9, 0), new TimeOnly(23, 0)), "sale");
        var hours = OpeningHours.Daily(new TimeOnly(18, 0), new TimeOnly(2, 0)) with { Exceptions = [late], ClosedFrom = new DateOnly(2026, 11, 25) };
        Assert.True(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(24, 12, 0)));   // Tue 20:00 local
        Assert.True(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(24, 17, 30)));  // Wed 01:30 local, Tuesday's night
        Assert.False(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(25, 12, 0)));  // Wed 20:00 local
        Assert.False(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(27, 4, 0)));   // Fri noon, in the sale's range
        Assert.False(hours.ClosedDownBy(new DateOnly(2026, 11, 24)));
        Assert.True(hours.ClosedDownBy(new DateOnly(2026, 11, 25)));
        Assert.Null(hours.SpanOn(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void A_store_being_prepared_is_closed_until_its_opening_day_and_trades_until_it_closes()
    {
        var hours = OpeningHours.Daily(new TimeOnly(10, 0), new TimeOnly(22, 0)) with
        {
            OpensFrom = new DateOnly(2026, 11, 25), ClosedFrom = new DateOnly(2026, 11, 28),
        };
        Assert.False(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(24, 4, 0)));   // Tue noon, the day before it opens
        Assert.True(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(25, 4, 0)));    // Wed noon, its first day
        Assert.Equal(StoreStage.Preparing, hours.StageOn(new DateOnly(2026, 11, 24)));
        Assert.Equal(StoreStage.Trading, hours.StageOn(new DateOnly(2026, 11, 27)));
        Assert.Equal(StoreStage.ClosedDown, hours.StageOn(new DateOnly(2026, 11, 28)));
    }

    [Fact]
    public void A_date_range_exception_replaces_the_weekly_hours()
    {
        var refit = new OpeningException(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24),
            new DayHours(TimeOnly.MinValue, TimeOnly.MinValue, Closed: true), "refit");
        var hours = OpeningHours.Daily(new TimeOnly(10, 0), new TimeOnly(22, 0)) with { Exceptions = [refit] };
        Assert.False(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(23, 4, 0)));  // Mon noon, closed for refit
        Assert.True(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(25, 4, 0)));   // Wed noon, open again
    }

    [Fact]
    public void A_seasons_hours_apply_on_the_weekdays_it_names_and_a_range_without_days_on_every_day()
    {
        // 11-23 to 12-06: weekdays 10:00–18:00 and Saturdays 12:30–14:30 (seed 001's store page); Sundays keep the week's 10–22.
        var weekdays = new OpeningException(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 6), new DayHours(new TimeOnly(10, 0), new TimeOnly(18, 0)),
            "冬季", Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday);
        var saturdays = new OpeningException(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 6), new DayHours(new TimeOnly(12, 30), new TimeOnly(14, 30)),
            "冬季", Weekdays.Saturday);
        var hours = OpeningHours.Daily(new TimeOnly(10, 0), new TimeOnly(22, 0)) with { Exceptions = [weekdays, saturdays] };
        Assert.False(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(25, 11, 0)));  // Wed 19:00, closed at 18:00 this season
        Assert.True(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(28, 5, 0)));   // Sat 13:00
        Assert.False(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(28, 7, 0)));  // Sat 15:00
        Assert.True(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(29, 12, 0)));  // Sun 20:00: no range for Sundays
        Assert.Equal(new DayHours(new TimeOnly(10, 0), new TimeOnly(22, 0)), hours.On(new DateOnly(2026, 12, 7))); // after the season

        // A range kept before ranges had days (none stored) covers every day, as it did.
        var refit = weekdays with { Days = Weekdays.None, Hours = new DayHours(TimeOnly.MinValue, TimeOnly.MinValue, Closed: true) };
        Assert.True(refit.Covers(new DateOnly(2026, 11, 29)));
        Assert.False(refit.Covers(new DateOnly(2026, 12, 7)));
    }

    [Fact]
    public void A_dates_open_span_ends_the_next_day_when_it_closes_after_midnight()
    {
        var monday = new DateOnly(2026, 11, 23);
        var weekly = new[]
        {
            new DayHours(new TimeOnly(10, 0), new TimeOnly(22, 0)), new DayHours(new TimeOnly(18, 0), new TimeOnly(2, 0)),
            new DayHours(new TimeOnly(9, 0), TimeOnly.MaxValue), new DayHours(TimeOnly.MinValue, TimeOnly.MinValue, Closed: true),
            new DayHours(new TimeOnly(10, 0), new TimeOnly(10, 0)), new DayHours(new TimeOnly(10, 0), new TimeOnly(22, 0)),
            new DayHours(new TimeOnly(10, 0), new TimeOnly(22, 0)),
        };
        var hours = new OpeningHours(weekly, []);
        Assert.Equal((monday.ToDateTime(new TimeOnly(10, 0)), monday.ToDateTime(new TimeOnly(22, 0))), hours.SpanOn(monday));
        Assert.Equal((new DateTime(2026, 11, 24, 18, 0, 0), new DateTime(2026, 11, 25, 2, 0, 0)), hours.SpanOn(monday.AddDays(1)));
        Assert.Equal((new DateTime(2026, 11, 25, 9, 0, 0), new DateTime(2026, 11, 26, 0, 0, 0)), hours.SpanOn(monday.AddDays(2))); // 24:00
        Assert.Null(hours.SpanOn(monday.AddDays(3)));
        Assert.Null(hours.SpanOn(monday.AddDays(4))); // opens and closes at once: never open, as IsOpenAt says
        Assert.False(hours.IsOpenAt(new DateTime(2026, 11, 27, 10, 0, 0)));
    }

    [Fact]
    public void A_span_is_open_when_any_of_it_is_the_night_after_a_late_closing_day_included()
    {
        // Monday 10:00–22:00, Tuesday 18:00–02:00, Wednesday closed.
        var closed = new DayHours(TimeOnly.MinValue, TimeOnly.MinValue, Closed: true);
        var weekly = new[] { new DayHours(new TimeOnly(10, 0), new TimeOnly(22, 0)), new DayHours(new TimeOnly(18, 0), new TimeOnly(2, 0)), closed, closed, closed, closed, closed };
        var hours = new OpeningHours(weekly, []);
        DateTime At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0);
        Assert.False(hours.IsOpenDuring(At(23, 8, 0), At(23, 9, 45)));
        Assert.True(hours.IsOpenDuring(At(23, 9, 45), At(23, 11, 15)));   // the hour before opening, with a quarter hour's grace
        Assert.True(hours.IsOpenDuring(At(23, 21, 45), At(23, 23, 15)));  // the hour from closing, with the grace before it
        Assert.False(hours.IsOpenDuring(At(23, 22, 15), At(23, 23, 0)));
        Assert.True(hours.IsOpenDuring(At(25, 1, 0), At(25, 1, 30)));     // Wednesday night: Tuesday's day, closing at 02:00
        Assert.False(hours.IsOpenDuring(At(25, 3, 0), At(25, 4, 0)));
        Assert.Equal(hours.IsOpenAt(At(23, 10, 0)), hours.IsOpenDuring(At(23, 10, 0), At(23, 10, 0)));
        Assert.Equal(hours.IsOpenAt(At(23, 22, 0)), hours.IsOpenDuring(At(23, 22, 0), At(23, 22, 0)));
    }

    [Fact]
    public void Weekday_index_is_monday_first()
    {
        var weekly = Enumerable.Range(0, 7).Select(i => new DayHours(new TimeOnly(10, 0), new TimeOnly(22, 0), Closed: i == 6)).ToArray();
        var hours = new OpeningHours(weekly, []);
        Assert.False(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(29, 4, 0))); // Sunday
        Assert.True(OpeningHoursCalendar.IsOpen(hours, Shanghai, Utc(28, 4, 0)));  // Saturday
    }

    [Fact]
    public void Head_offices_entry_replaces_its_earlier_version_keeps_other_rows_and_is_withdrawn_by_reason_dates_and_weekdays()
    {
        var closed = new DayHours(TimeOnly.MinValue, TimeOnly.MinValue, Closed: true);
        var own = new OpeningException(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28), new DayHours(new TimeOnly(9, 0), new TimeOnly(21, 0)), "装修");
        // Kept before weekdays existed: no days stored, which is every day.
        var legacy = new OpeningException(new DateOnly(2027, 2, 10), new DateOnly(2027, 2, 12), new DayHours(new TimeOnly(10, 0), new TimeOnly(16, 0)), "春节", Weekdays.None);
        var hours = OpeningHours.Daily(new TimeOnly(10, 0), new TimeOnly(22, 0)) with { Exceptions = [legacy, own] };

        var holiday = legacy with { Hours = closed, Days = Weekdays.Every };
        var set = hours.Setting(holiday);
        Assert.Equal([own, holiday], set.Exceptions);
        Assert.True(set.On(new DateOnly(2027, 2, 11)).Closed); // the entry goes last, so it wins over the refit's row
        var sundays = holiday with { Days = Weekdays.Sunday, Hours = new DayHours(new TimeOnly(12, 0), new TimeOnly(18, 0)) };
        Assert.Equal(3, set.Setting(sundays).Exceptions.Count);

        Assert.Equal([own], set.Withdrawing(legacy)!.Exceptions);
        Assert.Null(set.Withdrawing(sundays));
    }
}

public sealed class PatrolScheduleTests
{
    private static readonly CameraPreset[] Presets =
        [new(3, "饮料", 1), new(1, "乳品", 2), new(7, "收银台", 3), new(2, "促销堆头", 4)];

    [Fact]
    public void Presets_follow_patrol_order_with_a_dwell_each_and_rest_between_patrols()
    {
        var schedule = new PatrolSchedule(Presets, cadenceMinutes: 10);
        var start = new DateTime(2026, 11, 23, 14, 20, 0); // a patrol starts every 10 minutes from midnight
        Assert.Equal(3, schedule.PresetAt(start));
        Assert.Equal(3, schedule.PresetAt(start.AddSeconds(29)));
        Assert.Equal(1, schedule.PresetAt(start.AddSeconds(30)));
        Assert.Equal(7, schedule.PresetAt(start.AddSeconds(65)));
        Assert.Equal(2, schedule.PresetAt(start.AddSeconds(119)));
        Assert.Null(schedule.PresetAt(start.AddSeconds(120)));
        Assert.Equal(3, schedule.PresetAt(start.AddMinutes(10)));
    }

    [Fact]
    public void A_camera_without_presets_has_no_patrol()
    {
        Assert.Null(new PatrolSchedule([], 10).PresetAt(DateTime.Now));
    }
}
