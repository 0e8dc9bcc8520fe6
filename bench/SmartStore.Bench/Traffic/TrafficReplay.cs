using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using SmartStore.Bench.Data;
using SmartStore.Bench.Ingest;
using SmartStore.Simulator;
using SmartStore.Storage;
using SmartStore.Vision.People;

namespace SmartStore.Bench.Traffic;

/// <summary>A stored box of an analysed snapshot, with the track id the camera grain gave it.</summary>
public sealed record StoredBox(PersonBox Box, int Track);

/// <summary>Uploads a sequence the way its camera would, then reads back what the pipeline made of it.</summary>
public static partial class TrafficReplay
{
    /// <summary>
    /// Every frame to every line camera of the scene, paced at the frame times of the sequence (a frame that is
    /// late waits for nobody); the capture time travels in the Hikvision-style file name, in the store's zone.
    /// </summary>
    public static async Task Upload(TrafficScene scene, TrafficPlacement placement, int ftpPort, CancellationToken cancellation)
    {
        var ftp = new FtpUploader(Loopback.Host, ftpPort);
        var start = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var failed = 0;
        foreach (var image in scene.Frames)
        {
            var offset = TimeSpan.FromSeconds(image.TimeS ?? (image.Frame ?? 0) / 25.0);
            var wait = offset - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellation);
            var bytes = await File.ReadAllBytesAsync(Path.Combine(scene.Folder, image.File), cancellation);
            var uploads = scene.Lines.Select(async line =>
            {
                var (camera, secret, zone) = placement.Login(scene, line);
                var local = TimeZoneInfo.ConvertTimeFromUtc(start + offset, TimeZoneInfo.FindSystemTimeZoneById(zone));
                var name = $"{camera}_01_{local.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}_F{image.Frame:000000}.jpg";
                return await ftp.Upload(camera, secret, name, bytes, cancellation);
            });
            failed += (await Task.WhenAll(uploads)).Count(r => !r.Stored);
        }
        Progress.Say($"{scene.Sequence}: {scene.Frames.Count} frames x {scene.Lines.Count} cameras uploaded in {clock.Elapsed.TotalSeconds:0.0} s (sequence lasts {scene.Frames[^1].TimeS:0.0} s), {failed} failed");
        if (failed > 0) throw new InvalidOperationException($"{failed} uploads of {scene.Sequence} were refused.");
    }

    public static async Task WaitForAnalysis(SmartStoreDatabase database, ChildProcess silo, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var connection = await database.Open(cancellation);
            var waiting = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM snapshots WHERE status IN ('pending', 'analysing')");
            var failed = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM snapshots WHERE status = 'failed'");
            if (waiting == 0)
            {
                Progress.Say($"analysis finished ({failed} failed)");
                return;
            }
            if (silo.HasExited) throw new InvalidOperationException($"The silo stopped:{Environment.NewLine}{silo.Tail()}");
            if (clock.Elapsed > TimeSpan.FromMinutes(20)) throw new TimeoutException($"{waiting} snapshots still not analysed after 20 minutes.");
            Progress.Say($"analysis: {waiting} snapshots waiting");
            await Task.Delay(TimeSpan.FromSeconds(3), cancellation);
        }
    }

    /// <summary>In = customer entries + staff crossings in + entries while the store was closed by its hours (the bench runs at any hour); out = exits, those while it was closed included, from the store's hourly rows.</summary>
    public static async Task<InOut> Counted(SmartStoreDatabase database, string store)
    {
        await using var connection = await database.Open();
        var row = await connection.QuerySingleAsync<(long In, long Out)>(
            "SELECT coalesce(sum(entries + staff + off_hours_entries), 0), coalesce(sum(exits + off_hours_exits), 0) FROM traffic_hourly WHERE store_code = @store", new { store });
        return new InOut((int)row.In, (int)row.Out);
    }

    /// <summary>Stored boxes per frame number (from the file name) of one camera.</summary>
    public static async Task<Dictionary<int, IReadOnlyList<StoredBox>>> StoredFrames(SmartStoreDatabase database, string camera)
    {
        await using var connection = await database.Open();
        var rows = await connection.QueryAsync<(string FileName, string? Analysis)>(
            "SELECT file_name, analysis::text FROM snapshots WHERE camera_code = @camera", new { camera });
        var frames = new Dictionary<int, IReadOnlyList<StoredBox>>();
        foreach (var (fileName, analysis) in rows)
        {
            var match = FrameNumber().Match(fileName);
            if (!match.Success || analysis is null) continue;
            using var json = JsonDocument.Parse(analysis);
            if (!json.RootElement.TryGetProperty("people", out var people)) continue;
            frames[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)] = people.EnumerateArray().Select(p =>
            {
                var b = p.GetProperty("box").EnumerateArray().Select(v => v.GetSingle()).ToArray();
                return new StoredBox(new PersonBox(b[0], b[1], b[2], b[3], p.GetProperty("score").GetSingle()), p.GetProperty("track").GetInt32());
            }).ToList();
        }
        return frames;
    }

    public static int FrameOf(GtImage image) => image.Frame ?? 0;

    [GeneratedRegex(@"_F([0-9]{6})\.jpg$")]
    private static partial Regex FrameNumber();
}

/// <summary>How often the track id matched to an annotated person changes along its track (ID switches).</summary>
public sealed class IdentitySwitches
{
    private readonly Dictionary<int, int> _lastTrack = new();

    public int Switches { get; private set; }
    public int Tracks => _lastTrack.Count;

    public void Add(IReadOnlyList<StoredBox> boxes, GtImage image)
    {
        var taken = new HashSet<int>();
        foreach (var person in image.Persons ?? [])
        {
            var truth = new PersonBox(person.Bbox[0], person.Bbox[1], person.Bbox[0] + person.Bbox[2], person.Bbox[1] + person.Bbox[3], 1);
            var best = -1; var bestIou = 0.5f;
            for (var i = 0; i < boxes.Count; i++)
            {
                if (taken.Contains(i)) continue;
                var iou = boxes[i].Box.IoU(truth);
                if (iou >= bestIou) (best, bestIou) = (i, iou);
            }
            if (best < 0) continue;
            taken.Add(best);
            if (_lastTrack.TryGetValue(person.TrackId, out var last) && last != boxes[best].Track) Switches++;
            _lastTrack[person.TrackId] = boxes[best].Track;
        }
    }
}
