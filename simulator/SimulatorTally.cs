using System.Collections.Concurrent;

namespace SmartStore.Simulator;

/// <summary>Counts what the simulated cameras did, for the progress line.</summary>
public sealed class SimulatorTally
{
    private long _accepted, _rejected, _failed, _uploads, _uploadedBytes, _receipts;
    private readonly ConcurrentDictionary<string, byte> _silent = new();
    private string? _lastFailure;

    public void Accepted() => Interlocked.Increment(ref _accepted);

    public void Uploaded(long bytes)
    {
        Interlocked.Increment(ref _uploads);
        Interlocked.Add(ref _uploadedBytes, bytes);
    }

    public void Rejected(string camera, string reply) { Interlocked.Increment(ref _rejected); _lastFailure = $"{camera}: {reply}"; }

    public void Failed(string message) { Interlocked.Increment(ref _failed); _lastFailure = message; }

    /// <summary>A demo POS receipt accepted.</summary>
    public void Rung() => Interlocked.Increment(ref _receipts);

    public void Silent(string camera) => _silent.TryAdd(camera, 0);

    public string Line(TimeSpan elapsed) =>
        $"[sim {elapsed:hh\\:mm\\:ss}] heartbeats {_accepted}, snapshots stored {_uploads} ({_uploadedBytes / 1024.0 / 1024.0:0.0} MB, {_uploads / Math.Max(1, elapsed.TotalSeconds):0.0}/s), receipts {_receipts}, refused {_rejected}, failed {_failed}, silent cameras {_silent.Count}"
        + (_lastFailure is null ? "" : $" (last problem: {_lastFailure})");
}
