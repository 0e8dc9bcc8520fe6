namespace SmartStore.Grains.Traffic;

/// <summary>How an in-store camera's per-frame people counts are fused over consecutive frames. Defaults from vision-accuracy on the dev sets.</summary>
public sealed record HeadcountOptions
{
    /// <summary>Frames further apart than this are not consecutive: the run of frames before the gap is counted out on its own.</summary>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Frames in the median (odd; 1 turns the median off).</summary>
    public int Window { get; init; } = 3;

    /// <summary>Count a person seen in the frames before and after but not in this one.</summary>
    public bool FillGaps { get; init; } = true;

    /// <summary>Intersection over union at which a box of the frame before and one of the frame after are the same place.</summary>
    public float MinOverlap { get; init; } = 0.3f;
}
