using Npgsql;

namespace SmartStore.Storage;

/// <summary>
/// How many PostgreSQL connections one process may hold per pool. A process has two pools — Orleans' ADO.NET providers
/// (grain state, reminders, clustering) and <see cref="SmartStoreDatabase"/> — and Npgsql's default of 100 each let one
/// burst (a head-office board activating 2,000 store grains at once) ask for more connections than the server has
/// (max_connections 200 as <c>deploy/postgres.sh</c> starts it): "remaining connection slots are reserved", and the
/// board failed. Bounded, a burst waits its turn for a connection instead; two cores gain nothing from more than a few
/// dozen at once. A connection string that names its own <c>Maximum Pool Size</c> keeps it.
/// </summary>
public static class ConnectionBudget
{
    public const int DefaultPerPool = 25;

    public static string Bounded(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("Max Pool Size", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
            builder.MaxPoolSize = DefaultPerPool;
        return builder.ConnectionString;
    }
}
