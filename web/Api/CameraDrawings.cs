using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Api;

/// <summary>
/// What an admin draws on a camera's image (API and camera page): an entrance camera's door line, an in-store camera's
/// counting area (and whether it watches a till). Each is checked, saved, and the camera grain told to re-read its profile.
/// </summary>
public sealed class CameraDrawings(CameraRepository cameras, IClusterClient cluster)
{
    /// <summary>Saves the line; the field errors when the camera is not an entrance camera or the line cannot count.</summary>
    public Task<FieldErrors> SaveDoorLine(Camera camera, DoorLine line, string actor) =>
        Save(camera, CameraKind.Entrance, ("only entrance cameras count door crossings.", "只有入口摄像头统计进出店。"), "doorLine", line.Problem(),
            () => cameras.SetDoorLine(camera.Code, line, actor));

    /// <summary>Saves the area; the field errors when the camera is not an in-store camera or the area cannot count.</summary>
    public Task<FieldErrors> SaveCountingArea(Camera camera, CountingArea area, string actor) =>
        Save(camera, CameraKind.Interior, ("only in-store cameras count people in an area.", "只有店内摄像头按区域统计人数。"), "points", area.Problem(),
            () => cameras.SetCountingArea(camera.Code, area, actor));

    /// <summary>Removes the line (the camera stops counting); false when the camera does not exist.</summary>
    public Task<bool> ClearDoorLine(string cameraCode, string actor) => Written(cameraCode, () => cameras.SetDoorLine(cameraCode, null, actor));

    /// <summary>Removes the area (the camera counts its whole view again); false when the camera does not exist.</summary>
    public Task<bool> ClearCountingArea(string cameraCode, string actor) => Written(cameraCode, () => cameras.SetCountingArea(cameraCode, null, actor));

    /// <summary>
    /// Marks an in-store camera as watching a till (which one, as the store's POS names it, when it has several) or not; the
    /// field error when it is another kind of camera or the till's name is too long.
    /// </summary>
    public async Task<FieldErrors> SaveWatchesTill(Camera camera, bool watches, string? till, string actor)
    {
        var errors = new FieldErrors();
        till = TillOf(watches, till);
        if (camera.Kind != CameraKind.Interior) errors.Add("camera", "only in-store cameras watch a till.", "只有店内摄像头可以对着收银台。");
        else if (till is { Length: > SalesInput.MaxTill }) errors.Add("till", $"till is at most {SalesInput.MaxTill} characters (as the POS names it).", $"收银台号最多 {SalesInput.MaxTill} 个字符（与收银系统一致）。");
        else await cameras.SetWatchesTill(camera.Code, watches, actor, till);
        return errors;
    }

    /// <summary>The till a camera is saved as watching: none when it watches no till or the name is blank.</summary>
    public static string? TillOf(bool watches, string? till) => watches && !string.IsNullOrWhiteSpace(till) ? till.Trim() : null;

    private async Task<FieldErrors> Save(Camera camera, CameraKind kind, (string English, string Chinese) wrongKind, string field, string? problem,
        Func<Task<bool>> write)
    {
        var errors = new FieldErrors();
        if (camera.Kind != kind) errors.Add("camera", wrongKind.English, wrongKind.Chinese);
        else if (problem is not null) errors.Add(field, problem, DrawingText.Of(problem));
        if (!errors.Any) await Written(camera.Code, write);
        return errors;
    }

    private async Task<bool> Written(string cameraCode, Func<Task<bool>> write)
    {
        if (!await write()) return false;
        await cluster.GetGrain<ICameraGrain>(cameraCode).RefreshProfile();
        return true;
    }
}
