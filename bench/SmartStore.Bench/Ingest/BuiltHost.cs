using System.Diagnostics;
using SmartStore.Vision;

namespace SmartStore.Bench.Ingest;

/// <summary>
/// A SmartStore host the benchmarks start as a process of its own (the silo, the web host), from the build next to the
/// benchmark (same configuration), with its content root and environment; ready once it listens on its port.
/// </summary>
public static class BuiltHost
{
    /// <param name="folder">The project's folder and content root (<c>silo</c>, <c>web</c>).</param>
    /// <param name="assembly">Its assembly, e.g. <c>SmartStore.Silo</c>.</param>
    public static async Task<ChildProcess> Start(string folder, string assembly, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, int readyPort, CancellationToken cancellation)
    {
        var repo = SharedAssets.FindRepoRoot() ?? throw new DirectoryNotFoundException("SmartStore repo root (SmartStore.sln) not found.");
        // bench/SmartStore.Bench/bin/<configuration>/net10.0/linux-x64/
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var dll = Path.Combine(repo, folder, "bin", configuration, "net10.0", "linux-x64", $"{assembly}.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{assembly} is not built at {dll}; `dotnet build SmartStore.sln -c {configuration}` builds it.");

        var start = new ProcessStartInfo("dotnet");
        foreach (var arg in new[] { dll, "--contentRoot", Path.Combine(repo, folder) }.Concat(arguments)) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var host = ChildProcess.Start(folder, start);
        try
        {
            await Loopback.WaitForPort(readyPort, host, TimeSpan.FromSeconds(120), cancellation);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
