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
