using SmartStore.Models;
using SmartStore.Web.Api;

namespace SmartStore.Web.Todos;

/// <summary>
/// 整改期限: a to-do is due by the end of a day on the store's own clock ("明天内"), as a region manager says it to a
/// store, not at an hour of head office's. Without a day given, <see cref="TodoOptions.DueInDays"/> days after today.
/// </summary>
public static class TodoDeadline
{
    public const int MaxDaysAhead = 90;

    /// <summary>The first instant after <paramref name="day"/> in the store's zone, in UTC.</summary>
    public static DateTime EndOf(DateOnly day, string timeZone) =>
        StoreTimeZones.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), StoreTimeZones.Find(timeZone));

    /// <summary>The store-local day a deadline closes (the day before its midnight).</summary>
    public static DateOnly DayOf(DateTime dueUtc, string timeZone) =>
        StoreTimeZones.DayOf(dueUtc.AddSeconds(-1), StoreTimeZones.Find(timeZone));

    /// <summary>The day a to-do raised <paramref name="today"/> without a deadline is due by.</summary>
    public static DateOnly DefaultDay(DateOnly today, int dueInDays) => today.AddDays(Math.Clamp(dueInDays, 0, MaxDaysAhead));

    public static DateOnly Today(string timeZone, DateTime utcNow) =>
        StoreTimeZones.DayOf(utcNow, StoreTimeZones.Find(timeZone));

    /// <summary>
    /// The deadline of a to-do for a store: the day sent (yyyy-MM-dd, from the store's today to <see cref="MaxDaysAhead"/>
    /// days on), or the default when none is. Null, with the reason added to <paramref name="errors"/>, when refused.
    /// </summary>
    public static DateTime? Check(string field, string? due, string timeZone, int defaultDays, DateTime utcNow, FieldErrors errors)
    {
        var today = Today(timeZone, utcNow);
        if (string.IsNullOrWhiteSpace(due)) return EndOf(DefaultDay(today, defaultDays), timeZone);
        if (!DateOnly.TryParseExact(due.Trim(), "yyyy-MM-dd", out var day))
        {
            errors.Add(field, $"{field} '{due}' must be a day, yyyy-MM-dd.", $"整改期限“{due}”须为日期（yyyy-MM-dd）。");
            return null;
        }
        if (day < today)
        {
            errors.Add(field, $"{field} {day:yyyy-MM-dd} is before the store's today ({today:yyyy-MM-dd}).", $"整改期限 {day:yyyy-MM-dd} 早于门店的今天（{today:yyyy-MM-dd}）。");
            return null;
        }
        if (day > today.AddDays(MaxDaysAhead))
        {
            errors.Add(field, $"{field} {day:yyyy-MM-dd} is more than {MaxDaysAhead} days ahead.", $"整改期限 {day:yyyy-MM-dd} 超过 {MaxDaysAhead} 天。");
            return null;
        }
        return EndOf(day, timeZone);
    }
}
