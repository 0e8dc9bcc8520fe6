namespace SmartStore.Vision.Intake;

/// <summary>
/// For each output index along one axis: the two source indices it lies between (relative to the region's start)
/// and the weight of the second — sampled at pixel centres, clamped at the edges (as Skia's linear sampling).
/// </summary>
internal sealed record ResizeAxis(int SourceLength, int OutputLength, int[] Lo, int[] Hi, float[] Weight)
{
    public static readonly ResizeAxis Empty = new(0, 0, [], [], []);

    /// <summary>This axis again when the lengths are the same (slot crops of one size share it), else a new one.</summary>
    public ResizeAxis For(int sourceLength, int outputLength)
    {
        if (sourceLength == SourceLength && outputLength == OutputLength) return this;
        var lo = new int[outputLength];
        var hi = new int[outputLength];
        var weight = new float[outputLength];
        var scale = sourceLength / (double)outputLength;
        for (int i = 0; i < outputLength; i++)
        {
            var s = Math.Clamp((i + 0.5) * scale - 0.5, 0, sourceLength - 1);
            var a = (int)Math.Floor(s);
            var b = Math.Min(a + 1, sourceLength - 1);
            (lo[i], hi[i], weight[i]) = (a, b, (float)(s - a));
        }
        return new ResizeAxis(sourceLength, outputLength, lo, hi, weight);
    }
}
