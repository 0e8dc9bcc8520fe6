namespace SmartStore.Vision.People;

/// <summary>
/// What a fitted <see cref="SceneCalibration"/> learned about one camera at one frame width — its perspective, its
/// typical person shape and the reference frames that tell fixtures from people — so it can be kept and resumed (after a
/// restart, or by another silo's worker) without the frames it was learned from.
/// </summary>
public sealed record LearnedScene(int FrameWidth, float Slope, float Intercept, float TypicalAspect, IReadOnlyList<IReadOnlyList<PersonBox>> Reference);
