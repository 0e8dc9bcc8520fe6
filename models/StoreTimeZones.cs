namespace SmartStore.Models;

/// <summary>A store's IANA time zone by id; an unknown id (validated on input, so only old data) falls back to UTC.</summary>
public static class StoreTimeZones
{
    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
