namespace SmartStore.Models;

/// <summary>A snapshot the inbox stored (or recognised as a re-sent copy), as the camera grain hears of it.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.SnapshotReceipt")]
public sealed record SnapshotReceipt(
    [property: Id(0)] long SnapshotId,
    [property: Id(1)] string FileName,
    [property: Id(2)] DateTime? CapturedUtc,
    [property: Id(3)] DateTime ReceivedUtc,
    [property: Id(4)] bool Duplicate,
    [property: Id(5)] string Source,
    [property: Id(6)] int? PresetFromName = null);

/// <summary>A camera's ingestion counters: what it sent, what was refused and why.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.CameraIngestion")]
public sealed record CameraIngestion(
    [property: Id(0)] long Accepted,
    [property: Id(1)] long Duplicates,
    [property: Id(2)] IReadOnlyDictionary<string, long> RejectedByReason,
    [property: Id(3)] long? LastSnapshotId,
    [property: Id(4)] DateTime? LastSnapshotUtc,
    [property: Id(5)] string? LastError,
    [property: Id(6)] DateTime? LastErrorUtc,
    [property: Id(7)] IReadOnlyDictionary<DateTime, int> UploadsPerHour,
    [property: Id(8)] int? CurrentPreset,
    [property: Id(9)] IReadOnlyDictionary<int, long> LastSnapshotByPreset);
