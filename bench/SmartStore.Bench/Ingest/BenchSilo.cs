using System.Globalization;

namespace SmartStore.Bench.Ingest;

/// <summary>
/// A silo process of its own for a benchmark, built next to it (same configuration):
/// free loopback ports, its own home folder and the benchmark database, so it is a cluster of one.
/// </summary>
public static class BenchSilo
{
    // Passive ports apart from the demo silo's (21000-21099) and the crash test's (21700-21799).
    public const int PassivePortFirst = 21800;
    public const int PassivePortLast = 21899;

    /// <param name="analyse">Whether the silo analyses what it receives (off for the ingest benchmark: it measures the upload path alone).</param>
    public static Task<ChildProcess> Start(string connectionString, string home, int ftpPort, CancellationToken cancellation, bool analyse = true) =>
        BuiltHost.Start("silo", "SmartStore.Silo", [], new Dictionary<string, string>
        {
            ["SMARTSTORE_PG"] = connectionString,
            ["SMARTSTORE_HOME"] = home,
            ["SMARTSTORE_SILO_PORT"] = Port(Loopback.FreePort()),
            ["SMARTSTORE_GATEWAY_PORT"] = Port(Loopback.FreePort()),
            ["SMARTSTORE_INGEST_URL"] = $"http://{Loopback.Host}:{Loopback.FreePort()}",
            ["Ftp__ListenAddress"] = Loopback.Host,
            ["Ftp__Port"] = Port(ftpPort),
            ["Ftp__PassivePortFirst"] = Port(PassivePortFirst),
            ["Ftp__PassivePortLast"] = Port(PassivePortLast),
            ["Analysis__Enabled"] = analyse ? "true" : "false",
        }, ftpPort, cancellation);

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
