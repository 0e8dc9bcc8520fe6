namespace SmartStore.Models;

/// <summary>What the grains need to know about a store: where it belongs and when it is open.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.StoreProfile")]
public sealed record StoreProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string RegionCode,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] OpeningHours OpeningHours);

/// <summary>What the grains need to know about a camera from master data.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.CameraProfile")]
public sealed record CameraProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] CameraKind Kind,
    [property: Id(2)] string? StoreCode,
    [property: Id(3)] IReadOnlyList<CameraPreset> Presets,
    [property: Id(4)] int PatrolCadenceMinutes,
    [property: Id(5)] DoorLine? DoorLine = null,
    [property: Id(6)] CountingArea? CountingArea = null);

/// <summary>What a board shows of one store, in one grain call: its cameras, today's foot traffic and shelf compliance now.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.StoreSummary")]
public sealed record StoreSummary(
    [property: Id(0)] IReadOnlyList<CameraStatus> Cameras,
    [property: Id(1)] TrafficCounters Today,
    [property: Id(2)] double? Compliance,
    [property: Id(3)] StoreClosure? LooksClosed = null);
