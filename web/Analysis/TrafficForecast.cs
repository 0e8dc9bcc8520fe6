using SmartStore.Models;

namespace SmartStore.Web.Analysis;

/// <summary>
/// 预测客流: what a day's hours should bring, from the same weekday of the weeks before — a Saturday is not a Monday,
/// and four weeks follow the season without one odd day weighing much.
/// </summary>
public static class TrafficForecast
{
    public const int Weeks = 4;
    /// <summary>Fewer same weekdays with traffic than this and there is no forecast: one day is an anecdote.</summary>
    public const int MinDays = 2;

    /// <summary>
    /// Expected entries per hour of <paramref name="day"/> (24 values): the mean of that hour over the same weekday of the
    /// <see cref="Weeks"/> weeks before, counting only days the store counted someone on (a day with nobody was closed,
    /// or its camera was down). Null with fewer than <see cref="MinDays"/> such days.
    /// </summary>
    public static double[]? ForDay(IEnumerable<TrafficHour> history, DateOnly day)
    {
        var days = SameWeekdays(history, day);
        return days.Count < MinDays ? null : MeanByHour(days);
    }

    /// <summary>
    /// The fewest and the most entries each hour of <paramref name="day"/> had on the same weekdays the forecast is the mean
    /// of: how far a day of this store strays without anything being wrong. Null when there is no forecast.
    /// </summary>
    public static (double[] Low, double[] High)? RangeForDay(IEnumerable<TrafficHour> history, DateOnly day)
    {
        var days = SameWeekdaysByHour(history, day);
        if (days.Count < MinDays) return null;
        double[] Each(Func<IEnumerable<int>, int> pick) => Enumerable.Range(0, 24).Select(h => (double)pick(days.Select(d => d[h]))).ToArray();
        return (Each(Enumerable.Min), Each(Enumerable.Max));
    }

    /// <summary>
    /// The fewest and most entries those same weekdays had up to the same moment (<paramref name="lastHour"/>, of which
    /// <paramref name="done"/> has passed), and how many days: whether the day so far is outside what they did. Null when there
    /// is no forecast.
    /// </summary>
    public static (double Low, double High, int Days)? RangeSoFar(IEnumerable<TrafficHour> history, DateOnly day, int lastHour, double done)
    {
        var sums = SameWeekdaysByHour(history, day).Select(d => Math.Round(d.Take(lastHour).Sum() + d[lastHour] * done, 1)).ToList();
        return sums.Count < MinDays ? null : (sums.Min(), sums.Max(), sums.Count);
    }

    private static List<IGrouping<DateOnly, TrafficHour>> SameWeekdays(IEnumerable<TrafficHour> history, DateOnly day) =>
        DaysWithTraffic(history, d => d < day && d >= day.AddDays(-7 * Weeks) && d.DayOfWeek == day.DayOfWeek);

    /// <summary>Each of those same weekdays' entries by hour of the day.</summary>
    private static List<int[]> SameWeekdaysByHour(IEnumerable<TrafficHour> history, DateOnly day) => SameWeekdays(history, day).Select(ByHour).ToList();

    /// <summary>A day's entries by hour of the day (its hours, in the store's time).</summary>
    public static int[] ByHour(IEnumerable<TrafficHour> day)
    {
        var entries = new int[24];
        foreach (var hour in day) entries[hour.HourLocal.Hour] += hour.Counters.Entries;
        return entries;
    }

    /// <summary>Entries per hour of the day, averaged over the weekdays and over the weekend days of the four weeks before <paramref name="day"/>.</summary>
    public static (double[]? Weekday, int WeekdayDays, double[]? Weekend, int WeekendDays) WeekdayAndWeekend(IEnumerable<TrafficHour> history, DateOnly day)
    {
        var list = history as IReadOnlyCollection<TrafficHour> ?? history.ToList();
        static bool Weekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var weekdays = DaysWithTraffic(list, d => d < day && d >= day.AddDays(-7 * Weeks) && !Weekend(d));
        var weekends = DaysWithTraffic(list, d => d < day && d >= day.AddDays(-7 * Weeks) && Weekend(d));
        return (weekdays.Count == 0 ? null : MeanByHour(weekdays), weekdays.Count, weekends.Count == 0 ? null : MeanByHour(weekends), weekends.Count);
    }

    private static List<IGrouping<DateOnly, TrafficHour>> DaysWithTraffic(IEnumerable<TrafficHour> history, Func<DateOnly, bool> which) =>
        history.GroupBy(h => DateOnly.FromDateTime(h.HourLocal)).Where(g => which(g.Key) && g.Sum(h => h.Counters.Entries) > 0).ToList();

    private static double[] MeanByHour(IReadOnlyCollection<IGrouping<DateOnly, TrafficHour>> days)
    {
        var sums = new double[24];
        foreach (var hour in days.SelectMany(d => d)) sums[hour.HourLocal.Hour] += hour.Counters.Entries;
        return sums.Select(s => Math.Round(s / days.Count, 1)).ToArray();
    }
}
