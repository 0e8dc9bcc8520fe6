namespace SmartStore.Models;

/// <summary>
/// 排班: <see cref="Staff"/> people on duty from <see cref="Starts"/> to <see cref="Ends"/> (store-local) on
/// <see cref="Weekdays"/>; an end before the start is the next day's (a late shift of a store open past midnight). A
/// store's shifts add up: an early and a late shift overlap at midday.
/// </summary>
public sealed record StoreShift(long Id, string StoreCode, Weekdays Weekdays, TimeOnly Starts, TimeOnly Ends, int Staff)
{
    public bool Overnight => Ends < Starts;

    /// <summary>People of this shift on duty in the hour starting at <paramref name="hour"/> of the day it starts on, by the share of the hour they cover.</summary>
    public double OnDutyIn(int hour) => Share(Starts.ToTimeSpan().TotalMinutes, Overnight ? 24 * 60 : Ends.ToTimeSpan().TotalMinutes, hour);

    /// <summary>The same in the hour starting at <paramref name="hour"/> of the next day, for a shift that runs past midnight.</summary>
    public double OnDutyNextDayIn(int hour) => Overnight ? Share(0, Ends.ToTimeSpan().TotalMinutes, hour) : 0;

    private double Share(double fromMinute, double toMinute, int hour)
    {
        var from = Math.Max(fromMinute, hour * 60.0);
        var to = Math.Min(toMinute, (hour + 1) * 60.0);
        return to <= from ? 0 : Staff * (to - from) / 60;
    }
}
