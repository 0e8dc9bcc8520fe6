using SmartStore.Models;

namespace SmartStore.Web.Api;

/// <summary>Who may do what with 定时抓拍 and to-dos.</summary>
public static class InspectionRights
{
    /// <summary>Pictures are reviewed, and to-dos raised, above the store: HQ admins and the store's region manager.</summary>
    public static bool MayReview(AccessScope scope, string storeCode, string regionCode) => RaisesTodos(scope) && scope.AllowsStore(storeCode, regionCode);

    /// <summary>The roles that raise to-dos for the stores they see: HQ admins and region managers.</summary>
    public static bool RaisesTodos(AccessScope scope) => scope.Role is Role.HqAdmin or Role.RegionManager;

    /// <summary>A to-do is done by whoever acts for the store (its manager, or those above it) — not by a read-only analyst.</summary>
    public static bool MayClose(AccessScope scope, string storeCode, string regionCode) =>
        scope.Role != Role.HqAnalyst && scope.AllowsStore(storeCode, regionCode);
}

/// <summary>A task as sent by the page or the API, checked field by field.</summary>
public sealed record InspectionTaskInput(string? Name, string? At, IReadOnlyList<int>? Weekdays, string? CameraKind, string? RegionCode, string? StoreTag,
    int? Preset = null)
{
    public (InspectionTask? Task, FieldErrors Errors) Check()
    {
        var errors = new FieldErrors();
        errors.Text("name", Name?.Trim(), 60);
        var at = PlanningInput.Time("at", At, errors);
        var days = PlanningInput.Weekdays(Weekdays, errors);
        if (!CameraKindNames.TryParse(CameraKind, out var kind)) errors.Add("cameraKind", $"cameraKind '{CameraKind}' must be entrance, shelf or interior.", $"摄像头类型“{CameraKind}”须为入口、货架或店内摄像头。");
        else if (Preset is { } preset && (kind != Models.CameraKind.Shelf || preset is < 1 or > 255))
            errors.Add("preset", $"preset {preset} must be 1 to 255, and only for shelf cameras.", $"预置位 {preset} 须为 1 至 255，且只用于货架球机。");
        if (errors.Any) return (null, errors);
        return (new InspectionTask(0, Name!.Trim(), at!.Value, days, kind, PlanningInput.Blank(RegionCode), PlanningInput.Blank(StoreTag), true, "", DateTime.UtcNow,
            Preset), errors);
    }
}

/// <summary>A to-do's text, or the note it is marked done with.</summary>
public static class TodoText
{
    public const int Max = 500;

    /// <summary>Required, at most <see cref="Max"/> characters.</summary>
    public static FieldErrors Check(string field, string? text)
    {
        var errors = new FieldErrors();
        errors.Text(field, text?.Trim(), Max);
        return errors;
    }
}
