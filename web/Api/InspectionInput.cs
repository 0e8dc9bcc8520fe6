using System.Globalization;
using SmartStore.Models;

namespace SmartStore.Web.Api;

/// <summary>Who may do what with 定时抓拍 and to-dos.</summary>
public static class InspectionRights
{
    /// <summary>HQ admins plan for the chain; a region manager for one of their regions only.</summary>
    public static bool MayPlan(AccessScope scope, string? regionCode) =>
        scope.Role == Role.HqAdmin || scope.Role == Role.RegionManager && regionCode is not null && scope.RegionCodes.Contains(regionCode);

    /// <summary>Pictures are reviewed, and to-dos raised, above the store: HQ admins and the store's region manager.</summary>
    public static bool MayReview(AccessScope scope, string storeCode, string regionCode) =>
        scope.Role is Role.HqAdmin or Role.RegionManager && scope.AllowsStore(storeCode, regionCode);

    /// <summary>A to-do is done by whoever acts for the store (its manager, or those above it) — not by a read-only analyst.</summary>
    public static bool MayClose(AccessScope scope, string storeCode, string regionCode) =>
        scope.Role != Role.HqAnalyst && scope.AllowsStore(storeCode, regionCode);
}

/// <summary>A task as sent by the page or the API, checked field by field.</summary>
public sealed record InspectionTaskInput(string? Name, string? At, IReadOnlyList<int>? Weekdays, string? CameraKind, string? RegionCode, string? StoreTag)
{
    public const int MaxTodoText = 500;

    public (InspectionTask? Task, FieldErrors Errors) Check()
    {
        var errors = new FieldErrors();
        errors.Text("name", Name?.Trim(), 60);
        if (!TimeOnly.TryParseExact(At?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            errors.Add("at", $"at '{At}' must be a store-local time, HH:mm.");
        var days = Models.Weekdays.None;
        if (Weekdays is not { Count: > 0 }) errors.Add("weekdays", "weekdays is required: ISO day numbers, 1 = Monday … 7 = Sunday.");
        else foreach (var d in Weekdays)
            if (d is < 1 or > 7) errors.Add("weekdays", $"weekdays: {d} is not a day, 1 = Monday … 7 = Sunday.");
            else days |= (Models.Weekdays)(1 << (d - 1));
        if (!CameraKindNames.TryParse(CameraKind, out var kind)) errors.Add("cameraKind", $"cameraKind '{CameraKind}' must be entrance, shelf or interior.");
        var region = Blank(RegionCode);
        var tag = Blank(StoreTag);
        if (tag is { Length: > 40 }) errors.Add("storeTag", "storeTag is longer than 40 characters.");
        if (errors.Any) return (null, errors);
        return (new InspectionTask(0, Name!.Trim(), at, days, kind, region, tag, true, "", DateTime.UtcNow), errors);
    }

    /// <summary>A to-do's text or a completion note: required, at most 500 characters.</summary>
    public static FieldErrors CheckText(string field, string? text)
    {
        var errors = new FieldErrors();
        errors.Text(field, text?.Trim(), MaxTodoText);
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
