using SmartStore.Models;

namespace SmartStore.GrainInterfaces;

/// <summary>One sales region, keyed by its code. Keeps camera counts per store of the region, live.</summary>
public interface IRegionGrain : IGrainWithStringKey
{
    Task StoreCamerasChanged(string storeCode, CameraCounts counts);

    Task<CameraCounts> GetCameraCounts();

    /// <summary>A store's foot traffic for its local day <paramref name="day"/> changed.</summary>
    Task StoreTrafficChanged(string storeCode, DateOnly day, TrafficCounters today);

    /// <summary>Today's region totals (the latest day any store reported).</summary>
    Task<TrafficCounters> GetTraffic();
}
