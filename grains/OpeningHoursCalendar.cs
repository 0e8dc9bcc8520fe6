using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>Answers "is the store open at this instant?" in the store's own time zone.</summary>
public static class OpeningHoursCalendar
{
    public static bool IsOpen(OpeningHours hours, string timeZoneId, DateTime utc)
    {
        var zone = StoreTimeZones.Find(timeZoneId);
        return hours.IsOpenAt(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
    }
}
