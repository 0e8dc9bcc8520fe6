using SmartStore.Bench.Data;
using SmartStore.Vision.People;

namespace SmartStore.Bench.Vision;

/// <summary>
/// Person-box scoring at IoU 0.5 in the MOT convention: greedy by score, a detection matching an `ignore`
/// box is neither true nor false positive. Greedy-by-score is prefix-consistent, so one low-threshold pass
/// gives P/R at every higher threshold and the AP50 curve.
/// </summary>
public sealed class DetectionTally
{
    private readonly List<(float Score, bool Hit)> scored = [];
    public int GroundTruth { get; private set; }

    public void AddFrame(IReadOnlyList<PersonBox> detections, GtImage image)
    {
        var truth = (image.Persons ?? []).Select(ToBox).ToList();
        var ignore = (image.Ignore ?? []).Select(ToBox).ToList();
        GroundTruth += truth.Count;
        var taken = new bool[truth.Count];
        foreach (var d in detections.OrderByDescending(d => d.Score))
        {
            int best = -1; float bestIou = 0.5f;
            for (int i = 0; i < truth.Count; i++)
            {
                if (taken[i]) continue;
                var iou = d.IoU(truth[i]);
                if (iou >= bestIou) { bestIou = iou; best = i; }
            }
            if (best >= 0) { taken[best] = true; scored.Add((d.Score, true)); continue; }
            if (ignore.Any(g => d.IoU(g) >= 0.5f)) continue;
            scored.Add((d.Score, false));
        }
    }

    public (double Precision, double Recall) At(float threshold)
    {
        int tp = 0, fp = 0;
        foreach (var (s, hit) in scored)
            if (s >= threshold) { if (hit) tp++; else fp++; }
        return (tp + fp == 0 ? 1 : tp / (double)(tp + fp), GroundTruth == 0 ? 0 : tp / (double)GroundTruth);
    }

    /// <summary>All-point interpolated average precision (VOC 2010+ style).</summary>
    public double AveragePrecision()
    {
        var ordered = scored.OrderByDescending(s => s.Score).ToList();
        var precision = new double[ordered.Count];
        var recall = new double[ordered.Count];
        int tp = 0;
        for (int i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Hit) tp++;
            precision[i] = tp / (double)(i + 1);
            recall[i] = GroundTruth == 0 ? 0 : tp / (double)GroundTruth;
        }
        for (int i = ordered.Count - 2; i >= 0; i--) precision[i] = Math.Max(precision[i], precision[i + 1]);
        double ap = 0, previousRecall = 0;
        for (int i = 0; i < ordered.Count; i++)
        {
            ap += (recall[i] - previousRecall) * precision[i];
            previousRecall = recall[i];
        }
        return ap;
    }

    // MOT boxes are 1-based [left, top, width, height].
    private static PersonBox ToBox(GtPerson p) => new(p.Bbox[0] - 1, p.Bbox[1] - 1, p.Bbox[0] - 1 + p.Bbox[2], p.Bbox[1] - 1 + p.Bbox[3], 1);
}
