using SmartStore.Models;

namespace SmartStore.Grains.Inspections;

/// <summary>Which pictures of a task are due at an instant, in each store's own time zone.</summary>
public static class InspectionCalendar
{
    /// <summary>
    /// A camera's picture is due when, in its store's time zone, today is one of the task's weekdays, the task's time
    /// has passed by less than <paramref name="window"/> (later, no upload could be its picture any more) and the store is
    /// open then (a door check before opening shows a shutter).
    /// </summary>
    public static IEnumerable<InspectionDue> Due(InspectionTask task, IEnumerable<InspectionTarget> targets, DateTime nowUtc, TimeSpan window)
    {
        foreach (var target in targets)
        {
            var zone = StoreTimeZones.Find(target.TimeZone);
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
            var day = DateOnly.FromDateTime(local);
            if (!task.Weekdays.Includes(local.DayOfWeek)) continue;
            var dueLocal = day.ToDateTime(task.AtLocal);
            if (local < dueLocal || local - dueLocal >= window) continue;
            var dueUtc = DueUtc(dueLocal, zone);
            if (!OpeningHoursCalendar.IsOpen(target.OpeningHours, target.TimeZone, dueUtc)) continue;
            yield return new InspectionDue(task.Id, target.StoreCode, target.CameraCode, day, dueUtc);
        }
    }

    /// <summary>A local time skipped by a clock change is taken at the hour after.</summary>
    private static DateTime DueUtc(DateTime local, TimeZoneInfo zone) =>
        zone.IsInvalidTime(local) ? TimeZoneInfo.ConvertTimeToUtc(local.AddHours(1), zone) : TimeZoneInfo.ConvertTimeToUtc(local, zone);
}
