using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>Persisted live view of one store: the last known status of each of its cameras.</summary>
[GenerateSerializer, Alias("SmartStore.StoreCamerasState")]
public sealed class StoreCamerasState
{
    [Id(0)] public Dictionary<string, CameraStatus> Cameras { get; set; } = new();
    [Id(1)] public string? RegionCode { get; set; }
    /// <summary>The store looks closed during its opening hours since then (its day's closure, until a customer comes).</summary>
    [Id(2)] public StoreClosure? LooksClosed { get; set; }
}

/// <summary>Persisted counts per member (stores of a region, regions of the chain).</summary>
[GenerateSerializer, Alias("SmartStore.CameraCountsByMemberState")]
public sealed class CameraCountsByMemberState
{
    [Id(0)] public Dictionary<string, CameraCounts> Members { get; set; } = new();

    public CameraCounts Total() => new(Members.Values.Sum(c => c.Online), Members.Values.Sum(c => c.Offline));
}
