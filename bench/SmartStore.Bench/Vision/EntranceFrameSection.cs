using System.Diagnostics;
using System.Globalization;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;
using SmartStore.Vision.Reid;

namespace SmartStore.Bench.Vision;

/// <summary>
/// An entrance camera's frame as the analysis worker handles it: the person detector, then a re-id embedding of each
/// person found — two models in turn, 2 intra-op threads each. Timed with each session's own thread pool (in this
/// process) and with the one <see cref="SharedInferencePool"/> the silo starts (in a child process: the pool can only be
/// chosen before ONNX Runtime starts). Against each, the sum of the two models timed alone on the same frames.
/// </summary>
public static class EntranceFrameSection
{
    public const string OnlyFlag = "entrance-only";
    public const string SharedPoolFlag = "shared-pool";
    private const int Rounds = 3;
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(30);

    /// <summary>Times the frames in this process's pool mode; adds <c>entrance_frame_ms_{mode}</c> and <c>entrance_frame_parts_ms_{mode}</c>.</summary>
    public static double Measure(ModelStore store, IReadOnlyList<byte[]> jpegs, Figures figures)
    {
        var mode = SharedInferencePool.Threads is null ? "own_pools" : "shared_pool";
        var threads = new InferenceThreads(2, 1);
        var intake = new JpegIntake();
        using var detector = new PersonDetector(store, VisionDefaults.Detector with { Threads = threads });
        using var reid = new ReidEmbedder(store, new ReidOptions { Threads = threads });
        var frames = jpegs.Select(j => intake.Decode(j)).ToList();
        try
        {
            var people = frames.Select(f => detector.Detect(f.Bitmap)).ToList();
            var whole = new List<double>();
            var detectorAlone = new List<double>();
            var reidAlone = new List<double>();
            for (int round = 0; round <= Rounds; round++)
            for (int i = 0; i < frames.Count; i++)
            {
                var bitmap = frames[i].Bitmap;
                var both = Time(() => { foreach (var box in detector.Detect(bitmap)) reid.Embed(bitmap, box); });
                // Each model alone after a pause, so the other model's threads have gone quiet.
                Thread.Sleep(Quiet);
                var alone = Time(() => detector.Detect(bitmap));
                Thread.Sleep(Quiet);
                var embeddings = Time(() => { foreach (var box in people[i]) reid.Embed(bitmap, box); });
                if (round == 0) continue; // warm-up
                whole.Add(both);
                detectorAlone.Add(alone);
                reidAlone.Add(embeddings);
            }
            double frame = Median(whole), parts = Median(detectorAlone) + Median(reidAlone);
            Progress.Say(string.Create(CultureInfo.InvariantCulture,
                $"entrance frame, {mode.Replace('_', ' ')}: {frame:0.0} ms (detector {Median(detectorAlone):0.0} + re-id of {people.Average(p => p.Count):0.0} people {Median(reidAlone):0.0} ms timed alone = {parts:0.0})"));
            figures.Add($"entrance_frame_ms_{mode}", frame, "ms");
            figures.Add($"entrance_frame_parts_ms_{mode}", parts, "ms");
            return frame;
        }
        finally
        {
            foreach (var f in frames) f.Dispose();
        }
    }

    /// <summary>Runs this section again in a child process that starts the shared pool; adds its figures, returns its frame time.</summary>
    public static async Task<double> MeasureWithSharedPool(string dataDir, int frameCount, Figures figures, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(EntranceFrameSection).Assembly.Location);
        foreach (var a in new[] { "vision-speed", $"--{OnlyFlag}", $"--{SharedPoolFlag}", "--data", dataDir, "--frames", frameCount.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("vision-speed child did not start");
        double? frame = null;
        while (await child.StandardOutput.ReadLineAsync(cancellation).ConfigureAwait(false) is { } line)
        {
            if (!line.StartsWith("FIGURE ", StringComparison.Ordinal)) { Console.WriteLine($"  {line}"); continue; }
            var parts = line.Split(' ');
            var value = double.Parse(parts[2], CultureInfo.InvariantCulture);
            figures.Add(parts[1], value, parts[3]);
            if (parts[1] == "entrance_frame_ms_shared_pool") frame = value;
        }
        await child.WaitForExitAsync(cancellation).ConfigureAwait(false);
        if (child.ExitCode != 0) throw new InvalidOperationException($"vision-speed child (shared pool) exited with {child.ExitCode}");
        return frame ?? throw new InvalidOperationException("vision-speed child (shared pool) printed no entrance frame time");
    }

    private static double Time(Action work)
    {
        var t0 = Stopwatch.GetTimestamp();
        work();
        return Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    }

    private static double Median(List<double> values) => VisionSpeedBenchmark.Median(values);
}
