using SmartStore.Bench.Data;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;
using SmartStore.Vision.Reid;

namespace SmartStore.Bench.Vision;

/// <summary>
/// Same-person vs different-person separation of re-id embeddings on the annotated tracks: every pair of
/// crops from different frames; positive = same track id. ROC-AUC by the rank-sum (Mann-Whitney) formula.
/// </summary>
public sealed class ReidSection(ModelStore store, ModelSpec model, int limit)
{
    private static readonly string[] TrackedSets = ["pets2009-s2l1", "tud-mot15"];
    private const int MinCropHeight = 24;

    public async Task RunAsync(IReadOnlyDictionary<string, GtSet> sets, Figures figures, CancellationToken cancellation)
    {
        using var embedder = new ReidEmbedder(store, new ReidOptions { Model = model });
        var intake = new JpegIntake();
        var pooled = new List<(double Score, bool Same)>();
        foreach (var name in TrackedSets)
        {
            if (!sets.TryGetValue(name, out var set)) { Progress.Say($"reid: {name} not found, skipped"); continue; }
            var frames = set.Images.OrderBy(i => i.Sequence, StringComparer.Ordinal).ThenBy(i => i.Frame).ToList();
            var step = limit > 0 ? Math.Max(1, (int)Math.Ceiling(frames.Count / (double)limit)) : 1;
            var crops = new List<(string Track, int Frame, float[] E)>();
            foreach (var img in frames.Where((_, i) => i % step == 0))
            {
                using var frame = await intake.DecodeFileAsync(set.PathOf(img.File), cancellation).ConfigureAwait(false);
                foreach (var p in img.Persons ?? [])
                {
                    var box = new PersonBox(p.Bbox[0] - 1, p.Bbox[1] - 1, p.Bbox[0] - 1 + p.Bbox[2], p.Bbox[1] - 1 + p.Bbox[3], 1);
                    var visibleHeight = Math.Min(box.Y2, frame.Height) - Math.Max(box.Y1, 0);
                    if (visibleHeight < MinCropHeight || Math.Min(box.X2, frame.Width) - Math.Max(box.X1, 0) < 8) continue;
                    crops.Add(($"{img.Sequence}/{p.TrackId}", img.Frame ?? 0, embedder.Embed(frame.Bitmap, box)));
                }
            }
            var pairs = new List<(double Score, bool Same)>();
            for (int i = 0; i < crops.Count; i++)
            for (int j = i + 1; j < crops.Count; j++)
            {
                if (crops[i].Frame == crops[j].Frame && crops[i].Track == crops[j].Track) continue;
                pairs.Add((SmartStore.Vision.Embedding.Cosine(crops[i].E, crops[j].E), crops[i].Track == crops[j].Track));
            }
            var auc = RocAuc(pairs);
            Progress.Say($"reid: {name} {crops.Count} crops, {pairs.Count(p => p.Same)} same / {pairs.Count(p => !p.Same)} different pairs, AUC {auc:0.0000}");
            figures.Add($"reid_roc_auc_{name}", auc, "ratio");
            pooled.AddRange(pairs);
        }
        if (pooled.Count > 0) figures.Add("reid_roc_auc", RocAuc(pooled), "ratio");
    }

    /// <summary>P(score of a random same-person pair > a random different-person pair), ties counting half.</summary>
    public static double RocAuc(List<(double Score, bool Same)> pairs)
    {
        var ordered = pairs.OrderBy(p => p.Score).ToList();
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < ordered.Count;)
        {
            int j = i;
            while (j < ordered.Count && ordered[j].Score == ordered[i].Score) j++;
            var averageRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) if (ordered[k].Same) { rankSum += averageRank; positives++; }
            i = j;
        }
        long negatives = ordered.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }
}
