using SmartStore.Bench.Data;

namespace SmartStore.Bench.Traffic;

/// <summary>One annotated sequence with its counting lines and the true in/out per line.</summary>
public sealed record TrafficScene(string Set, string Folder, string Sequence, IReadOnlyList<GtImage> Frames,
    IReadOnlyList<CountingLineTruth> Lines, IReadOnlyDictionary<string, InOut> Truth)
{
    public int Width => Frames[0].Width;
    public int Height => Frames[0].Height;

    /// <summary>Every sequence of every set under <paramref name="data"/> that has line_crossings.</summary>
    public static async Task<IReadOnlyList<TrafficScene>> LoadAll(string data, CancellationToken cancellation)
    {
        var scenes = new List<TrafficScene>();
        foreach (var (name, set) in await GtSet.LoadAllAsync(data, cancellation))
        {
            if (set.Task != "person_detection" || await LineTruth.LoadAsync(set.Folder, cancellation) is not { } truth) continue;
            foreach (var sequence in set.Images.GroupBy(i => i.Sequence ?? name))
            {
                var lines = truth.Lines.Where(l => l.Sequence == sequence.Key).ToList();
                if (lines.Count == 0 || !truth.TotalsByLine.TryGetValue(sequence.Key, out var totals)) continue;
                scenes.Add(new TrafficScene(name, set.Folder, sequence.Key, sequence.OrderBy(i => i.Frame).ToList(), lines, totals));
            }
        }
        return scenes;
    }
}
