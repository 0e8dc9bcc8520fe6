namespace SmartStore.Web;

/// <summary>Web host settings from appsettings.json and SMARTSTORE_* environment variables.</summary>
public sealed record WebSettings(string ConnectionString, string Home)
{
    public static WebSettings From(IConfiguration configuration) => new(
        configuration["SMARTSTORE_PG"] ?? configuration.GetConnectionString("SmartStore") ?? Storage.SmartStoreDatabase.DefaultConnectionString,
        Path.GetFullPath(configuration["SMARTSTORE_HOME"] ?? ".smartstore"));
}
