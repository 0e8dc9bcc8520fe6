using System.Net;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace SmartStore.Silo;

/// <summary>
/// Orleans on PostgreSQL: ADO.NET clustering, grain storage and reminders (invariant <c>Npgsql</c>),
/// on the schema our migrations 0001–0003 create.
/// </summary>
public static class OrleansPostgres
{
    public const string Invariant = "Npgsql";
    public const string GrainStorage = "Default";

    /// <summary>Grain state and reminders in PostgreSQL (also used by the TestingHost, which brings its own clustering).</summary>
    public static ISiloBuilder UsePostgresStorage(this ISiloBuilder silo, string connectionString)
    {
        // Orleans' version-tolerant binary format keyed by [Id] fields: the default JSON embeds CLR type
        // names, so a rename or move of a state class would orphan every stored row.
        silo.AddAdoNetGrainStorage(GrainStorage, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.UseAdoNetReminderService(o => { o.Invariant = Invariant; o.ConnectionString = connectionString; });
        return silo;
    }

    public static ISiloBuilder UseSmartStoreCluster(this ISiloBuilder silo, SiloSettings settings)
    {
        silo.Configure<ClusterOptions>(o => { o.ClusterId = SiloSettings.ClusterId; o.ServiceId = SiloSettings.ServiceId; });
        silo.ConfigureEndpoints(IPAddress.Loopback, settings.SiloPort, settings.GatewayPort);
        silo.UseAdoNetClustering(o => { o.Invariant = Invariant; o.ConnectionString = settings.ConnectionString; });
        return silo.UsePostgresStorage(settings.ConnectionString);
    }
}
