using SmartStore.Bench.Data;
using SmartStore.Vision;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;

namespace SmartStore.Bench.Vision;

/// <summary>
/// Accuracy of everything vision/ does, on the annotated sets under --data (dev or held-out: same layout).
/// Sections: people, reid, sku, health (--only to run one). --limit N subsamples each set while iterating.
/// </summary>
public sealed class VisionAccuracyBenchmark : IBenchmark
{
    public string Name => "vision-accuracy";
    public string Usage => "[--data DIR] [--only people|reid|sku|health] [--limit N] [--model rtmdet|nanodet|nanodet-plus|yolox] [--size S] [--threshold T] [--nms IOU] [--tiles CxR] [--overlap F] [--no-whole] [--fuse W] [--calibrate K] [--dump FILE] [--no-scene] [--no-gap-fill] [--low-score T] [--min-height-ratio R] [--max-height-ratio R] [--contained F] [--static F] [--min-visible-width F] [--reid-model 0287|0288] [--health-frames N]";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellation)
    {
        var dataDir = Path.GetFullPath(args.Get("data") ?? SharedAssets.DataDirectory());
        var store = ModelStore.Locate();
        Progress.Say($"vision-accuracy: data {dataDir}, models {store.ModelsDirectory}");
        var sets = await GtSet.LoadAllAsync(dataDir, cancellation).ConfigureAwait(false);
        Progress.Say($"sets: {string.Join(", ", sets.Keys)}");
        var only = args.Get("only");
        var limit = args.Get("limit", 0);
        var figures = new Figures();

        if (only is null or "people")
            await new PeopleCountingSection(store, DetectorOptionsFrom(args), args.Get("fuse", VisionDefaults.FuseWindow), limit, args.Get("calibrate", VisionDefaults.CalibrationFrames), args.Get("dump"), !args.Flag("no-gap-fill")).RunAsync(sets, figures, cancellation).ConfigureAwait(false);

        if (only is null or "reid")
        {
            var reidModel = args.Get("reid-model") == "0288" ? ModelCatalogue.PersonReid0288 : ModelCatalogue.PersonReid0287;
            await new ReidSection(store, reidModel, limit).RunAsync(sets, figures, cancellation).ConfigureAwait(false);
        }

        if (only is null or "sku")
            await new SkuSection(store, limit).RunAsync(sets, figures, cancellation).ConfigureAwait(false);

        if (only is null or "health")
            await new HealthSection(args.Get("health-frames", 40)).RunAsync(sets, figures, cancellation).ConfigureAwait(false);

        figures.Print();
        return 0;
    }

    private static SceneCalibrationOptions? SceneOptionsFrom(BenchArgs args, SceneCalibrationOptions? baseline)
    {
        if (args.Flag("no-scene")) return null;
        var scene = baseline ?? new SceneCalibrationOptions();
        return scene with
        {
            LowScore = args.Get("low-score", scene.LowScore),
            MinHeightRatio = args.Get("min-height-ratio", scene.MinHeightRatio),
            MaxHeightRatio = args.Get("max-height-ratio", scene.MaxHeightRatio),
            ContainedIoMin = args.Get("contained", scene.ContainedIoMin),
            StaticFraction = args.Get("static", scene.StaticFraction),
            MinVisibleWidth = args.Get("min-visible-width", scene.MinVisibleWidth),
        };
    }

    internal static PersonDetectorOptions DetectorOptionsFrom(BenchArgs args)
    {
        var model = args.Get("model") switch
        {
            null => VisionDefaults.Detector.Model,
            "rtmdet" => PersonModel.RtmDetNano,
            "nanodet" => PersonModel.NanoDetM,
            "nanodet-plus" => PersonModel.NanoDetPlusM,
            "yolox" => PersonModel.YoloxNano,
            var other => throw new ArgumentException($"Unknown --model {other}"),
        };
        var baseline = model == VisionDefaults.Detector.Model ? VisionDefaults.Detector : PersonDetectorOptions.For(model);
        TilingOptions? tiling = baseline.Tiling;
        if (args.Get("tiles") is { } tiles)
        {
            var parts = tiles.Split('x');
            tiling = parts[0] == "0" ? null : new TilingOptions(int.Parse(parts[0]), int.Parse(parts[1]), args.Get("overlap", 0.25f), !args.Flag("no-whole"));
        }
        return baseline with
        {
            InputSize = args.Get("size", baseline.InputSize),
            ScoreThreshold = args.Get("threshold", baseline.ScoreThreshold),
            NmsIou = args.Get("nms", baseline.NmsIou),
            Tiling = tiling,
            SceneCalibration = SceneOptionsFrom(args, baseline.SceneCalibration),
        };
    }
}
