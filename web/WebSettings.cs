namespace SmartStore.Web;

/// <summary>Web host settings from appsettings.json and SMARTSTORE_* environment variables.</summary>
public sealed record WebSettings(string ConnectionString, string Home, string ImagesRoot)
{
    public static WebSettings From(IConfiguration configuration)
    {
        var home = Path.GetFullPath(configuration["SMARTSTORE_HOME"] ?? ".smartstore");
        // The silo writes snapshots here; on one machine (or a shared volume) the web host reads them.
        var images = configuration["Ingest:ImagesPath"] is { Length: > 0 } path ? path : Path.Combine(home, "images");
        return new(
            Storage.ConnectionBudget.Bounded(
                configuration["SMARTSTORE_PG"] ?? configuration.GetConnectionString("SmartStore") ?? Storage.SmartStoreDatabase.DefaultConnectionString),
            home,
            Path.GetFullPath(images));
    }
}
