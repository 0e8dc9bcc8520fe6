using SmartStore.Models;

namespace SmartStore.GrainInterfaces;

/// <summary>One sales region, keyed by its code. Keeps camera counts per store of the region, live.</summary>
public interface IRegionGrain : IGrainWithStringKey
{
    Task StoreCamerasChanged(string storeCode, CameraCounts counts);

    Task<CameraCounts> GetCameraCounts();
}
