using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;
using SmartStore.Bench.Data;
using SmartStore.Vision;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;

namespace SmartStore.Bench.Vision;

/// <summary>
/// Per model: bare `Run` time (median after warm-up) at 1 and 2 intra-op threads. For the default person
/// detector: the whole per-frame pipeline from JPEG bytes in memory (decode → tensor → inference → boxes →
/// count), its ratio to bare inference, and frames per second per core; the same at 1080p. Then an entrance frame (detector + re-id) with
/// per-session thread pools and with the silo's shared pool (<see cref="EntranceFrameSection"/>), and the SKU gallery's
/// seal time as the SKU master grows (<see cref="GallerySealSection"/>).
/// </summary>
public sealed class VisionSpeedBenchmark : IBenchmark
{
    public string Name => "vision-speed";
    public string Usage => "[--data DIR] [--runs N] [--frames N] [--gallery-skus 81,162,324] [--entrance-only [--shared-pool]]";

    private const int AlternationBlock = 10;

    private sealed record ModelInput(string Label, ModelSpec Spec, int Height, int Width, TensorLayout Layout, PixelNormalization Norm, float Pad, bool Stretch);

    private static readonly ModelInput[] Inputs =
    [
        new("rtmdet-nano-640", ModelCatalogue.RtmDetNanoPerson, 640, 640, TensorLayout.Nchw, PixelNormalization.MmdetBgr, 114, false),
        new("rtmdet-nano-512", ModelCatalogue.RtmDetNanoPerson, 512, 512, TensorLayout.Nchw, PixelNormalization.MmdetBgr, 114, false),
        new("nanodet-m-416", ModelCatalogue.NanoDetM416, 416, 416, TensorLayout.Nchw, PixelNormalization.MmdetBgr, 0, false),
        new("nanodet-plus-m-416", ModelCatalogue.NanoDetPlusM416, 416, 416, TensorLayout.Nchw, PixelNormalization.MmdetBgr, 0, false),
        new("yolox-nano-416", ModelCatalogue.YoloxNano, 416, 416, TensorLayout.Nchw, PixelNormalization.RawBgr, 114, false),
        new("person-reid-0287", ModelCatalogue.PersonReid0287, 256, 128, TensorLayout.Nhwc, PixelNormalization.RawBgr, 0, true),
        new("person-reid-0288", ModelCatalogue.PersonReid0288, 256, 128, TensorLayout.Nhwc, PixelNormalization.RawBgr, 0, true),
        new("ultraface-320", ModelCatalogue.UltraFace320, 240, 320, TensorLayout.Nchw, PixelNormalization.UltraFaceRgb, 0, true),
        new("mobilenetv2-features", ModelCatalogue.MobileNetV2Features, 224, 224, TensorLayout.Nchw, PixelNormalization.ImageNetRgb, 0, true),
    ];

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellation)
    {
        var dataDir = Path.GetFullPath(args.Get("data") ?? SharedAssets.DataDirectory());
        var runs = args.Get("runs", 30);
        var frameCount = args.Get("frames", 40);
        // Before anything opens a model: the pool can only be chosen when ONNX Runtime starts.
        if (args.Flag(EntranceFrameSection.SharedPoolFlag)) SharedInferencePool.Start(2);
        var store = ModelStore.Locate();
        var figures = new Figures();
        Progress.Say($"vision-speed: {Environment.ProcessorCount} cores, data {dataDir}, {runs} runs per model after 5 warm-up");

        var sets = await GtSet.LoadAllAsync(dataDir, cancellation).ConfigureAwait(false);
        // Snapshots from the two camera-like sets, held as JPEG bytes so disk I/O is not timed.
        var jpegs = new List<byte[]>();
        var walkway = new List<byte[]>(); // pets2009-s2l1: people passing, as an entrance camera sees them
        foreach (var name in new[] { "pets2009-s2l1", "mall-crowd" })
        {
            if (!sets.TryGetValue(name, out var set)) continue;
            var step = Math.Max(1, set.Images.Count / (frameCount / 2));
            foreach (var img in set.Images.Where((_, i) => i % step == 0).Take(frameCount / 2))
                (name == "pets2009-s2l1" ? walkway : jpegs).Add(await File.ReadAllBytesAsync(set.PathOf(img.File), cancellation).ConfigureAwait(false));
        }
        jpegs.InsertRange(0, walkway);
        if (jpegs.Count == 0) throw new InvalidOperationException($"No frames found under {dataDir}");
        if (args.Flag(EntranceFrameSection.OnlyFlag))
        {
            EntranceFrameSection.Measure(store, walkway, figures);
            figures.Print();
            return 0;
        }
        var intake = new JpegIntake();
        Progress.Say(intake.UsesSystemDecoder
            ? "JPEG decoder: the system's libjpeg-turbo (SIMD), SkiaSharp for what it refuses"
            : "JPEG decoder: SkiaSharp alone (libturbojpeg0 is not installed)");
        using var sample = intake.Decode(jpegs[0]);

        var bare = new Dictionary<(string, int), double>();
        foreach (var input in Inputs)
        foreach (var threads in new[] { 1, 2 })
        {
            var ms = BareMedian(store, input, threads, sample.Bitmap, runs);
            bare[(input.Label, threads)] = ms;
            figures.Add($"bare_inference_ms_{input.Label}_t{threads}", ms, "ms");
        }

        var defaults = VisionDefaults.Detector;
        var label = defaults.Model == PersonModel.RtmDetNano ? $"rtmdet-nano-{defaults.InputSize}" : Inputs.First(i => i.Spec == DetectorSpec(defaults.Model)).Label;
        foreach (var threads in new[] { 1, 2 })
        {
            var (pipeline, bareMedian) = MeasurePipeline(store, intake, jpegs, threads, label, "");
            if (threads == 2) figures.Add("pipeline_overhead_ratio", pipeline / bareMedian, "ratio");
            if (threads == 1)
            {
                figures.Add("pipeline_overhead_ratio_t1", pipeline / bareMedian, "ratio");
                figures.Add("fps_per_core", 1000 / pipeline, "fps");
            }
            figures.Add($"pipeline_ms_per_frame_t{threads}", pipeline, "ms");
            figures.Add($"bare_inference_ms_on_pipeline_frames_t{threads}", bareMedian, "ms");
        }
        // The same at 2 threads with SkiaSharp's decoder alone (no SIMD in its libjpeg-turbo): what the system decoder saves.
        if (intake.UsesSystemDecoder)
        {
            var (pipelineSkia, bareSkia) = MeasurePipeline(store, new JpegIntake(systemDecoder: false), jpegs, 2, label, " (SkiaSharp's decoder alone)");
            figures.Add("pipeline_overhead_ratio_skia_decoder", pipelineSkia / bareSkia, "ratio");
        }
        // Store cameras are mostly 1080p: the same frames as 1920 × 1080 JPEGs cost about four times the decoding, the same inference.
        var fullHd = jpegs.Select(FullHd).ToList();
        var (pipelineHd, bareHd) = MeasurePipeline(store, intake, fullHd, 2, label, " (the frames re-encoded at 1920 × 1080)");
        figures.Add("pipeline_ms_per_frame_1080p_t2", pipelineHd, "ms");
        figures.Add("pipeline_overhead_ratio_1080p", pipelineHd / bareHd, "ratio");
        var ownPools = EntranceFrameSection.Measure(store, walkway, figures);
        var sharedPool = await EntranceFrameSection.MeasureWithSharedPool(dataDir, frameCount, figures, cancellation).ConfigureAwait(false);
        figures.Add("entrance_frame_shared_pool_speedup", ownPools / sharedPool, "ratio");
        GallerySealSection.Run(args.Get("gallery-skus", "81,162,324").Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)), figures);
        figures.Print();
        return 0;
    }

    /// <summary>Median pipeline and bare-inference times per frame of the default detector at the given threads.</summary>
    private static (double Pipeline, double Bare) MeasurePipeline(ModelStore store, JpegIntake intake, List<byte[]> jpegs, int threads, string label, string what)
    {
        var defaults = VisionDefaults.Detector;
        using var detector = new PersonDetector(store, defaults with { Threads = new InferenceThreads(threads, 1) });
        using var bareRun = new BareDetectorRun(store, defaults, threads, intake, jpegs);
        // Pipeline and bare inference alternate in blocks of frames, so load from other work on the machine hits both
        // alike. Not frame by frame: two sessions taking turns on two cores slow each other down (ONNX Runtime's
        // intra-op threads spin after each run), which no single-session worker sees.
        var pipeTimes = new List<double>();
        var bareTimes = new List<double>();
        var decodeTimes = new List<double>();
        for (int round = 0; round < 2; round++)
        for (int block = 0; block < jpegs.Count; block += AlternationBlock)
        {
            var frames = Enumerable.Range(block, Math.Min(AlternationBlock, jpegs.Count - block)).ToList();
            foreach (var i in frames)
            {
                var sw = Stopwatch.StartNew();
                using (var frame = intake.Decode(jpegs[i]))
                {
                    if (round > 0) decodeTimes.Add(sw.Elapsed.TotalMilliseconds);
                    _ = detector.Detect(frame.Bitmap).Count; // the count is part of the pipeline timed
                }
                if (round > 0) pipeTimes.Add(sw.Elapsed.TotalMilliseconds);
            }
            foreach (var i in frames)
            {
                var bareMs = bareRun.Time(i);
                if (round > 0) bareTimes.Add(bareMs);
            }
        }
        double pipeline = Median(pipeTimes), bareMedian = Median(bareTimes);
        Progress.Say($"pipeline {label} threads {threads}{what}: median {pipeline:0.0} ms per frame over {pipeTimes.Count} frames (JPEG decode {Median(decodeTimes):0.0} ms, letterbox {bareRun.LetterboxMs:0.0} ms; bare inference on the same frames {bareMedian:0.0} ms)");
        return (pipeline, bareMedian);
    }

    /// <summary>A frame as a 1080p camera would send it: stretched to 1920 × 1080 and encoded at quality 90.</summary>
    private static byte[] FullHd(byte[] jpeg)
    {
        using var frame = SKBitmap.Decode(jpeg);
        using var large = frame.Resize(new SKImageInfo(1920, 1080), new SKSamplingOptions(SKFilterMode.Linear));
        using var image = SKImage.FromBitmap(large);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return encoded.ToArray();
    }

    private static ModelSpec DetectorSpec(PersonModel model) => model switch
    {
        PersonModel.NanoDetM => ModelCatalogue.NanoDetM416,
        PersonModel.NanoDetPlusM => ModelCatalogue.NanoDetPlusM416,
        PersonModel.YoloxNano => ModelCatalogue.YoloxNano,
        _ => ModelCatalogue.RtmDetNanoPerson,
    };

    private static double BareMedian(ModelStore store, ModelInput input, int threads, SKBitmap frame, int runs)
    {
        using var session = store.OpenSession(input.Spec, new InferenceThreads(threads, 1));
        using var tensor = new InputTensor(input.Height, input.Width, input.Layout);
        using var writer = new TensorWriter();
        var region = new SKRectI(0, 0, frame.Width, frame.Height);
        if (input.Stretch) writer.Stretch(frame, region, tensor, input.Norm);
        else writer.Letterbox(frame, tensor, input.Norm, input.Pad);
        string[] inNames = [session.InputMetadata.Keys.First()];
        var outNames = session.OutputMetadata.Keys.ToArray();
        using var runOptions = new RunOptions();
        var times = new List<double>();
        for (int i = 0; i < runs + 5; i++)
        {
            var sw = Stopwatch.StartNew();
            using (session.Run(runOptions, inNames, [tensor.Value], outNames)) { }
            if (i >= 5) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        var median = Median(times);
        Progress.Say($"bare {input.Label} threads {threads}: median {median:0.0} ms (min {times.Min():0.0}, max {times.Max():0.0})");
        return median;
    }

    /// <summary>The detector's graph run alone on pre-built input tensors of the pipeline's frames.</summary>
    private sealed class BareDetectorRun : IDisposable
    {
        private readonly InferenceSession session;
        private readonly List<InputTensor> tensors = [];
        private readonly string[] inNames;
        private readonly string[] outNames;
        private readonly RunOptions runOptions = new();

        public BareDetectorRun(ModelStore store, PersonDetectorOptions options, int threads, JpegIntake intake, List<byte[]> jpegs)
        {
            session = store.OpenSession(DetectorSpec(options.Model), new InferenceThreads(threads, 1));
            var size = options.InputSize;
            var norm = options.Model == PersonModel.YoloxNano ? PixelNormalization.RawBgr : PixelNormalization.MmdetBgr;
            float pad = options.Model is PersonModel.NanoDetM or PersonModel.NanoDetPlusM ? 0 : 114;
            using var writer = new TensorWriter();
            var letterboxTimes = new List<double>();
            foreach (var bytes in jpegs)
            {
                using var frame = intake.Decode(bytes);
                var t = new InputTensor(size, size, TensorLayout.Nchw);
                for (int r = 0; r < 3; r++)
                {
                    var sw = Stopwatch.StartNew();
                    writer.Letterbox(frame.Bitmap, t, norm, pad);
                    if (r > 0) letterboxTimes.Add(sw.Elapsed.TotalMilliseconds);
                }
                tensors.Add(t);
            }
            LetterboxMs = Median(letterboxTimes);
            inNames = [session.InputMetadata.Keys.First()];
            outNames = session.OutputMetadata.Keys.ToArray();
            for (int i = 0; i < 5; i++) Time(i % tensors.Count);
        }

        public double LetterboxMs { get; }

        public double Time(int index)
        {
            var sw = Stopwatch.StartNew();
            using (session.Run(runOptions, inNames, [tensors[index].Value], outNames)) { }
            return sw.Elapsed.TotalMilliseconds;
        }

        public void Dispose()
        {
            foreach (var t in tensors) t.Dispose();
            session.Dispose();
            runOptions.Dispose();
        }
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
