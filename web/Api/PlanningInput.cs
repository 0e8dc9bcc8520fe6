using System.Globalization;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Api;

/// <summary>Who plans for stores (inspection tasks, campaigns): HQ admins for the chain, a region manager for one of their regions.</summary>
public static class PlanningRights
{
    public static bool MayPlanAny(AccessScope scope) => scope.Role is Role.HqAdmin or Role.RegionManager;

    public static bool MayPlan(AccessScope scope, string? regionCode) =>
        scope.Role == Role.HqAdmin || scope.Role == Role.RegionManager && regionCode is not null && scope.RegionCodes.Contains(regionCode);
}

/// <summary>The API's answer to a plan sent (an inspection task, a campaign): its field errors, a refusal when the region is not the planner's, or 201.</summary>
public static class PlanAnswer
{
    public static IResult Of<T>(T? created, FieldErrors? errors, string refused, Func<T, string> location, Func<T, object> json) where T : class =>
        errors is not null ? errors.ToResult()
        : created is null ? Problems.OutOfScope(refused)
        : Results.Created(location(created), json(created));
}

/// <summary>Fields that inspection tasks, shifts and campaigns share, checked the same way for the page and the API.</summary>
public static class PlanningInput
{
    /// <summary>ISO day numbers (1 = Monday … 7 = Sunday) as a set of weekdays; at least one.</summary>
    public static Weekdays Weekdays(IReadOnlyList<int>? days, FieldErrors errors)
    {
        var set = Models.Weekdays.None;
        if (days is not { Count: > 0 }) errors.Add("weekdays", "weekdays is required: ISO day numbers, 1 = Monday … 7 = Sunday.", "请至少选择一天（星期一至星期日）。");
        else foreach (var d in days)
            if (d is < 1 or > 7) errors.Add("weekdays", $"weekdays: {d} is not a day, 1 = Monday … 7 = Sunday.", $"星期：{d} 不是 1（星期一）至 7（星期日）之一。");
            else set |= WeekdaysOf.FromIso(d);
        return set;
    }

    /// <summary>A store-local clock time, HH:mm.</summary>
    public static TimeOnly? Time(string field, string? value, FieldErrors errors)
    {
        if (TimeOnly.TryParseExact(value?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        errors.Add(field, $"{field} '{value}' must be a store-local time, HH:mm.", $"{FieldNames.Zh(field)}“{value}”须为门店当地时间，格式 HH:mm。");
        return null;
    }

    /// <summary>A store-local date, yyyy-MM-dd.</summary>
    public static DateOnly? Date(string field, string? value, FieldErrors errors)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", out var date)) return date;
        errors.Add(field, $"{field} '{value}' must be a date, yyyy-MM-dd.", $"{FieldNames.Zh(field)}“{value}”须为日期，格式 yyyy-MM-dd。");
        return null;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Which stores a plan reaches — a region (or all) and a store type (or any) — checked against master data.</summary>
public sealed class StoreReachCheck(RegionRepository regions, DictionaryRepository dictionary)
{
    public async Task Check(string? regionCode, string? storeTag, FieldErrors errors)
    {
        if (regionCode is not null && await regions.Find(regionCode) is null) errors.Add("regionCode", $"regionCode '{regionCode}' is not a region.", $"大区“{regionCode}”不存在。");
        if (storeTag is not null && !(await dictionary.List(DictionaryRepository.StoreTag)).Any(e => e.Code == storeTag))
            errors.Add("storeTag", $"storeTag '{storeTag}' is not a store tag.", $"门店类型“{storeTag}”不在门店标签字典中。");
    }
}
