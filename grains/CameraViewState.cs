using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>Persisted view faults of one fixed camera (raised ones only). Stable alias: stored rows must survive renames.</summary>
[GenerateSerializer, Alias("SmartStore.CameraViewState")]
public sealed class CameraViewState
{
    [Id(0)] public List<ActiveViewFault> Active { get; set; } = [];
}
