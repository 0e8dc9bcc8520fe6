using System.Collections.Concurrent;
using System.Diagnostics;

namespace SmartStore.Bench.Ingest;

/// <summary>
/// A server the ingest benchmark starts (the silo, vsftpd). Its output is drained so it never blocks on a
/// full pipe, the last lines are kept for error messages, and it is killed on dispose — also when the
/// benchmark fails or its own process exits.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 40;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly EventHandler _killOnExit;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _killOnExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string name, ProcessStartInfo start)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The last lines the process printed, for error messages.</summary>
    public string Tail() => string.Join(Environment.NewLine, _tail);

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        Kill();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Progress.Say($"{Name} (pid {_process.Id}) did not exit within 10 s of being killed");
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _tail.Enqueue(line);
        while (_tail.Count > KeptLines) _tail.TryDequeue(out _);
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
