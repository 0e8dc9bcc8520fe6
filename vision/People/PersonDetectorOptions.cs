using SmartStore.Vision.Models;

namespace SmartStore.Vision.People;

/// <summary>
/// Detector configuration. Defaults come from vision-accuracy on the dev sets (see the README model section):
/// RTMDet-nano at 640 / 0.40 (the input size is free for RTMDet; the NanoDet and YOLOX graphs are fixed at 416).
/// </summary>
public sealed record PersonDetectorOptions
{
    public PersonModel Model { get; init; } = PersonModel.RtmDetNano;
    public int InputSize { get; init; } = 640;
    public float ScoreThreshold { get; init; } = 0.40f;
    public float NmsIou { get; init; } = 0.45f;
    public TilingOptions? Tiling { get; init; }
    /// <summary>Label-free per-camera counting rules for sequences from one fixed camera; null counts at ScoreThreshold only.</summary>
    public SceneCalibrationOptions? SceneCalibration { get; init; } = new();
    public InferenceThreads Threads { get; init; } = new(2, 1);

    /// <summary>The detector whose model has this catalogue name (as assigned per camera kind in the back office), or null.</summary>
    public static PersonModel? ModelNamed(string catalogueName) =>
        Enum.GetValues<PersonModel>().Cast<PersonModel?>().FirstOrDefault(m => DetectorHeads.For(m!.Value).Spec.Name == catalogueName);

    /// <summary>The recommended operating point of each model from its PROVENANCE.md.</summary>
    public static PersonDetectorOptions For(PersonModel model) => model switch
    {
        PersonModel.RtmDetNano => new() { Model = model, InputSize = 640, ScoreThreshold = 0.40f },
        PersonModel.NanoDetM => new() { Model = model, InputSize = 416, ScoreThreshold = 0.35f },
        PersonModel.NanoDetPlusM => new() { Model = model, InputSize = 416, ScoreThreshold = 0.40f },
        PersonModel.YoloxNano => new() { Model = model, InputSize = 416, ScoreThreshold = 0.35f },
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };
}
