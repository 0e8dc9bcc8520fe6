using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>Persisted ingestion counters of one camera (its own state name: "camera-ingest").</summary>
[GenerateSerializer, Alias("SmartStore.CameraIngestState")]
public sealed class CameraIngestState
{
    private static readonly TimeSpan KeepHours = TimeSpan.FromHours(48);

    [Id(0)] public long Accepted { get; set; }
    [Id(1)] public long Duplicates { get; set; }
    [Id(2)] public Dictionary<string, long> RejectedByReason { get; set; } = new();
    [Id(3)] public long? LastSnapshotId { get; set; }
    [Id(4)] public DateTime? LastSnapshotUtc { get; set; }
    [Id(5)] public string? LastError { get; set; }
    [Id(6)] public DateTime? LastErrorUtc { get; set; }
    /// <summary>Uploads per UTC hour, last 48 hours.</summary>
    [Id(7)] public Dictionary<DateTime, int> UploadsPerHour { get; set; } = new();
    [Id(8)] public int? CurrentPreset { get; set; }
    [Id(9)] public Dictionary<int, long> LastSnapshotByPreset { get; set; } = new();

    public void Record(SnapshotReceipt receipt, int? preset)
    {
        if (receipt.Duplicate)
        {
            Duplicates++;
            return;
        }
        Accepted++;
        if (preset is { } number)
        {
            CurrentPreset = number;
            LastSnapshotByPreset[number] = receipt.SnapshotId;
        }
        LastSnapshotId = receipt.SnapshotId;
        LastSnapshotUtc = receipt.ReceivedUtc;
        var hour = new DateTime(receipt.ReceivedUtc.Year, receipt.ReceivedUtc.Month, receipt.ReceivedUtc.Day, receipt.ReceivedUtc.Hour, 0, 0, DateTimeKind.Utc);
        UploadsPerHour[hour] = UploadsPerHour.GetValueOrDefault(hour) + 1;
        foreach (var old in UploadsPerHour.Keys.Where(h => h < hour - KeepHours).ToList()) UploadsPerHour.Remove(old);
    }

    public void Reject(string reason, string detail, DateTime atUtc)
    {
        RejectedByReason[reason] = RejectedByReason.GetValueOrDefault(reason) + 1;
        LastError = $"{reason}: {detail}";
        LastErrorUtc = atUtc;
    }

    public CameraIngestion Snapshot() => new(Accepted, Duplicates, new Dictionary<string, long>(RejectedByReason),
        LastSnapshotId, LastSnapshotUtc, LastError, LastErrorUtc, new Dictionary<DateTime, int>(UploadsPerHour),
        CurrentPreset, new Dictionary<int, long>(LastSnapshotByPreset));
}
