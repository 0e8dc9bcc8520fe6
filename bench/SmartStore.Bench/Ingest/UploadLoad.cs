using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using SmartStore.Simulator;

namespace SmartStore.Bench.Ingest;

/// <summary>What one load run against one FTP server gave: stored files, failures, wall time and per-upload times.</summary>
public sealed record LoadOutcome(int Stored, int Failed, TimeSpan Wall, IReadOnlyList<double> UploadMilliseconds, IReadOnlyList<string> FailureSamples)
{
    public double PerSecond => Wall > TimeSpan.Zero ? Stored / Wall.TotalSeconds : 0;

    /// <summary>Nearest-rank percentile of the successful uploads' times, in milliseconds.</summary>
    public double Percentile(double p)
    {
        if (UploadMilliseconds.Count == 0) return double.NaN;
        var sorted = UploadMilliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>
/// An FTP server under load: our endpoint (each camera logs in with its own credentials) or vsftpd
/// (anonymous upload into <paramref name="RemoteFolder"/>).
/// </summary>
public sealed record FtpTarget(string Name, int Port, string RemoteFolder, bool Anonymous)
{
    public (string User, string Password) LoginFor(PlannedUpload upload) =>
        Anonymous ? ("anonymous", "camera@smartstore.invalid") : (upload.Camera, upload.Secret);
}

/// <summary>
/// Sends a plan's uploads from its clients at once, each client one upload after another with the
/// camera FTP client (a fresh session per upload, as cameras do), and reports progress while it runs.
/// Every upload is bounded in time, so a stuck server costs at most <see cref="UploadTimeout"/> per file.
/// </summary>
public static class UploadLoad
{
    public static readonly TimeSpan UploadTimeout = TimeSpan.FromSeconds(30);
    private const int KeptFailures = 5;

    public static async Task<LoadOutcome> Run(FtpTarget target, IReadOnlyList<IReadOnlyList<PlannedUpload>> clients, bool warmUp,
        CancellationToken cancellation)
    {
        var label = warmUp ? $"{target.Name} warm-up" : target.Name;
        var ftp = new FtpUploader(Loopback.Host, target.Port);
        var total = clients.Sum(c => c.Count);
        var times = new ConcurrentBag<double>();
        var failures = new ConcurrentQueue<string>();
        var stored = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();

        async Task Client(IReadOnlyList<PlannedUpload> uploads)
        {
            foreach (var upload in uploads)
            {
                cancellation.ThrowIfCancellationRequested();
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                bounded.CancelAfter(UploadTimeout);
                string? failure;
                try
                {
                    var (user, password) = target.LoginFor(upload);
                    var result = await ftp.Upload(user, password, target.RemoteFolder + upload.RemoteName, upload.Content, bounded.Token);
                    if (result.Stored) times.Add(result.Elapsed.TotalMilliseconds);
                    failure = result.Stored ? null : result.Reply;
                }
                catch (Exception e) when (e is IOException or SocketException || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
                {
                    failure = e is OperationCanceledException ? $"no answer within {UploadTimeout.TotalSeconds:0} s" : e.Message;
                }
                if (failure is null)
                {
                    Interlocked.Increment(ref stored);
                    continue;
                }
                Interlocked.Increment(ref failed);
                if (failures.Count < KeptFailures) failures.Enqueue($"{upload.Camera} {upload.RemoteName}: {failure}");
            }
        }

        using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var reporter = Report(label, total, () => (Volatile.Read(ref stored), Volatile.Read(ref failed)), clock, stopReporting.Token);
        try
        {
            await Task.WhenAll(clients.Select(c => Task.Run(() => Client(c), cancellation)));
        }
        finally
        {
            clock.Stop();
            stopReporting.Cancel();
            await reporter;
        }
        Progress.Say($"{label}: {stored}/{total} stored, {failed} failed in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var f in failures) Progress.Say($"  failed: {f}");
        return new LoadOutcome(stored, failed, clock.Elapsed, times.ToList(), failures.ToList());
    }

    private static async Task Report(string label, int total, Func<(int Stored, int Failed)> counts, Stopwatch clock, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var (stored, failed) = counts();
                Progress.Say($"{label}: {stored}/{total} stored, {failed} failed, {stored / clock.Elapsed.TotalSeconds:0.0}/s");
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
}
