using System.Globalization;
using SmartStore.Bench.Data;
using SmartStore.Bench.Ingest;
using SmartStore.Bench.Vision;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Vision;

namespace SmartStore.Bench.Traffic;

/// <summary>
/// Entry counting through the real pipeline: a silo process of its own on a fresh database; for every counting
/// line of every annotated sequence, an entrance camera with that door line in a store of its own; the frames
/// uploaded over FTP at the sequence's frame rate with their capture time in the file name; the silo's analysis
/// worker detects and embeds, the camera grain tracks and counts, the store grain writes its hourly row. Counted
/// in/out per line (from traffic_hourly) are compared with the crossings derived from the annotators' tracks;
/// detection and per-frame counts are scored from the boxes stored with each snapshot.
/// </summary>
public sealed class TrafficAccuracyBenchmark : IBenchmark
{
    public string Name => "traffic-accuracy";

    public string Usage => "[--data DIR]  entries/exits per door line through upload → analysis → grains (needs SMARTSTORE_BENCH_PG)";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellation)
    {
        var data = args.Get("data", SharedAssets.DataDirectory());
        var scenes = await TrafficScene.LoadAll(data, cancellation);
        if (scenes.Count == 0) throw new InvalidOperationException($"No set with line_crossings under {data}.");
        Progress.Say($"traffic-accuracy: {scenes.Count} sequences, {scenes.Sum(s => s.Lines.Count)} door lines, {scenes.Sum(s => s.Frames.Count * s.Lines.Count)} uploads");

        var work = Directory.CreateTempSubdirectory("smartstore-bench-traffic-");
        try
        {
            await using var database = new SmartStoreDatabase(IngestDatabase.ConnectionString());
            var secrets = new SecretsFile(Path.Combine(work.FullName, "secrets.json"));
            Progress.Say("database: migrating and seeding the demo chain");
            await new IngestDatabase(database).Prepare(secrets, cancellation);
            var placement = await TrafficPlacement.Create(database, scenes, cancellation);

            var ftpPort = Loopback.FreePort();
            Progress.Say($"starting a silo of its own (FTP 127.0.0.1:{ftpPort})");
            await using var silo = await BenchSilo.Start(database.ConnectionString, work.FullName, ftpPort, cancellation);
            var started = DateTime.UtcNow;
            foreach (var scene in scenes) await TrafficReplay.Upload(scene, placement, ftpPort, cancellation);
            await TrafficReplay.WaitForAnalysis(database, silo, cancellation);
            // The cameras end their last tracks once quiet (the tracker's gap, 2.5 s, checked every second), then the
            // store grains write their hours every 5 s.
            await Task.Delay(TimeSpan.FromSeconds(12), cancellation);
            Progress.Say($"replay and analysis took {(DateTime.UtcNow - started).TotalSeconds:0} s");

            var figures = new Figures();
            await Score(database, scenes, placement, figures);
            figures.Print();
            return 0;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Progress.Say("traffic-accuracy: stopped before the end");
            return 130;
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static async Task Score(SmartStoreDatabase database, IReadOnlyList<TrafficScene> scenes, TrafficPlacement placement, Figures figures)
    {
        int allError = 0, allTrue = 0;
        double allOccupancyError = 0, allPeople = 0; var allFrames = 0;
        var allDetections = new DetectionTally();
        foreach (var scene in scenes)
        {
            int error = 0, truth = 0;
            foreach (var line in scene.Lines)
            {
                var counted = await TrafficReplay.Counted(database, placement.StoreOf(scene, line));
                var real = scene.Truth[line.Name];
                error += Math.Abs(counted.In - real.In) + Math.Abs(counted.Out - real.Out);
                truth += real.In + real.Out;
                Progress.Say($"  {scene.Sequence,-12} {line.Name,-10} in {counted.In}/{real.In}  out {counted.Out}/{real.Out}");
            }
            var frames = await TrafficReplay.StoredFrames(database, placement.CameraOf(scene, scene.Lines[0]));
            var tally = new DetectionTally();
            double occupancyError = 0, people = 0;
            var switches = new IdentitySwitches();
            foreach (var image in scene.Frames)
            {
                var boxes = frames.TryGetValue(TrafficReplay.FrameOf(image), out var f) ? f : [];
                tally.AddFrame(boxes.Select(b => b.Box).ToList(), image);
                allDetections.AddFrame(boxes.Select(b => b.Box).ToList(), image);
                switches.Add(boxes, image);
                occupancyError += Math.Abs(boxes.Count - image.Count);
                people += image.Count;
            }
            var (precision, recall) = tally.At(0);
            var accuracy = truth == 0 ? 1 : 1 - (double)error / truth;
            var key = scene.Set;
            figures.Add($"entry_count_accuracy_{key}", accuracy, "ratio");
            figures.Add($"crossings_true_{key}", truth, "events");
            figures.Add($"occupancy_mae_{key}", occupancyError / scene.Frames.Count, "people");
            figures.Add($"occupancy_count_accuracy_{key}", 1 - occupancyError / Math.Max(1, people), "ratio");
            figures.Add($"detection_precision_{key}", precision, "ratio");
            figures.Add($"detection_recall_{key}", recall, "ratio");
            figures.Add($"id_switches_{key}", switches.Switches, "switches");
            figures.Add($"gt_tracks_{key}", switches.Tracks, "tracks");
            allError += error; allTrue += truth;
            allOccupancyError += occupancyError; allPeople += people; allFrames += scene.Frames.Count;
        }
        var (p, r) = allDetections.At(0);
        figures.Add("entry_count_accuracy", allTrue == 0 ? 1 : 1 - (double)allError / allTrue, "ratio");
        figures.Add("occupancy_mae", allOccupancyError / Math.Max(1, allFrames), "people");
        figures.Add("occupancy_count_accuracy", 1 - allOccupancyError / Math.Max(1, allPeople), "ratio");
        figures.Add("detection_precision", p, "ratio");
        figures.Add("detection_recall", r, "ratio");
    }
}
