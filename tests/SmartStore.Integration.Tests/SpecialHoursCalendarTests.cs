using SmartStore.Models;
using SmartStore.Web.Api;
using SmartStore.Web.Pages;

namespace SmartStore.Integration.Tests;

/// <summary>The holiday calendar: each day's holidays, one per reason, counted in stores, on the days they apply.</summary>
public sealed class SpecialHoursCalendarTests
{
    private static readonly DayHours Closed = new(TimeOnly.MinValue, TimeOnly.MinValue, Closed: true);
    private static readonly DayHours Short = new(new TimeOnly(10, 0), new TimeOnly(16, 0), Closed: false);

    [Fact]
    public void Each_day_lists_its_holidays_once_per_reason_with_their_stores_and_a_weekday_range_only_on_its_weekdays()
    {
        var groups = new List<SpecialHoursGroup>
        {
            // 春节 for one region, from a sheet with two stores' own hours: one holiday of three stores on the calendar.
            new(new OpeningException(new DateOnly(2027, 2, 6), new DateOnly(2027, 2, 12), Short, "春节"), ["S0001", "S0002"]),
            new(new OpeningException(new DateOnly(2027, 2, 6), new DateOnly(2027, 2, 12), Closed, "春节"), ["S0003"]),
            // 除夕 for every store, inside it.
            new(new OpeningException(new DateOnly(2027, 2, 5), new DateOnly(2027, 2, 5), Closed, "除夕"), ["S0001", "S0002", "S0003", "S0004"]),
            // A refit on Mondays only.
            new(new OpeningException(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28), Closed, "商场装修", Weekdays.Monday), ["S0009"]),
        };
        var months = SpecialHoursCalendar.Of(groups, new DateOnly(2027, 1, 20), 2);

        Assert.Equal([new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1)], months.Select(m => m.First));
        var february = months[1];
        // 2027-02-01 is a Monday: no days of January before it.
        Assert.Equal(new DateOnly(2027, 2, 1), february.Days[0].Date);
        Assert.Equal(28, february.Days.Count(d => d.InMonth));
        // January 2027 starts on a Friday: four days of the week before it.
        Assert.Equal(4, months[0].Days.Count(d => !d.InMonth));

        IReadOnlyList<SpecialHoursCalendar.Holiday> On(int day) => february.Days.Single(d => d.InMonth && d.Date.Day == day).Holidays;
        Assert.Equal([new SpecialHoursCalendar.Holiday("除夕", 4, Closed: true, "S0001, S0002, S0003, S0004")], On(5));
        Assert.Equal([new SpecialHoursCalendar.Holiday("春节", 3, Closed: false, "S0001, S0002, S0003")], On(6)); // a Saturday
        Assert.Equal([new SpecialHoursCalendar.Holiday("春节", 3, Closed: false, "S0001, S0002, S0003"), new SpecialHoursCalendar.Holiday("商场装修", 1, Closed: true, "S0009")], On(8));
        Assert.Empty(On(16)); // a Tuesday: the refit is on Mondays
        Assert.Equal([new SpecialHoursCalendar.Holiday("商场装修", 1, Closed: true, "S0009")], On(15));
    }

    [Fact]
    public void A_holiday_of_many_stores_names_the_first_eight_by_code()
    {
        var stores = Enumerable.Range(1, 12).Select(n => $"S{n:D4}").Reverse().ToList();
        var months = SpecialHoursCalendar.Of([new(new OpeningException(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1), Closed, "元旦"), stores)],
            new DateOnly(2027, 1, 1), 1);
        var holiday = Assert.Single(months[0].Days.Single(d => d.InMonth && d.Date.Day == 1).Holidays);
        Assert.Equal((12, "S0001, S0002, S0003, S0004, S0005, S0006, S0007, S0008 …"), (holiday.Stores, holiday.Named));
    }
}
