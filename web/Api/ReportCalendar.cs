using SmartStore.Models;

namespace SmartStore.Web.Api;

/// <summary>
/// The day a report defaults to when none is given. Stores keep their hours in their own zones; a report over many
/// stores needs one calendar, the chain's head-office zone (setting Reports:TimeZone, default Asia/Shanghai).
/// </summary>
public sealed class ReportCalendar(IConfiguration configuration)
{
    private readonly TimeZoneInfo _zone = StoreTimeZones.Find(configuration["Reports:TimeZone"] ?? "Asia/Shanghai");

    public DateOnly Today => DayOf(DateTime.UtcNow);

    /// <summary>The zone's IANA name, for the database to cut days by.</summary>
    public string ZoneId => _zone.Id;

    /// <summary>Head office's clock now, as a time of day.</summary>
    public TimeSpan TimeOfDay => Local(DateTime.UtcNow).TimeOfDay;

    /// <summary>The head-office day an instant falls on.</summary>
    public DateOnly DayOf(DateTime utc) => StoreTimeZones.DayOf(utc, _zone);

    /// <summary>An instant on head office's clock.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, _zone);

    /// <summary>The start of a head-office day, in UTC: where a period of several stores' records is cut.</summary>
    public DateTime StartUtc(DateOnly day) => StoreTimeZones.ToUtc(day.ToDateTime(TimeOnly.MinValue), _zone);
}
