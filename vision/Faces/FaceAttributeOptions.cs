namespace SmartStore.Vision.Faces;

/// <summary>
/// Configuration (appsettings `Vision:FaceAttributes`). Model names a registered plug-in; null means none is
/// licensed for us yet, and every face reports Unknown. MinConfidence turns low-confidence estimates into Unknown.
/// </summary>
public sealed record FaceAttributeOptions
{
    public string? Model { get; init; }
    public string? ModelPath { get; init; }
    public string? Sha256 { get; init; }
    public float MinConfidence { get; init; } = 0.6f;
}
