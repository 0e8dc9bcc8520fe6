using System.Globalization;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Api;

/// <summary>The checks every report request shares (traffic and display): the period and the store-or-region choice.</summary>
public static class ReportRequest
{
    public const int MaxDays = 400;

    /// <summary>Store-local dates, inclusive; a missing end defaults to <paramref name="defaultTo"/>, else to the start.</summary>
    public static (DateOnly From, DateOnly To) Period(FieldErrors errors, string? from, string? to, DateOnly defaultFrom, DateOnly? defaultTo = null)
    {
        var fromDate = ParseDate(errors, "from", from) ?? defaultFrom;
        var toDate = ParseDate(errors, "to", to) ?? defaultTo ?? fromDate;
        if (toDate < fromDate) errors.Add("to", "to is before from.", "结束日期早于开始日期。");
        else if (toDate.DayNumber - fromDate.DayNumber >= MaxDays) errors.Add("to", $"a report covers at most {MaxDays} days.", $"一份报表最多覆盖 {MaxDays} 天。");
        return (fromDate, toDate);
    }

    public static void OneTarget(FieldErrors errors, string? store, string? region)
    {
        if (!string.IsNullOrWhiteSpace(store) && !string.IsNullOrWhiteSpace(region)) errors.Add("store", "name a store or a region, not both.", "请选择门店或大区，不能同时选择。");
    }

    public static DateOnly? ParseDate(FieldErrors errors, string field, string? text)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, $"{field} '{text}' must be a date yyyy-MM-dd.", $"{FieldNames.Zh(field)}“{text}”须为日期，格式 yyyy-MM-dd。");
        return null;
    }
}
