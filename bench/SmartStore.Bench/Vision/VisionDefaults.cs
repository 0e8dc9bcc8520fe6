using SmartStore.Vision.People;

namespace SmartStore.Bench.Vision;

/// <summary>The operating point the benchmarks measure unless told otherwise; mirrors the library defaults.</summary>
public static class VisionDefaults
{
    public static PersonDetectorOptions Detector { get; } = new();
    public const int FuseWindow = 3;
    /// <summary>Hand-counted installation snapshots per fixed camera used to fit its threshold.</summary>
    public const int CalibrationFrames = 10;
}
