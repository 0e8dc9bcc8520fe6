using System.Collections.Concurrent;

namespace SmartStore.Simulator;

/// <summary>Counts what the simulated cameras did, for the progress line.</summary>
public sealed class SimulatorTally
{
    private long _accepted, _rejected, _failed;
    private readonly ConcurrentDictionary<string, byte> _silent = new();
    private string? _lastFailure;

    public void Accepted() => Interlocked.Increment(ref _accepted);

    public void Rejected(string camera, int status) { Interlocked.Increment(ref _rejected); _lastFailure = $"{camera}: HTTP {status}"; }

    public void Failed(string message) { Interlocked.Increment(ref _failed); _lastFailure = message; }

    public void Silent(string camera) => _silent.TryAdd(camera, 0);

    public string Line(TimeSpan elapsed) =>
        $"[sim {elapsed:hh\\:mm\\:ss}] heartbeats accepted {_accepted}, rejected {_rejected}, failed {_failed}, silent cameras {_silent.Count}"
        + (_lastFailure is null ? "" : $" (last problem: {_lastFailure})");
}
