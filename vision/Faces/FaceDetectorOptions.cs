using SmartStore.Vision.Models;

namespace SmartStore.Vision.Faces;

/// <summary>UltraFace RFB-320 by default (fast); RFB-640 finds many more small faces in wide entrance shots.</summary>
public sealed record FaceDetectorOptions
{
    public ModelSpec Model { get; init; } = ModelCatalogue.UltraFace320;
    public float ScoreThreshold { get; init; } = 0.7f;
    public float NmsIou { get; init; } = 0.3f;
    public InferenceThreads Threads { get; init; } = new(2, 1);
}
