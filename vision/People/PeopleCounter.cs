namespace SmartStore.Vision.People;

/// <summary>
/// Occupancy per frame from detections. Along a sequence from one camera, a person briefly hidden in one
/// frame but seen before and after is still there, so the fused count is the median over a short window
/// of consecutive frames (odd window; 1 disables fusion).
/// </summary>
public sealed class PeopleCounter(int window = 1)
{
    private readonly Queue<int> recent = new();

    public int Window { get; } = window < 1 || window % 2 == 0 ? throw new ArgumentOutOfRangeException(nameof(window), "odd, ≥ 1") : window;

    /// <summary>Raw count of one frame.</summary>
    public static int Count(IReadOnlyList<PersonBox> people) => people.Count;

    /// <summary>Adds the next frame's raw count and returns the fused count (median of the last Window frames).</summary>
    public int Observe(int rawCount)
    {
        recent.Enqueue(rawCount);
        while (recent.Count > Window) recent.Dequeue();
        Span<int> values = stackalloc int[recent.Count];
        var i = 0;
        foreach (var v in recent) values[i++] = v;
        values.Sort();
        return values[values.Length / 2];
    }

    /// <summary>
    /// People per frame of a recorded sequence, with one-frame gaps filled: a person seen in the frame before and again,
    /// at about the same place (IoU ≥ <paramref name="minOverlap"/>), in the frame after, but not found in this frame is
    /// still there — hidden for a moment or missed by the detector. Needs one frame of look-ahead. On the dev sets
    /// (scene-calibrated boxes, then the median over 3): mall-crowd 0.876 → 0.911, pets 0.893 → 0.895, tud 0.855 → 0.855.
    /// </summary>
    public static int[] CountWithGapsFilled(IReadOnlyList<IReadOnlyList<PersonBox>> frames, float minOverlap = 0.3f)
    {
        var counts = new int[frames.Count];
        for (int t = 0; t < frames.Count; t++)
        {
            counts[t] = frames[t].Count;
            if (t == 0 || t == frames.Count - 1) continue;
            foreach (var before in frames[t - 1])
                if (!Overlaps(frames[t], before, minOverlap) && Overlaps(frames[t + 1], before, minOverlap)) counts[t]++;
        }
        return counts;
    }

    private static bool Overlaps(IReadOnlyList<PersonBox> frame, in PersonBox box, float minOverlap)
    {
        foreach (var other in frame)
            if (other.IoU(box) >= minOverlap) return true;
        return false;
    }

    /// <summary>Centred median over a whole recorded sequence (offline reports can look ahead one frame).</summary>
    public static int[] FuseSequence(IReadOnlyList<int> counts, int window)
    {
        var half = window / 2;
        var fused = new int[counts.Count];
        var buffer = new List<int>(window);
        for (int i = 0; i < counts.Count; i++)
        {
            buffer.Clear();
            for (int j = Math.Max(0, i - half); j <= Math.Min(counts.Count - 1, i + half); j++) buffer.Add(counts[j]);
            buffer.Sort();
            fused[i] = buffer[buffer.Count / 2];
        }
        return fused;
    }
}
