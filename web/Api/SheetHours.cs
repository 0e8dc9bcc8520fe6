using SmartStore.Models;
using SmartStore.Web.Pages;

namespace SmartStore.Web.Api;

/// <summary>
/// A store sheet's opening hours: <c>open</c> / <c>close</c> for every day, and <c>weekend_open</c> / <c>weekend_close</c>
/// (周末开门 / 周末关门) for Saturday and Sunday where a mall keeps other hours then — a pair filled in must be two times —
/// or, for any other week (a day closed, late Fridays), <c>weekly</c> (每周营业时间, <see cref="WeeklyHoursText"/>) instead.
/// </summary>
public sealed record SheetHours((TimeOnly Open, TimeOnly Close)? Daily, (TimeOnly Open, TimeOnly Close)? Weekend,
    IReadOnlyDictionary<int, DayHours>? Days = null)
{
    public bool Given => Daily is not null || Weekend is not null || Days is not null;

    /// <summary>The row's hours; a pair that is half given or not times, or a weekly cell beside them, is added to <paramref name="errors"/>.</summary>
    public static SheetHours Of(IReadOnlyDictionary<string, string> row, int index, RowErrors errors)
    {
        var (daily, weekend) = (Pair(row, "open", "close", "开门", "关门", index, errors), Pair(row, "weekend_open", "weekend_close", "周末开门", "周末关门", index, errors));
        if (row.Get("weekly") is not { } weekly) return new(daily, weekend);
        // Two ways of saying one week would disagree sooner or later: one or the other.
        if (row.Get("open") is not null || row.Get("close") is not null || row.Get("weekend_open") is not null || row.Get("weekend_close") is not null)
            errors.Add(index, "weekly hours and open / close (or weekend_open / weekend_close) are both filled in: give one or the other.",
                "每周营业时间与开门/关门（或周末开门/周末关门）都填了：只填其一。");
        var (days, problem) = WeeklyHoursText.Read(weekly);
        if (problem is { } why) errors.Add(index, why.En, why.Zh);
        return new(null, null, days);
    }

    /// <summary>
    /// The week these hours make of <paramref name="basis"/>: every day from the daily pair, then Saturday and Sunday from
    /// the weekend's; or the days the weekly cell names.
    /// </summary>
    public IReadOnlyList<DayHours> Over(IReadOnlyList<DayHours> basis) => basis.Select((day, i) =>
        Days?.GetValueOrDefault(i) is { } named ? named
        : i >= 5 && Weekend is { } weekend ? new DayHours(weekend.Open, weekend.Close)
        : Daily is { } daily ? new DayHours(daily.Open, daily.Close)
        : day).ToList();

    /// <summary>
    /// The week as a sheet's cells: every day alike and the weekend alike (or as the weekdays) fit the four hour cells; any
    /// other week — a day closed, Mondays short — is the weekly cell's, the four left empty.
    /// </summary>
    public static (string Open, string Close, string WeekendOpen, string WeekendClose, string Weekly) Cells(IReadOnlyList<DayHours> week)
    {
        if (week.Count != 7) return ("", "", "", "", "");
        if (week.Any(d => d.Closed) || week.Take(5).Distinct().Count() != 1 || week.Skip(5).Distinct().Count() != 1)
            return ("", "", "", "", WeeklyHoursText.Of(week));
        var (weekday, weekend) = (week[0], week[5]);
        return (ClockText.Of(weekday.Open), ClockText.Of(weekday.Close), weekend == weekday ? "" : ClockText.Of(weekend.Open),
            weekend == weekday ? "" : ClockText.Of(weekend.Close), "");
    }

    /// <summary>A time as the page reads it ("09:30", "24:00" for the end of the day), or as .NET reads one otherwise.</summary>
    private static TimeOnly? Time(string? text) => ClockText.Parse(text) ?? (TimeOnly.TryParse(text ?? "", out var time) ? time : null);

    private static (TimeOnly, TimeOnly)? Pair(IReadOnlyDictionary<string, string> row, string open, string close, string openZh, string closeZh,
        int index, RowErrors errors)
    {
        var (opens, closes) = (row.Get(open), row.Get(close));
        if (opens is null && closes is null) return null;
        if (Time(opens) is { } from && Time(closes) is { } to) return (from, to);
        errors.Add(index, $"{open} '{opens}' and {close} '{closes}' must both be times like 09:30.",
            $"{openZh}“{opens}”和{closeZh}“{closes}”须都是 09:30 这样的时间。");
        return null;
    }
}
