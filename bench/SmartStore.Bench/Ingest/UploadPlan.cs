using SmartStore.Storage;

namespace SmartStore.Bench.Ingest;

/// <summary>One snapshot upload: the camera that sends it, its credentials, the name it uses and the bytes.</summary>
public sealed record PlannedUpload(string Camera, string Secret, string RemoteName, byte[] Content);

/// <summary>
/// Who uploads what. Each client is a camera of the seeded demo chain with its own frames, so every
/// upload is new content for that camera (a re-sent frame would only find its existing row). A client
/// whose uploads outnumber the frames moves on to a further camera of its own. The last camera is kept
/// for the warm-up, so warm-up rows never count as benchmark rows.
/// </summary>
public sealed class UploadPlan
{
    private UploadPlan(IReadOnlyList<IReadOnlyList<PlannedUpload>> clients, IReadOnlyList<PlannedUpload> warmUp, IReadOnlyList<string> cameras)
    {
        Clients = clients;
        WarmUp = warmUp;
        Cameras = cameras;
    }

    /// <summary>The uploads of each client, sent one after another.</summary>
    public IReadOnlyList<IReadOnlyList<PlannedUpload>> Clients { get; }

    /// <summary>Uploads sent before timing starts (JIT, grain activation, connection pools), by the reserved camera.</summary>
    public IReadOnlyList<PlannedUpload> WarmUp { get; }

    /// <summary>The cameras the timed uploads use.</summary>
    public IReadOnlyList<string> Cameras { get; }

    public int Files => Clients.Sum(c => c.Count);

    public static UploadPlan Build(int files, int clients, IReadOnlyList<byte[]> frames, SecretsFile secrets, DateTime captureStartLocal)
    {
        var cameras = secrets.Load()
            .Where(p => p.Key.StartsWith("camera:", StringComparison.Ordinal))
            .Select(p => (Code: p.Key["camera:".Length..], Secret: p.Value!.GetValue<string>()))
            // Entrance cameras first: they are the ones that send a steady stream of frames.
            .OrderBy(c => c.Code.EndsWith("-E1", StringComparison.Ordinal) ? 0 : 1).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        if (cameras.Count < 2) throw new InvalidOperationException("The seeded demo chain has no cameras in secrets.json.");
        var reserved = cameras[^1];
        var perClientMax = (files + clients - 1) / clients;
        var camerasPerClient = (perClientMax + frames.Count - 1) / frames.Count;
        if (camerasPerClient * clients > cameras.Count - 1)
            throw new ArgumentException($"{files} files from {clients} clients need {camerasPerClient * clients} cameras with {frames.Count} frames each; the demo chain has {cameras.Count - 1}.");

        var plan = new List<IReadOnlyList<PlannedUpload>>();
        var usedCameras = new SortedSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < clients; c++)
        {
            var count = files / clients + (c < files % clients ? 1 : 0);
            var uploads = new List<PlannedUpload>(count);
            for (var n = 0; n < count; n++)
            {
                var camera = cameras[c + clients * (n / frames.Count)];
                usedCameras.Add(camera.Code);
                // Clients start at different frames, so they do not all send the same picture at once.
                var frame = frames[(n + c * 37) % frames.Count];
                uploads.Add(new PlannedUpload(camera.Code, camera.Secret, HikvisionName(64 + c, captureStartLocal.AddMilliseconds(n * 40)), frame));
            }
            plan.Add(uploads);
        }
        var warmUp = Enumerable.Range(0, Math.Min(2 * clients, frames.Count))
            .Select(n => new PlannedUpload(reserved.Code, reserved.Secret, HikvisionName(250, captureStartLocal.AddMilliseconds(n * 40)), frames[n]))
            .ToList();
        return new UploadPlan(plan, warmUp, usedCameras.ToList());
    }

    /// <summary>The name a Hikvision camera uploads under: address, channel, store-local capture time, event.</summary>
    private static string HikvisionName(int host, DateTime capturedLocal) => $"192.168.1.{host}_01_{capturedLocal:yyyyMMddHHmmssfff}_TIMING.jpg";
}
