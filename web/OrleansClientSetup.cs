using Orleans.Configuration;

namespace SmartStore.Web;

/// <summary>The web host is an Orleans client: it finds silo gateways through the cluster table in PostgreSQL.</summary>
public static class OrleansClientSetup
{
    public static IHostApplicationBuilder AddSmartStoreClusterClient(this IHostApplicationBuilder builder, string connectionString)
    {
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => { o.ClusterId = "smartstore"; o.ServiceId = "smartstore"; });
            client.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
        });
        return builder;
    }
}
