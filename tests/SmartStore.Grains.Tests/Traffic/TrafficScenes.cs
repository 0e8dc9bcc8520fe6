using SmartStore.Grains.Traffic;
using SmartStore.Models;

namespace SmartStore.Grains.Tests.Traffic;

/// <summary>Hand-built detection sequences: a 640x480 camera with a vertical door line at x = 320, inside to the right.</summary>
internal static class TrafficScenes
{
    public const int Width = 640, Height = 480;
    public static readonly DateTime Start = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    public static readonly DoorLine Door = new(0.5f, 0.2f, 0.5f, 1.0f, 0.9f, 0.5f);

    /// <summary>A unit appearance vector pointing mostly along axis <paramref name="who"/>: people with different axes are dissimilar.</summary>
    public static float[] Look(int who, float noise = 0)
    {
        var v = new float[16];
        v[who % 16] = 1;
        v[(who + 1) % 16] = noise;
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    /// <summary>A person 40x120 px whose foot point is at (footX, footY).</summary>
    public static PersonSighting At(float footX, float footY, float[]? look = null) =>
        new(footX - 20, footY - 120, footX + 20, footY, 0.9f, look);

    public static AnalysedFrame Frame(int index, params PersonSighting[] people) =>
        new(index, Start.AddSeconds(index), Width, Height, people);

    /// <summary>Feeds frames at 1 fps and then empty frames until every track has ended.</summary>
    public static List<TrackedFrame> Play(EntranceTracker tracker, IEnumerable<PersonSighting[]> frames)
    {
        var results = new List<TrackedFrame>();
        var i = 0;
        foreach (var people in frames) results.Add(tracker.Observe(Frame(i++, people)));
        for (var k = 0; k < 5; k++) results.Add(tracker.Observe(Frame(i++)));
        return results;
    }

    /// <summary>Foot x positions from <paramref name="fromX"/> to <paramref name="toX"/> in <paramref name="steps"/> frames.</summary>
    public static IEnumerable<float> Walk(float fromX, float toX, int steps) =>
        Enumerable.Range(0, steps).Select(i => fromX + (toX - fromX) * i / (steps - 1));
}
