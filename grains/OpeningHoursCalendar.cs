using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>Answers "is the store open at this instant?" in the store's own time zone.</summary>
public static class OpeningHoursCalendar
{
    public static bool IsOpen(OpeningHours hours, string timeZoneId, DateTime utc)
    {
        var zone = StoreTimeZones.Find(timeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var today = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);

        // A day that closes after midnight keeps the store open in the small hours of the next day.
        var yesterday = HoursOn(hours, today.AddDays(-1));
        if (!yesterday.Closed && yesterday.Close < yesterday.Open && time < yesterday.Close)
            return true;

        var day = HoursOn(hours, today);
        if (day.Closed) return false;
        return day.Close < day.Open
            ? time >= day.Open
            : time >= day.Open && time < day.Close || day.Close == TimeOnly.MaxValue && time >= day.Open;
    }

    public static DayHours HoursOn(OpeningHours hours, DateOnly date)
    {
        // Stores created through the API before it filled in a missing list have none stored.
        var exception = (hours.Exceptions ?? []).LastOrDefault(e => e.From <= date && date <= e.To);
        if (exception is not null) return exception.Hours;
        var mondayFirst = ((int)date.DayOfWeek + 6) % 7;
        return hours.Weekly[mondayFirst];
    }

}
