using SmartStore.Bench.Ingest;

namespace SmartStore.Bench.Board;

/// <summary>A web host of its own for a benchmark, an Orleans client of the benchmark silo's cluster.</summary>
public static class BenchWeb
{
    public static async Task<(ChildProcess Process, Uri Address)> Start(string connectionString, string home, CancellationToken cancellation)
    {
        var port = Loopback.FreePort();
        var address = new Uri($"http://{Loopback.Host}:{port}");
        var web = await BuiltHost.Start("web", "SmartStore.Web", ["--urls", address.ToString().TrimEnd('/')],
            new Dictionary<string, string> { ["SMARTSTORE_PG"] = connectionString, ["SMARTSTORE_HOME"] = home }, port, cancellation);
        return (web, address);
    }
}
