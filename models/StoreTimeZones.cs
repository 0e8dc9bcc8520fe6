namespace SmartStore.Models;

/// <summary>A store's IANA time zone by id; an unknown id (validated on input, so only old data) falls back to UTC.</summary>
public static class StoreTimeZones
{
    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The day an instant falls on in <paramref name="zone"/>.</summary>
    public static DateOnly DayOf(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>A store-local instant in UTC; one that a daylight-saving jump skips is taken at the hour after.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(unspecified) ? unspecified.AddHours(1) : unspecified, zone);
    }
}
