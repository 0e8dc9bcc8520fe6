namespace SmartStore.Vision.Intake;

/// <summary>
/// For each output index along one axis: the two source indices it lies between (relative to the region's start)
/// and the weight of the second — sampled at pixel centres, clamped at the edges (as Skia's linear sampling).
/// Refilled in place when the lengths change (a person crop of another size, a canvas after a crop): the arrays only
/// grow, so a writer that alternates between a detector canvas and crops allocates nothing once warm.
/// </summary>
internal sealed class ResizeAxis
{
    public int SourceLength { get; private set; } = -1;
    public int OutputLength { get; private set; } = -1;
    /// <summary>Valid up to <see cref="OutputLength"/>; longer when an earlier, longer output needed more.</summary>
    public int[] Lo { get; private set; } = [];
    public int[] Hi { get; private set; } = [];
    public float[] Weight { get; private set; } = [];

    public void Fit(int sourceLength, int outputLength)
    {
        if (sourceLength == SourceLength && outputLength == OutputLength) return;
        if (Lo.Length < outputLength) (Lo, Hi, Weight) = (new int[outputLength], new int[outputLength], new float[outputLength]);
        var scale = sourceLength / (double)outputLength;
        for (int i = 0; i < outputLength; i++)
        {
            var s = Math.Clamp((i + 0.5) * scale - 0.5, 0, sourceLength - 1);
            var a = (int)Math.Floor(s);
            var b = Math.Min(a + 1, sourceLength - 1);
            (Lo[i], Hi[i], Weight[i]) = (a, b, (float)(s - a));
        }
        (SourceLength, OutputLength) = (sourceLength, outputLength);
    }
}
