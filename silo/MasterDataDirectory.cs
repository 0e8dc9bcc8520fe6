using SmartStore.Grains;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Silo;

/// <summary>Gives grains the master data they need, read from PostgreSQL.</summary>
public sealed class MasterDataDirectory(CameraRepository cameras, StoreRepository stores) : IMasterDataDirectory
{
    public async Task<CameraProfile?> FindCamera(string cameraCode, CancellationToken cancellationToken)
    {
        var camera = await cameras.Find(cameraCode);
        return camera is null ? null : new CameraProfile(camera.Code, camera.Kind, camera.StoreCode, camera.Presets, camera.PatrolCadenceMinutes, camera.DoorLine, camera.CountingArea);
    }

    public async Task<StoreProfile?> FindStore(string storeCode, CancellationToken cancellationToken)
    {
        var store = await stores.Find(storeCode);
        return store is null ? null : new StoreProfile(store.Code, store.Name, store.RegionCode, store.TimeZone, store.OpeningHours);
    }
}
