using SmartStore.Models;

namespace SmartStore.Web.Analysis;

/// <summary>
/// Setting section Staffing: customers coming in per staff member on duty per hour (客流与店员配比) below which a store
/// has more staff than it needs, and above which too few. The chain sets them for its format; these are a start.
/// </summary>
public sealed record StaffingOptions
{
    public double OverstaffedBelow { get; init; } = 3;
    public double UnderstaffedAbove { get; init; } = 12;
}

/// <summary>One hour of a day: its entries (counted, or forecast for an hour still to come), staff on duty, and the verdict.</summary>
public sealed record StaffingHour(int Hour, double Entries, bool Forecast, double OnDuty, double? PerStaff, string Verdict);

/// <summary>Judges a day hour by hour: entries per staff member on duty against the chain's band.</summary>
public static class Staffing
{
    public const string Overstaffed = "overstaffed", Optimal = "optimal", Understaffed = "understaffed", NoStaff = "no-staff";

    /// <summary>
    /// Staff on duty in each hour of <paramref name="day"/>: the store's shifts of that weekday, and the small hours of
    /// the day before's shifts that run past midnight, by the share of the hour they cover; with no shifts planned, the
    /// store's head count in every hour it is open (<c>FromShifts</c> false).
    /// </summary>
    public static (double[] OnDuty, bool FromShifts) OnDuty(Store store, IReadOnlyList<StoreShift> shifts, DateOnly day)
    {
        var onDuty = new double[24];
        if (shifts.Count > 0)
        {
            var dayBefore = day.AddDays(-1).DayOfWeek;
            foreach (var shift in shifts)
                for (var h = 0; h < 24; h++)
                    onDuty[h] += (shift.Weekdays.Includes(day.DayOfWeek) ? shift.OnDutyIn(h) : 0)
                        + (shift.Weekdays.Includes(dayBefore) ? shift.OnDutyNextDayIn(h) : 0);
            return (onDuty, true);
        }
        for (var h = 0; h < 24; h++)
            if (store.OpeningHours.IsOpenAt(day.ToDateTime(new TimeOnly(h, 30)))) onDuty[h] = store.StaffCount;
        return (onDuty, false);
    }

    /// <summary>
    /// The hours anyone is on duty or came in: counted entries of the hours that are over, the forecast from
    /// <paramref name="nowHour"/> on (null: the whole day is past) — a part-hour's count against a whole hour's staff would
    /// always read as too many staff.
    /// </summary>
    public static IReadOnlyList<StaffingHour> Judge(double[] onDuty, int[] entries, double[]? forecast, int? nowHour, StaffingOptions options)
    {
        var hours = new List<StaffingHour>();
        for (var h = 0; h < 24; h++)
        {
            var ahead = nowHour is { } now && h >= now;
            if (ahead && forecast is null) continue;
            var count = ahead ? forecast![h] : entries[h];
            if (onDuty[h] <= 0 && count <= 0) continue;
            if (onDuty[h] <= 0) { hours.Add(new StaffingHour(h, count, ahead, 0, null, NoStaff)); continue; }
            var perStaff = Math.Round(count / onDuty[h], 1);
            var verdict = perStaff < options.OverstaffedBelow ? Overstaffed : perStaff > options.UnderstaffedAbove ? Understaffed : Optimal;
            hours.Add(new StaffingHour(h, count, ahead, Math.Round(onDuty[h], 1), perStaff, verdict));
        }
        return hours;
    }
}
