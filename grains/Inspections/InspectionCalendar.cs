using SmartStore.Models;

namespace SmartStore.Grains.Inspections;

/// <summary>Which pictures of a task are due at an instant, in each store's own time zone.</summary>
public static class InspectionCalendar
{
    /// <summary>
    /// A camera's picture is due when, by its store's clock, the task's time on one of its weekdays passed less than
    /// <paramref name="window"/> ago (later, no upload could be its picture any more) and the store is open then (a door
    /// check before opening shows a shutter). Yesterday counts too: a 23:55 check is still due at 00:05.
    /// </summary>
    public static IEnumerable<InspectionDue> Due(InspectionTask task, IEnumerable<InspectionTarget> targets, DateTime nowUtc, TimeSpan window)
    {
        foreach (var target in targets)
            foreach (var (day, dueUtc) in DueTimes(task, StoreTimeZones.Find(target.TimeZone), nowUtc, window))
                if (OpeningHoursCalendar.IsOpen(target.OpeningHours, target.TimeZone, dueUtc))
                    yield return new InspectionDue(task.Id, target.StoreCode, target.CameraCode, day, dueUtc);
    }

    /// <summary>
    /// Whether the task can be due now in any of the stores' time zones: the minute round asks before reading the task's
    /// stores and cameras, which most minutes of the day it need not.
    /// </summary>
    public static bool MayBeDue(InspectionTask task, IEnumerable<string> timeZones, DateTime nowUtc, TimeSpan window) =>
        timeZones.Any(zone => DueTimes(task, StoreTimeZones.Find(zone), nowUtc, window).Any());

    /// <summary>The task's due times (store-local day, UTC instant) in a zone that passed less than the window ago.</summary>
    private static IEnumerable<(DateOnly Day, DateTime DueUtc)> DueTimes(InspectionTask task, TimeZoneInfo zone, DateTime nowUtc, TimeSpan window)
    {
        nowUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        foreach (var day in new[] { today.AddDays(-1), today })
        {
            if (!task.Weekdays.Includes(day.DayOfWeek)) continue;
            var dueUtc = StoreTimeZones.ToUtc(day.ToDateTime(task.AtLocal), zone);
            if (nowUtc >= dueUtc && nowUtc - dueUtc < window) yield return (day, dueUtc);
        }
    }

}
