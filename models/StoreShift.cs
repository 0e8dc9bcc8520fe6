namespace SmartStore.Models;

/// <summary>
/// 排班: <see cref="Staff"/> people on duty from <see cref="Starts"/> to <see cref="Ends"/> (store-local, same day) on
/// <see cref="Weekdays"/>. A store's shifts add up: an early and a late shift overlap at midday.
/// </summary>
public sealed record StoreShift(long Id, string StoreCode, Weekdays Weekdays, TimeOnly Starts, TimeOnly Ends, int Staff)
{
    /// <summary>People of this shift on duty in the hour starting at <paramref name="hour"/>, by the share of the hour they cover.</summary>
    public double OnDutyIn(int hour)
    {
        var from = Math.Max(Starts.ToTimeSpan().TotalMinutes, hour * 60.0);
        var to = Math.Min(Ends.ToTimeSpan().TotalMinutes, (hour + 1) * 60.0);
        return to <= from ? 0 : Staff * (to - from) / 60;
    }
}
