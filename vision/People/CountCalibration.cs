namespace SmartStore.Vision.People;

/// <summary>
/// Per-camera score threshold, fitted at installation from a few snapshots whose people were counted by hand.
/// One global threshold cannot serve both a mall concourse (small, half-hidden people who score low) and a
/// kerbside camera (large people, where a low threshold admits bags and shadows): the best global value on
/// our dev sets ranges from 0.25 to 0.50 by scene. The fit only chooses among thresholds; it never sees the
/// frames it is later scored on.
/// </summary>
public static class CountCalibration
{
    public static IReadOnlyList<float> Grid { get; } = Enumerable.Range(0, 17).Select(i => 0.20f + 0.025f * i).ToArray();

    /// <summary>A labelled installation snapshot: detector scores (at a low floor) and the hand count.</summary>
    public readonly record struct LabelledFrame(IReadOnlyList<float> Scores, int TrueCount);

    /// <summary>
    /// The grid threshold with the least total count error on the labelled frames (ties go to the higher, more
    /// precise value). The fallback is kept unless the fit cuts the labelled error by at least `minGain`: with a
    /// handful of sparse frames a small gain is noise, and chasing it made sparse scenes worse in our runs.
    /// </summary>
    public static float FitThreshold(IReadOnlyList<LabelledFrame> frames, float fallback, double minGain = 0.25)
    {
        if (frames.Count == 0) return fallback;
        long Error(float t)
        {
            long error = 0;
            foreach (var f in frames) error += Math.Abs(f.Scores.Count(s => s >= t) - f.TrueCount);
            return error;
        }
        var best = fallback;
        var bestError = long.MaxValue;
        foreach (var t in Grid.Reverse())
        {
            var error = Error(t);
            if (error < bestError) { bestError = error; best = t; }
        }
        return bestError <= (1 - minGain) * Error(fallback) ? best : fallback;
    }

    /// <summary>Which of n snapshots to hand-count: k spread evenly over the period (an installer counts across the day, not one burst).</summary>
    public static IReadOnlyList<int> SpreadIndices(int n, int k) =>
        k <= 0 || n <= 0 ? [] : Enumerable.Range(0, Math.Min(k, n)).Select(i => k == 1 ? 0 : (int)Math.Round(i * (n - 1) / (double)(k - 1))).Distinct().ToList();
}
