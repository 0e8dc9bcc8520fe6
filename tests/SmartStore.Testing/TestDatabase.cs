using Npgsql;
using SmartStore.Storage;

namespace SmartStore.Testing;

/// <summary>
/// A fresh, migrated PostgreSQL database for one test class, dropped afterwards. The server comes
/// from SMARTSTORE_TEST_PG (set by ./smartstore test, which starts its own cluster when none is given).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private TestDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
        Database = new SmartStoreDatabase(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public SmartStoreDatabase Database { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SMARTSTORE_TEST_PG")
        ?? throw new InvalidOperationException(
            "SMARTSTORE_TEST_PG is not set. Run the tests with ./smartstore test, which starts a PostgreSQL cluster for them.");

    /// <summary>Creates an empty database; <paramref name="migrate"/> applies every migration to it.</summary>
    public static async Task<TestDatabase> Create(bool migrate = true)
    {
        var admin = ServerConnectionString;
        var name = $"ss_test_{Guid.NewGuid():N}"[..24];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var database = new TestDatabase(admin, name);
        if (migrate) await new SchemaMigrator(database.Database, _ => { }).Migrate();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        // FORCE may not end an autovacuum worker that happens to be in the database (42501 for a role without
        // pg_signal_backend); the worker finishes in moments, so the drop is tried again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }
}
