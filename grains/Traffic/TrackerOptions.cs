namespace SmartStore.Grains.Traffic;

/// <summary>How the entrance tracker links detections into tracks. Defaults from traffic-accuracy on the dev sets.</summary>
public sealed record TrackerOptions
{
    /// <summary>A track not matched for this long is finished (at 1 fps: two missed frames).</summary>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>How far a person may move between frames, in body heights: this much at once plus per second of gap.</summary>
    public float MaxStepHeights { get; init; } = 0.6f;
    public float MaxStepHeightsPerSecond { get; init; } = 1.5f;

    /// <summary>Appearance similarity below which two boxes are never the same person, whatever the geometry says.</summary>
    public float MinAppearanceSimilarity { get; init; } = 0.25f;

    /// <summary>Foot points nearer the line than this share of the frame height decide no side.</summary>
    public float LineMarginOfHeight { get; init; } = 0.004f;

    /// <summary>Deciding samples in a row on the new side before a crossing counts.</summary>
    public int ConfirmFrames { get; init; } = 2;

    /// <summary>Frames a track needs before its disappearance can count as a passer-by (filters one-frame false detections).</summary>
    public int MinFramesForPasserBy { get; init; } = 3;
}
