using System.Globalization;
using SmartStore.Bench.Data;
using SmartStore.Grains.Traffic;
using SmartStore.Models;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;

namespace SmartStore.Bench.Vision;

/// <summary>Person counting and person-box accuracy per set with the configured detector.</summary>
public sealed class PeopleCountingSection(ModelStore store, PersonDetectorOptions options, int fuseWindow, int limit, int calibrationFrames, string? dumpPath = null, bool fillGaps = true)
{
    public static readonly string[] CountedSets = ["mall-crowd", "pets2009-s2l1", "tud-mot15"];
    public const string StressSet = "shanghaitech-b";
    private const float TraceFloor = 0.05f;
    private static readonly float[] Sweep = [0.25f, 0.30f, 0.35f, 0.40f, 0.45f, 0.50f, 0.55f];

    public async Task RunAsync(IReadOnlyDictionary<string, GtSet> sets, Figures figures, CancellationToken cancellation)
    {
        Progress.Say($"people: {options.Model} size {options.InputSize} thr {options.ScoreThreshold:0.00} tiling {(options.Tiling is { } t ? $"{t.Columns}x{t.Rows} overlap {t.Overlap} whole {t.IncludeWholeFrame}" : "off")} fuse {fuseWindow}");
        using var detector = new PersonDetector(store, options);
        var intake = new JpegIntake();
        var accuracies = new List<double>();
        var uncalibrated = new List<double>();
        var live = new List<double>();
        using var dump = dumpPath is null ? null : new StreamWriter(dumpPath);
        foreach (var name in CountedSets.Append(StressSet))
        {
            if (!sets.TryGetValue(name, out var set)) { Progress.Say($"people: set {name} not found, skipped"); continue; }
            var frames = set.Images.OrderBy(i => i.Sequence, StringComparer.Ordinal).ThenBy(i => i.Frame ?? 0).ThenBy(i => i.File, StringComparer.Ordinal).ToList();
            var step = limit > 0 ? Math.Max(1, (int)Math.Ceiling(frames.Count / (double)limit)) : 1;
            frames = frames.Where((_, i) => i % step == 0).ToList();
            var tally = new DetectionTally();
            var scores = new List<float[]>(frames.Count);
            var allBoxes = new List<PersonBox[]>(frames.Count);
            var frameWidth = 0;
            for (int f = 0; f < frames.Count; f++)
            {
                using var frame = await intake.DecodeFileAsync(set.PathOf(frames[f].File), cancellation).ConfigureAwait(false);
                var boxes = detector.Detect(frame.Bitmap, Math.Min(TraceFloor, options.ScoreThreshold));
                scores.Add(boxes.Select(b => b.Score).ToArray());
                allBoxes.Add([.. boxes]);
                frameWidth = frame.Bitmap.Width;
                dump?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"F\t{name}\t{f}\t{frame.Bitmap.Width}\t{frame.Bitmap.Height}\t{frames[f].Count}\t{frames[f].Sequence}"));
                foreach (var b in boxes) dump?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"B\t{b.X1:0.0}\t{b.Y1:0.0}\t{b.X2:0.0}\t{b.Y2:0.0}\t{b.Score:0.0000}"));
                if (set.Task == "person_detection") tally.AddFrame(boxes, frames[f]);
                if ((f + 1) % 100 == 0) Progress.Say($"people: {name} {f + 1}/{frames.Count}");
            }
            var truth = frames.Select(i => i.Count).ToList();
            List<int> CountsAt(float t, int from = 0) => scores.Skip(from).Select(s => s.Count(v => v >= t)).ToList();
            double Accuracy(IReadOnlyList<int> predicted, int from = 0)
            {
                double err = 0, sum = 0;
                for (int i = 0; i < predicted.Count; i++) { err += Math.Abs(predicted[i] - truth[from + i]); sum += truth[from + i]; }
                return 1 - err / sum;
            }
            var sweepText = string.Join(" ", Sweep.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t:0.00}:{Accuracy(CountsAt(t)):0.000}")));
            var raw = CountsAt(options.ScoreThreshold);
            var rawAcc = Accuracy(raw);
            Progress.Say($"people: {name} frames {frames.Count} true {truth.Sum()} counted {raw.Sum()} acc {rawAcc:0.0000} at {options.ScoreThreshold:0.00}; sweep {sweepText}");
            // Headline: no ground truth used at all — one global threshold, plus, for a fixed camera's frame
            // sequence, a median over consecutive frames (a person missed in one frame is still there).
            var oneCamera = frames.All(i => i.Frame is not null) && frames.Count > calibrationFrames * 2;
            var headline = rawAcc;
            var counted = raw;
            if (oneCamera && options.SceneCalibration is { } sceneOptions)
            {
                // Self-calibration from this camera's own unlabelled frames (no ground truth).
                var scene = SceneCalibration.Fit(allBoxes, frameWidth, options.ScoreThreshold, sceneOptions);
                var people = allBoxes.Select(b => scene.People(b)).ToList();
                counted = people.Select(p => p.Count).ToList();
                var sceneOnly = Accuracy(counted);
                for (int f = 0; f < people.Count; f++)
                    foreach (var b in people[f]) dump?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"P\t{name}\t{f}\t{b.X1:0.0}\t{b.Y1:0.0}\t{b.X2:0.0}\t{b.Y2:0.0}\t{b.Score:0.0000}"));
                counted = InteriorCounts(people, new HeadcountOptions { Window = 1, FillGaps = fillGaps });
                headline = Accuracy(counted);
                Progress.Say(string.Create(CultureInfo.InvariantCulture, $"people: {name} scene calibration fitted {scene.IsFitted} height = {scene.Slope:0.000} x foot + {scene.Intercept:0.0}, typical width/height {scene.TypicalAspect:0.00}; acc {sceneOnly:0.0000} unfused; gaps filled {fillGaps}: counted {counted.Sum()} acc {headline:0.0000} unfused"));
                // The headline is what an in-store camera's grain reports: the same boxes through its headcount.
                if (step == 1) headline = Accuracy(InteriorCounts(people, new HeadcountOptions { Window = fuseWindow, FillGaps = fillGaps }));
                if (step == 1 && name != StressSet) live.Add(LiveAccuracy(name, allBoxes, frameWidth, sceneOptions, new HeadcountOptions { Window = fuseWindow, FillGaps = fillGaps }, Accuracy, figures));
            }
            else if (oneCamera && step == 1 && fuseWindow > 1) headline = Accuracy(InteriorCounts(AtOrAbove(allBoxes, options.ScoreThreshold), new HeadcountOptions { Window = fuseWindow, FillGaps = false }));
            figures.Add($"person_count_accuracy_{name}_unfused", rawAcc, "ratio");
            figures.Add($"person_count_accuracy_{name}", headline, "ratio");
            if (name != StressSet) uncalibrated.Add(headline);

            // Installer calibration, reported apart because it uses ground truth: fit the camera's threshold on K
            // hand-counted frames spread over the sequence, then score only the other frames.
            if (oneCamera && calibrationFrames > 0)
            {
                var labelledIdx = CountCalibration.SpreadIndices(frames.Count, calibrationFrames).ToHashSet();
                var labelled = labelledIdx.Select(i => new CountCalibration.LabelledFrame(scores[i], truth[i])).ToList();
                var fitted = CountCalibration.FitThreshold(labelled, options.ScoreThreshold);
                var rest = Enumerable.Range(0, frames.Count).Where(i => !labelledIdx.Contains(i)).ToList();
                double AccuracyOn(IReadOnlyList<int> idx, IReadOnlyList<int> predicted)
                {
                    double err = 0, sum = 0;
                    for (int j = 0; j < idx.Count; j++) { err += Math.Abs(predicted[j] - truth[idx[j]]); sum += truth[idx[j]]; }
                    return 1 - err / sum;
                }
                var allCalibrated = CountsAt(fitted);
                var calAcc = AccuracyOn(rest, rest.Select(i => allCalibrated[i]).ToList());
                var globalCounts = CountsAt(options.ScoreThreshold);
                var sameFramesUncal = AccuracyOn(rest, rest.Select(i => globalCounts[i]).ToList());
                var fusedText = "n/a";
                var reported = calAcc;
                if (step == 1 && fuseWindow > 1)
                {
                    var fused = InteriorCounts(AtOrAbove(allBoxes, fitted), new HeadcountOptions { Window = fuseWindow, FillGaps = false });
                    var fusedAcc = AccuracyOn(rest, rest.Select(i => fused[i]).ToList());
                    fusedText = fusedAcc.ToString("0.0000", CultureInfo.InvariantCulture);
                    reported = fusedAcc;
                }
                Progress.Say($"people: {name} calibrated on {labelled.Count} spread frames -> threshold {fitted:0.000}; on the other {rest.Count}: calibrated {calAcc:0.0000} (global {sameFramesUncal:0.0000}), fused({fuseWindow}) {fusedText}");
                figures.Add($"person_count_accuracy_{name}_calibrated", reported, "ratio");
                if (name != StressSet) accuracies.Add(reported);
            }
            if (set.Task == "person_detection")
            {
                var (p, r) = tally.At(options.ScoreThreshold);
                figures.Add($"person_detection_precision_{name}", p, "ratio");
                figures.Add($"person_detection_recall_{name}", r, "ratio");
                figures.Add($"person_detection_ap50_{name}", tally.AveragePrecision(), "ratio");
            }
        }
        if (accuracies.Count == CountedSets.Length) figures.Add("person_count_accuracy_calibrated", accuracies.Average(), "ratio");
        if (uncalibrated.Count == CountedSets.Length) figures.Add("person_count_accuracy", uncalibrated.Average(), "ratio");
        if (live.Count == CountedSets.Length) figures.Add("person_count_accuracy_live", live.Average(), "ratio");
        if (_afterRestart.Count == CountedSets.Length)
        {
            figures.Add("person_count_accuracy_after_restart_uninterrupted", _afterRestart.Average(r => r.Uninterrupted), "ratio");
            figures.Add("person_count_accuracy_after_restart_resumed", _afterRestart.Average(r => r.Resumed), "ratio");
            figures.Add("person_count_accuracy_after_restart_learned_anew", _afterRestart.Average(r => r.Cold), "ratio");
        }
    }

    /// <summary>
    /// The sequence as an in-store camera lives it: the analysis worker's scene learned from the camera's first frames
    /// (counting at the plain threshold until then), its counts fused by the camera grain's headcount. Every frame is
    /// scored, the warm-up included.
    /// </summary>
    private double LiveAccuracy(string camera, List<PersonBox[]> frames, int frameWidth, SceneCalibrationOptions sceneOptions, HeadcountOptions headcount,
        Func<IReadOnlyList<int>, int, double> accuracy, Figures figures)
    {
        var scenes = new InteriorScenes(sceneOptions, options.ScoreThreshold);
        var restart = frames.Count / 2;
        var firstHalf = frames.Take(restart).Select(b => scenes.People(camera, frameWidth, b)).ToList();
        var kept = scenes.TakeLearned().Select(l => l.Scene).LastOrDefault();
        var people = firstHalf.Concat(frames.Skip(restart).Select(b => scenes.People(camera, frameWidth, b))).ToList();
        var result = accuracy(InteriorCounts(people, headcount), 0);
        Progress.Say(string.Create(CultureInfo.InvariantCulture, $"people: {camera} live (scene learned from the first frames, grain's headcount): acc {result:0.0000}"));
        figures.Add($"person_count_accuracy_{camera}_live", result, "ratio");
        _afterRestart.Add(AfterRestart(camera, frames, frameWidth, sceneOptions, headcount, accuracy, firstHalf, people, kept));
        return result;
    }

    private readonly List<(double Uninterrupted, double Resumed, double Cold)> _afterRestart = [];

    /// <summary>
    /// A silo restarted halfway through the sequence: its worker meets the camera again and either resumes the scene kept
    /// before (SceneArchive) or learns it anew, counting at the plain threshold until then. Only the frames after the
    /// restart are scored, against the same frames counted without a restart.
    /// </summary>
    private (double Uninterrupted, double Resumed, double Cold) AfterRestart(string camera, List<PersonBox[]> frames, int frameWidth,
        SceneCalibrationOptions sceneOptions, HeadcountOptions headcount, Func<IReadOnlyList<int>, int, double> accuracy,
        List<IReadOnlyList<PersonBox>> firstHalf, List<IReadOnlyList<PersonBox>> uninterrupted, LearnedScene? kept)
    {
        var restart = firstHalf.Count;
        double Score(IReadOnlyList<IReadOnlyList<PersonBox>> people) => accuracy(InteriorCounts(people, headcount).Skip(restart).ToList(), restart);
        double Restarted(LearnedScene? scene)
        {
            var worker = new InteriorScenes(sceneOptions, options.ScoreThreshold);
            worker.Resume(camera, frameWidth, scene);
            return Score([.. firstHalf, .. frames.Skip(restart).Select(b => worker.People(camera, frameWidth, b))]);
        }
        var result = (Score(uninterrupted), Restarted(kept), Restarted(null));
        Progress.Say(string.Create(CultureInfo.InvariantCulture,
            $"people: {camera} after a restart at frame {restart}: uninterrupted {result.Item1:0.0000}, scene resumed {result.Item2:0.0000}, learned anew {result.Item3:0.0000}"));
        return result;
    }

    /// <summary>Counts per frame of one camera's sequence through the camera grain's headcount, frames one second apart.</summary>
    private static List<int> InteriorCounts(IReadOnlyList<IReadOnlyList<PersonBox>> frames, HeadcountOptions headcount)
    {
        var fusion = new InteriorHeadcount(headcount);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var counts = new List<int>(frames.Count);
        for (int f = 0; f < frames.Count; f++)
            counts.AddRange(fusion.Add(start.AddSeconds(f), frames[f].Select(Sighting).ToList()).Select(c => c.People));
        counts.AddRange(fusion.Finish().Select(c => c.People));
        return counts;
    }

    private static List<List<PersonBox>> AtOrAbove(List<PersonBox[]> frames, float score) =>
        frames.Select(f => f.Where(b => b.Score >= score).ToList()).ToList();

    private static PersonSighting Sighting(PersonBox b) => new(b.X1, b.Y1, b.X2, b.Y2, b.Score, null);
}
