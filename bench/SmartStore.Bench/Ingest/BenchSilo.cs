using System.Diagnostics;
using System.Globalization;
using SmartStore.Vision;

namespace SmartStore.Bench.Ingest;

/// <summary>
/// A silo process of its own for the ingest benchmark, built next to this benchmark (same configuration):
/// free loopback ports, its own home folder and the benchmark database, so it is a cluster of one.
/// </summary>
public static class BenchSilo
{
    // Passive ports apart from the demo silo's (21000-21099) and the crash test's (21700-21799).
    public const int PassivePortFirst = 21800;
    public const int PassivePortLast = 21899;

    /// <param name="analyse">Whether the silo analyses what it receives (off for the ingest benchmark: it measures the upload path alone).</param>
    public static async Task<ChildProcess> Start(string connectionString, string home, int ftpPort, CancellationToken cancellation, bool analyse = true)
    {
        var repo = SharedAssets.FindRepoRoot() ?? throw new DirectoryNotFoundException("SmartStore repo root (SmartStore.sln) not found.");
        // bench/SmartStore.Bench/bin/<configuration>/net10.0/linux-x64/
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var dll = Path.Combine(repo, "silo", "bin", configuration, "net10.0", "linux-x64", "SmartStore.Silo.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"The silo is not built at {dll}; `dotnet build bench/SmartStore.Bench -c {configuration}` builds it.");

        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(repo, "silo"));
        var env = start.Environment;
        env["SMARTSTORE_PG"] = connectionString;
        env["SMARTSTORE_HOME"] = home;
        env["SMARTSTORE_SILO_PORT"] = Port(Loopback.FreePort());
        env["SMARTSTORE_GATEWAY_PORT"] = Port(Loopback.FreePort());
        env["SMARTSTORE_INGEST_URL"] = $"http://{Loopback.Host}:{Loopback.FreePort()}";
        env["Ftp__ListenAddress"] = Loopback.Host;
        env["Ftp__Port"] = Port(ftpPort);
        env["Ftp__PassivePortFirst"] = Port(PassivePortFirst);
        env["Ftp__PassivePortLast"] = Port(PassivePortLast);
        env["Analysis__Enabled"] = analyse ? "true" : "false";
        var silo = ChildProcess.Start("silo", start);
        try
        {
            await Loopback.WaitForPort(ftpPort, silo, TimeSpan.FromSeconds(120), cancellation);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
