namespace SmartStore.Models;

/// <summary>A camera's liveness as the camera grain decided it.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.CameraStatus")]
public sealed record CameraStatus(
    [property: Id(0)] string CameraCode,
    [property: Id(1)] string? StoreCode,
    [property: Id(2)] string? RegionCode,
    [property: Id(3)] CameraKind Kind,
    [property: Id(4)] bool Online,
    [property: Id(5)] DateTime? LastSeenUtc,
    [property: Id(6)] DateTime? ChangedUtc,
    /// <summary>The view faults the camera has now (codes: blocked, moved, too-dark …); null or empty when its view is fine.</summary>
    [property: Id(7)] IReadOnlyList<string>? Faults = null);

/// <summary>What a camera reports with each heartbeat. All fields optional: cheap cameras send nothing.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.Heartbeat")]
public sealed record Heartbeat(
    [property: Id(0)] DateTime ReceivedUtc,
    [property: Id(1)] string? Firmware = null,
    [property: Id(2)] string? RemoteAddress = null);

/// <summary>Live counts of one store, region or the whole chain.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.CameraCounts")]
public sealed record CameraCounts(
    [property: Id(0)] int Online,
    [property: Id(1)] int Offline)
{
    public int Total => Online + Offline;
}
