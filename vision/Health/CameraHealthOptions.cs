namespace SmartStore.Vision.Health;

/// <summary>
/// Thresholds for the health checks, as shares and ratios so they hold at any camera resolution. Defaults are
/// the values vision-accuracy's health section measures (recall on code-perturbed frames, false alarms on
/// untouched real sequences).
/// </summary>
public sealed record CameraHealthOptions
{
    /// <summary>Share of the view hidden by one connected covered region (a banner 吊旗, a box, a cloth).</summary>
    public double BlockedCoverage { get; init; } = 0.15;
    /// <summary>Global shift as a share of the frame diagonal-free width/height.</summary>
    public double MovedShift { get; init; } = 0.03;
    public double MovedRotationDegrees { get; init; } = 2.5;
    public double MovedZoom { get; init; } = 0.06;
    /// <summary>How much better the moved alignment must match than "not moved" (normalised correlation gain).</summary>
    public double MovedEvidenceGain { get; init; } = 0.04;
    public double DarkMeanLuma { get; init; } = 40;
    public double DarkRelativeToReference { get; init; } = 0.45;
    public double OverexposedShare { get; init; } = 0.45;
    public double FrozenMeanDifference { get; init; } = 0.35;
    /// <summary>Sharpness relative to the reference below which the view is out of focus.</summary>
    public double FocusRelativeToReference { get; init; } = 0.45;
}
