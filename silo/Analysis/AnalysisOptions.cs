namespace SmartStore.Silo.Analysis;

/// <summary>Configuration section "Analysis": the workers that turn pending snapshots into counts.</summary>
public sealed record AnalysisOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>Snapshots claimed per round trip to the database.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>
    /// People cameras' frames are analysed before shelf photos (foot traffic is live); a shelf photo that has waited this
    /// long comes with each batch of them, so a patrol's result is not held up without end, however busy the doors.
    /// </summary>
    public TimeSpan ShelfMayWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle worker looks for work it was not told about (another silo's uploads, a restart).</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the workers read the recognition models assigned in the back office (a change applies within this).</summary>
    public TimeSpan ModelsCheckEvery { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A claim older than this belongs to a worker that died; the snapshot goes back to pending.</summary>
    public TimeSpan StaleClaimAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// RTMDet-nano's score for people to track (other detectors use their PROVENANCE operating point). 0.45 rather than the per-frame counting default 0.40: fewer false boxes
    /// to start false tracks, and the tracker bridges a frame where a person scores lower (traffic-accuracy: 0.40
    /// gave 0.93 entry-count accuracy, 0.45 gave 0.97, 0.50 gave 0.93 with the other settings as shipped).
    /// </summary>
    public float? TrackingScore { get; init; } = 0.45f;

    /// <summary>
    /// Intra-op threads of the one ONNX Runtime pool every model of the silo shares (detector, re-id, product
    /// embeddings, the recognition APIs). The cores the silo may give to inference; 2 suits the 2-core store server.
    /// </summary>
    public int InferenceThreads { get; init; } = 2;
}
