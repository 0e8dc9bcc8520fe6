using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// Whether a viewer (user or API key) may see a camera: head office sees every camera; managers only
/// cameras bound to a store of their scope. One rule for the API, pages, the live hub and HTTP uploads.
/// </summary>
public sealed class CameraVisibility(CameraRepository cameras, StoreRepository stores)
{
    /// <summary>True or false for a known camera; null when the camera does not exist.</summary>
    public async Task<bool?> Allows(AccessScope scope, string cameraCode)
    {
        var camera = await cameras.Find(cameraCode);
        if (camera is null) return null;
        if (scope.SeesWholeChain) return true;
        var store = camera.StoreCode is null ? null : await stores.Find(camera.StoreCode);
        return store is not null && scope.AllowsStore(store.Code, store.RegionCode);
    }
}
