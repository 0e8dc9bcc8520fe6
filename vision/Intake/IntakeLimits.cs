namespace SmartStore.Vision.Intake;

/// <summary>
/// Caps checked before any pixel is decoded, so a hostile or broken upload cannot exhaust memory.
/// 8K x 8K covers every camera snapshot we expect with room to spare.
/// </summary>
public sealed record IntakeLimits(long MaxBytes = 32L * 1024 * 1024, long MaxPixels = 8192L * 8192)
{
    public static IntakeLimits Default { get; } = new();
}
