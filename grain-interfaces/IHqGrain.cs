using SmartStore.Models;

namespace SmartStore.GrainInterfaces;

/// <summary>Head office: the national totals, a single grain keyed <c>hq</c>.</summary>
public interface IHqGrain : IGrainWithStringKey
{
    public const string Key = "hq";

    Task RegionCamerasChanged(string regionCode, CameraCounts counts);

    Task<CameraCounts> GetCameraCounts();

    Task RegionTrafficChanged(string regionCode, DateOnly day, TrafficCounters today);

    Task<TrafficCounters> GetTraffic();
}
