using System.Diagnostics;
using SmartStore.Bench.Ingest;
using SmartStore.Vision;

namespace SmartStore.Bench.Board;

/// <summary>A web host of its own for a benchmark (same build configuration), an Orleans client of the benchmark silo's cluster.</summary>
public static class BenchWeb
{
    public static async Task<(ChildProcess Process, Uri Address)> Start(string connectionString, string home, CancellationToken cancellation)
    {
        var repo = SharedAssets.FindRepoRoot() ?? throw new DirectoryNotFoundException("SmartStore repo root (SmartStore.sln) not found.");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var dll = Path.Combine(repo, "web", "bin", configuration, "net10.0", "linux-x64", "SmartStore.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"The web host is not built at {dll}; `dotnet build SmartStore.sln -c {configuration}` builds it.");

        var port = Loopback.FreePort();
        var address = new Uri($"http://{Loopback.Host}:{port}");
        var start = new ProcessStartInfo("dotnet");
        foreach (var arg in new[] { dll, "--contentRoot", Path.Combine(repo, "web"), "--urls", address.ToString().TrimEnd('/') }) start.ArgumentList.Add(arg);
        start.Environment["SMARTSTORE_PG"] = connectionString;
        start.Environment["SMARTSTORE_HOME"] = home;
        var web = ChildProcess.Start("web", start);
        try
        {
            await Loopback.WaitForPort(port, web, TimeSpan.FromSeconds(120), cancellation);
            return (web, address);
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
    }
}
