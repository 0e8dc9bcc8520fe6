using SmartStore.Web.Api;

namespace SmartStore.Web.Pages;

/// <summary>
/// 节假日营业时间 month by month: on each day, which holidays apply and to how many stores — what a list of ranges hides
/// when 除夕 for every store falls inside 春节 for one region, or a refit on weekdays runs through a month.
/// </summary>
public static class SpecialHoursCalendar
{
    /// <summary>
    /// A holiday on one day: its reason, how many stores it applies to that day, whether all of them close, and the first
    /// <see cref="StoresNamed"/> of their codes (what a day's title names, so which stores is seen without the list).
    /// </summary>
    public sealed record Holiday(string Reason, int Stores, bool Closed, string Named = "");

    public const int StoresNamed = 8;

    /// <summary>A day of a month's grid; <see cref="InMonth"/> false for the days before the 1st that fill its first week.</summary>
    public sealed record Day(DateOnly Date, bool InMonth, IReadOnlyList<Holiday> Holidays);

    /// <summary>A month as weeks of seven days, Monday first.</summary>
    public sealed record Month(DateOnly First, IReadOnlyList<Day> Days);

    /// <summary>The <paramref name="months"/> months from <paramref name="first"/>'s, each day with the entries covering it.</summary>
    public static IReadOnlyList<Month> Of(IReadOnlyList<SpecialHoursGroup> groups, DateOnly first, int months) =>
        Enumerable.Range(0, months).Select(m => MonthOf(groups, new DateOnly(first.Year, first.Month, 1).AddMonths(m))).ToList();

    /// <summary>"2027-10" as the month's first day; null when not a month between 2000 and 2099 (what the page can be paged to).</summary>
    public static DateOnly? FirstOfMonth(string? text) =>
        DateOnly.TryParseExact($"{text?.Trim()}-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first)
        && first.Year is >= 2000 and < 2100 ? first : null;

    private static Month MonthOf(IReadOnlyList<SpecialHoursGroup> groups, DateOnly first)
    {
        var lead = ((int)first.DayOfWeek + 6) % 7; // days of the week before the 1st, Monday first
        var days = Enumerable.Range(-lead, lead + DateTime.DaysInMonth(first.Year, first.Month))
            .Select(offset => first.AddDays(offset))
            .Select(date => new Day(date, date.Month == first.Month, date.Month == first.Month ? On(groups, date) : []))
            .ToList();
        return new Month(first, days);
    }

    /// <summary>
    /// The holidays of a day, one per reason: an entry set per store with other hours (a sheet's rows) is listed apart on the
    /// page, but is one holiday on the calendar.
    /// </summary>
    private static IReadOnlyList<Holiday> On(IReadOnlyList<SpecialHoursGroup> groups, DateOnly date) =>
        groups.Where(g => g.Range.Covers(date))
            .GroupBy(g => g.Range.Reason)
            .Select(r => HolidayOf(r.Key, r.ToList()))
            .OrderByDescending(h => h.Stores).ThenBy(h => h.Reason, StringComparer.Ordinal)
            .ToList();

    private static Holiday HolidayOf(string reason, IReadOnlyList<SpecialHoursGroup> entries)
    {
        var stores = entries.SelectMany(g => g.Stores).Distinct().Order(StringComparer.Ordinal).ToList();
        var named = string.Join(", ", stores.Take(StoresNamed)) + (stores.Count > StoresNamed ? " …" : "");
        return new Holiday(reason, stores.Count, entries.All(g => g.Range.Hours.Closed), named);
    }
}
