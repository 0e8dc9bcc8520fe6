using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>Checks and saves an entrance camera's door line (API and camera page), then tells the camera grain.</summary>
public sealed class DoorLineEditor(CameraRepository cameras, IClusterClient cluster)
{
    /// <summary>Saves the line; the field errors when the camera is not an entrance camera or the line cannot count.</summary>
    public async Task<FieldErrors> Save(Camera camera, DoorLine line, string actor)
    {
        var errors = new FieldErrors();
        if (camera.Kind != CameraKind.Entrance) errors.Add("camera", "only entrance cameras count door crossings.");
        else if (line.Problem() is { } problem) errors.Add("doorLine", problem);
        if (errors.Any) return errors;
        await cameras.SetDoorLine(camera.Code, line, actor);
        await cluster.GetGrain<ICameraGrain>(camera.Code).RefreshProfile();
        return errors;
    }

    /// <summary>Removes the line (the camera stops counting); false when the camera does not exist.</summary>
    public async Task<bool> Clear(string cameraCode, string actor)
    {
        if (!await cameras.SetDoorLine(cameraCode, null, actor)) return false;
        await cluster.GetGrain<ICameraGrain>(cameraCode).RefreshProfile();
        return true;
    }
}
