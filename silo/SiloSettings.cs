using Microsoft.Extensions.Configuration;

namespace SmartStore.Silo;

/// <summary>Silo settings from appsettings.json and SMARTSTORE_* environment variables.</summary>
public sealed record SiloSettings(string ConnectionString, int SiloPort, int GatewayPort, string Home, string IngestUrl = "http://127.0.0.1:5081")
{
    public const string ClusterId = "smartstore";
    public const string ServiceId = "smartstore";

    public static SiloSettings From(IConfiguration configuration) => new(
        Storage.ConnectionBudget.Bounded(
            configuration["SMARTSTORE_PG"] ?? configuration.GetConnectionString("SmartStore") ?? Storage.SmartStoreDatabase.DefaultConnectionString),
        configuration.GetValue("SMARTSTORE_SILO_PORT", 11111),
        configuration.GetValue("SMARTSTORE_GATEWAY_PORT", 30000),
        Path.GetFullPath(configuration["SMARTSTORE_HOME"] ?? ".smartstore"),
        configuration["SMARTSTORE_INGEST_URL"] ?? "http://127.0.0.1:5081");

    public string SecretsPath => Path.Combine(Home, "secrets.json");
}
