using SmartStore.Grains.Inspections;
using SmartStore.Models;

namespace SmartStore.Grains.Tests;

/// <summary>Which pictures of a 定时抓拍 task are due: by each store's own clock, weekdays and opening hours.</summary>
public sealed class InspectionCalendarTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly OpeningHours NineToNine = OpeningHours.Daily(new TimeOnly(9, 0), new TimeOnly(21, 0));

    private static InspectionTask DoorCheck(int hour, Weekdays days = Weekdays.Every) =>
        new(7, "门口叫卖检查", new TimeOnly(hour, 0), days, CameraKind.Entrance, null, null, true, "east", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private static InspectionTarget Shop(string code, string zone = "Asia/Shanghai", OpeningHours? hours = null) =>
        new(code, $"CAM-{code}-E1", zone, hours ?? NineToNine);

    [Fact]
    public void A_picture_is_due_from_the_stores_local_time_until_the_window_closes()
    {
        // 10:00 in Shanghai is 02:00 UTC (Saturday 5 December 2026).
        var target = new[] { Shop("S1") };
        Assert.Empty(InspectionCalendar.Due(DoorCheck(10), target, Utc(1, 59), Window));
        var due = Assert.Single(InspectionCalendar.Due(DoorCheck(10), target, Utc(2, 0), Window));
        Assert.Equal(new InspectionDue(7, "S1", "CAM-S1-E1", new DateOnly(2026, 12, 5), Utc(2, 0)), due);
        Assert.Single(InspectionCalendar.Due(DoorCheck(10), target, Utc(2, 14), Window));
        Assert.Empty(InspectionCalendar.Due(DoorCheck(10), target, Utc(2, 15), Window));
    }

    [Fact]
    public void Each_store_keeps_its_own_clock()
    {
        var targets = new[] { Shop("SH"), Shop("UR", "Asia/Urumqi") };
        // 02:05 UTC is 10:05 in Shanghai and 08:05 in Urumqi.
        Assert.Equal(["SH"], InspectionCalendar.Due(DoorCheck(10), targets, Utc(2, 5), Window).Select(d => d.StoreCode));
        Assert.Equal(["UR"], InspectionCalendar.Due(DoorCheck(10), targets, Utc(4, 5), Window).Select(d => d.StoreCode));
    }

    [Fact]
    public void Not_on_a_day_the_task_skips_nor_while_the_store_is_closed()
    {
        var target = new[] { Shop("S1") };
        Assert.Empty(InspectionCalendar.Due(DoorCheck(10, Weekdays.Every & ~Weekdays.Saturday), target, Utc(2, 1), Window));
        Assert.Single(InspectionCalendar.Due(DoorCheck(10, Weekdays.Saturday), target, Utc(2, 1), Window));
        // 08:00 local: the door check before opening would only show the shutter.
        Assert.Empty(InspectionCalendar.Due(DoorCheck(8), target, Utc(0, 1), Window));
        var refit = NineToNine with { Exceptions = [new OpeningException(new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 6), new DayHours(default, default, Closed: true), "refit")] };
        Assert.Empty(InspectionCalendar.Due(DoorCheck(10), [Shop("S1", hours: refit)], Utc(2, 1), Window));
    }

    [Fact]
    public void A_check_late_in_the_evening_is_still_due_after_midnight_and_one_in_a_skipped_hour_an_hour_later()
    {
        var lateNight = new InspectionTask(8, "闭店检查", new TimeOnly(23, 55), Weekdays.Saturday, CameraKind.Entrance, null, null, true, "east", default);
        var allDay = new[] { Shop("S1", hours: OpeningHours.AlwaysOpen) };
        // 16:05 UTC on Saturday 5 December is 00:05 on Sunday in Shanghai: Saturday's 23:55 check, ten minutes ago.
        var due = Assert.Single(InspectionCalendar.Due(lateNight, allDay, Utc(16, 5), Window));
        Assert.Equal(new DateOnly(2026, 12, 5), due.DayLocal);

        // Berlin skips 02:00–03:00 on 29 March 2026: a 02:30 check falls due at 03:30 local, 01:30 UTC, and is found then.
        var early = new InspectionTask(9, "夜间检查", new TimeOnly(2, 30), Weekdays.Every, CameraKind.Entrance, null, null, true, "hq", default);
        var berlin = new[] { Shop("DE", "Europe/Berlin", OpeningHours.AlwaysOpen) };
        var skipped = Assert.Single(InspectionCalendar.Due(early, berlin, new DateTime(2026, 3, 29, 1, 35, 0, DateTimeKind.Utc), Window));
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), skipped.DueUtc);
    }

    [Fact]
    public void Weekdays_are_monday_first()
    {
        Assert.Equal(Weekdays.Monday, WeekdaysOf.Day(DayOfWeek.Monday));
        Assert.Equal(Weekdays.Sunday, WeekdaysOf.Day(DayOfWeek.Sunday));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Saturday, DayOfWeek.Sunday], (Weekdays.Monday | Weekdays.Saturday | Weekdays.Sunday).Days());
    }

    private static DateTime Utc(int hour, int minute) => new(2026, 12, 5, hour, minute, 0, DateTimeKind.Utc);
}
