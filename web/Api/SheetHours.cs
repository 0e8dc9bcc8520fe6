using SmartStore.Models;
using SmartStore.Web.Pages;

namespace SmartStore.Web.Api;

/// <summary>
/// A store sheet's opening hours: <c>open</c> / <c>close</c> for every day, and <c>weekend_open</c> / <c>weekend_close</c>
/// (周末开门 / 周末关门) for Saturday and Sunday where a mall keeps other hours then. A pair filled in must be two times.
/// </summary>
public sealed record SheetHours((TimeOnly Open, TimeOnly Close)? Daily, (TimeOnly Open, TimeOnly Close)? Weekend)
{
    public bool Given => Daily is not null || Weekend is not null;

    /// <summary>The row's hours; a pair that is half given or not times is added to <paramref name="errors"/>.</summary>
    public static SheetHours Of(IReadOnlyDictionary<string, string> row, int index, RowErrors errors) =>
        new(Pair(row, "open", "close", "开门", "关门", index, errors), Pair(row, "weekend_open", "weekend_close", "周末开门", "周末关门", index, errors));

    /// <summary>The week these hours make of <paramref name="basis"/>: every day from the daily pair, then Saturday and Sunday from the weekend's.</summary>
    public IReadOnlyList<DayHours> Over(IReadOnlyList<DayHours> basis) => basis.Select((day, i) =>
        i >= 5 && Weekend is { } weekend ? new DayHours(weekend.Open, weekend.Close)
        : Daily is { } daily ? new DayHours(daily.Open, daily.Close)
        : day).ToList();

    /// <summary>The week as a sheet's four cells: every day alike and the weekend alike (or as the weekdays) fit them; any
    /// other week — a day closed, Mondays short — leaves them empty, which a sheet reads as "keep the store's hours".</summary>
    public static (string Open, string Close, string WeekendOpen, string WeekendClose) Cells(IReadOnlyList<DayHours> week)
    {
        if (week.Count != 7 || week.Any(d => d.Closed) || week.Take(5).Distinct().Count() != 1 || week.Skip(5).Distinct().Count() != 1)
            return ("", "", "", "");
        var (weekday, weekend) = (week[0], week[5]);
        return (ClockText.Of(weekday.Open), ClockText.Of(weekday.Close), weekend == weekday ? "" : ClockText.Of(weekend.Open),
            weekend == weekday ? "" : ClockText.Of(weekend.Close));
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
