namespace SmartStore.Vision.People;

/// <summary>
/// Label-free per-camera counting (see <see cref="SceneCalibration"/>). A box at or above the detector's
/// ScoreThreshold always counts; a box between LowScore and it counts only when its height fits the camera's
/// perspective, it is not mostly inside a stronger box, and it is not a fixture seen in almost every frame.
/// Defaults come from vision-accuracy on the dev sets (README, "People counting").
/// </summary>
public sealed record SceneCalibrationOptions
{
    /// <summary>Floor for the boxes the scene rules may rescue.</summary>
    public float LowScore { get; init; } = 0.20f;
    /// <summary>Boxes at or above this score fit the height-versus-foot line.</summary>
    public float FitScore { get; init; } = 0.50f;
    /// <summary>Fewer confident boxes than this over the camera's frames: no fit, plain threshold.</summary>
    public int MinFitBoxes { get; init; } = 20;
    public float MinHeightRatio { get; init; } = 0.6f;
    public float MaxHeightRatio { get; init; } = 1.3f;
    /// <summary>A low box whose intersection over the smaller box exceeds this with a counted box is a body part.</summary>
    public float ContainedIoMin { get; init; } = 0.5f;
    /// <summary>A low box found (IoU &gt; 0.5) in more than this fraction of the reference frames is background.</summary>
    public float StaticFraction { get; init; } = 0.9f;
    /// <summary>
    /// A box touching the left or right side of the view narrower than this share of the camera's typical person
    /// (width ÷ height) shows less than that share of a person, and is not counted.
    /// </summary>
    public float MinVisibleWidth { get; init; } = 0.5f;
    /// <summary>A box within this share of the frame width of its left or right side touches that side.</summary>
    public float SideMargin { get; init; } = 0.005f;
    /// <summary>Frames, spread evenly over the camera's frames, kept to judge what is static.</summary>
    public int ReferenceFrames { get; init; } = 60;
}
