namespace SmartStore.Grains;

/// <summary>Persisted liveness of one camera. Stable alias: stored rows must survive renames.</summary>
[GenerateSerializer, Alias("SmartStore.CameraLivenessState")]
public sealed class CameraLivenessState
{
    [Id(0)] public bool Online { get; set; }
    [Id(1)] public DateTime? LastSeenUtc { get; set; }
    [Id(2)] public DateTime? ChangedUtc { get; set; }
    [Id(3)] public string? Firmware { get; set; }
    [Id(4)] public string? RemoteAddress { get; set; }
    [Id(5)] public long Heartbeats { get; set; }
}
