using SmartStore.Models;

namespace SmartStore.Web.Api;

/// <summary>
/// Special hours head office sets for many stores at once (春节, 国庆, a mall's refit): one date range with its weekdays and
/// hours, and which stores — listed by code, or a region (or all) and a store tag (or any). Checked field by field for the
/// page and the API alike.
/// </summary>
public sealed record SpecialHoursInput(string? Reason, string? From, string? To, IReadOnlyList<int>? Weekdays, string? Open, string? Close,
    bool? Closed, string? RegionCode, string? StoreTag, IReadOnlyList<string>? Stores)
{
    /// <summary>A range longer than a year is a change of weekly hours, not special hours.</summary>
    public const int LongestDays = 366;

    /// <summary>The range to set on each store: reason, dates, weekdays and hours.</summary>
    public (OpeningException? Range, FieldErrors Errors) Check()
    {
        var (entry, errors) = CheckEntry();
        var hours = Hours(errors);
        return errors.Any ? (null, errors) : (entry! with { Hours = hours! }, errors);
    }

    /// <summary>The entry to withdraw: reason, dates and weekdays (its hours do not matter).</summary>
    public (OpeningException? Entry, FieldErrors Errors) CheckEntry()
    {
        var errors = new FieldErrors();
        errors.Text("reason", Reason?.Trim(), 100);
        var from = PlanningInput.Date("from", From, errors);
        var to = PlanningInput.Date("to", To, errors);
        if (from is { } f && to is { } t && (t < f || t.DayNumber - f.DayNumber >= LongestDays))
            errors.Add("to", $"to {t:yyyy-MM-dd} must be on or after from {f:yyyy-MM-dd} and at most {LongestDays} days after it.",
                $"结束日期 {t:yyyy-MM-dd} 须不早于开始日期 {f:yyyy-MM-dd}，且最多 {LongestDays} 天。");
        var days = Days(errors);
        if (Stores is { Count: > 0 } && (PlanningInput.Blank(RegionCode) ?? PlanningInput.Blank(StoreTag)) is not null)
            errors.Add("stores", "Name stores by code, or by regionCode and storeTag — not both.", "门店请按编码列出，或按大区和门店类型选择，不能同时使用。");
        if (errors.Any) return (null, errors);
        return (new OpeningException(from!.Value, to!.Value, DayHours.ClosedAllDay, Reason!.Trim(), days), errors);
    }

    private Weekdays Days(FieldErrors errors)
    {
        // None ticked is every day, as on a store's own special-hours row.
        if (Weekdays is not { Count: > 0 }) return Models.Weekdays.Every;
        var bad = Weekdays.Where(d => d is < 1 or > 7).ToList();
        if (bad.Count > 0)
            errors.Add("weekdays", $"weekdays: {string.Join(", ", bad)} is not a day, 1 = Monday … 7 = Sunday.", $"星期：{string.Join("、", bad)} 不是 1（星期一）至 7（星期日）之一。");
        return WeekdaysOf.FromIso(Weekdays);
    }

    private DayHours? Hours(FieldErrors errors)
    {
        if (Closed == true) return DayHours.ClosedAllDay;
        var open = PlanningInput.Time("open", Open, errors);
        var close = PlanningInput.Time("close", Close, errors);
        return open is { } o && close is { } c ? new DayHours(o, c) : null;
    }
}
