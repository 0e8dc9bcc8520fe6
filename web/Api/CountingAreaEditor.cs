using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>Checks and saves an in-store camera's counting area (API and camera page), then tells the camera grain.</summary>
public sealed class CountingAreaEditor(CameraRepository cameras, IClusterClient cluster)
{
    /// <summary>Saves the area; the field errors when the camera is not an in-store camera or the area cannot count.</summary>
    public async Task<FieldErrors> Save(Camera camera, CountingArea area, string actor)
    {
        var errors = new FieldErrors();
        if (camera.Kind != CameraKind.Interior) errors.Add("camera", "only in-store cameras count people in an area.");
        else if (area.Problem() is { } problem) errors.Add("points", problem);
        if (errors.Any) return errors;
        await cameras.SetCountingArea(camera.Code, area, actor);
        await cluster.GetGrain<ICameraGrain>(camera.Code).RefreshProfile();
        return errors;
    }

    /// <summary>Removes the area (the camera counts its whole view again); false when the camera does not exist.</summary>
    public async Task<bool> Clear(string cameraCode, string actor)
    {
        if (!await cameras.SetCountingArea(cameraCode, null, actor)) return false;
        await cluster.GetGrain<ICameraGrain>(cameraCode).RefreshProfile();
        return true;
    }
}
