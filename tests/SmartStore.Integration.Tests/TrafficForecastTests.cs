using SmartStore.Models;
using SmartStore.Web.Analysis;

namespace SmartStore.Integration.Tests;

/// <summary>预测客流's usual range, by hand: the fewest and most entries the same weekdays had, hour by hour and so far.</summary>
public sealed class TrafficForecastTests
{
    private static readonly DateOnly Day = new(2025, 6, 9); // a Monday

    /// <summary>A day of the store: <paramref name="perHour"/> entries each hour from 10 to 13, <paramref name="at14"/> at 14:00.</summary>
    private static IEnumerable<TrafficHour> Of(DateOnly day, int perHour, int at14) =>
        Enumerable.Range(10, 5).Select(h => new TrafficHour("X", day.ToDateTime(new TimeOnly(h, 0)), day.ToDateTime(new TimeOnly(h, 0)).AddHours(-8),
            TrafficCounters.Zero with { Entries = h == 14 ? at14 : perHour }, 0, 0, [], new Dictionary<string, int>()));

    [Fact]
    public void The_usual_range_is_the_fewest_to_the_most_of_the_same_weekdays_and_a_day_outside_it_says_so()
    {
        // Mondays of the three weeks before: 10, 20 and 30 an hour (60 at 14:00 once); a Sunday of 500 an hour is not a Monday.
        var history = Of(Day.AddDays(-7), 10, 10).Concat(Of(Day.AddDays(-14), 20, 60)).Concat(Of(Day.AddDays(-21), 30, 30))
            .Concat(Of(Day.AddDays(-1), 500, 500)).ToList();

        var (low, high) = TrafficForecast.RangeForDay(history, Day)!.Value;
        Assert.Equal((10.0, 30.0), (low[10], high[10]));
        Assert.Equal((10.0, 60.0), (low[14], high[14]));
        Assert.Equal((0.0, 0.0), (low[3], high[3]));
        Assert.Equal(20.0, TrafficForecast.ForDay(history, Day)![10]);

        // Up to 12:30: two hours and half the third — 25, 50 and 75 entries on those Mondays.
        Assert.Equal((25.0, 75.0, 3), TrafficForecast.RangeSoFar(history, Day, 12, 0.5)!.Value);
        // One Monday is not a range.
        Assert.Null(TrafficForecast.RangeForDay(Of(Day.AddDays(-7), 10, 10).ToList(), Day));
    }
}
