using Npgsql;

namespace SmartStore.Storage;

/// <summary>
/// The PostgreSQL system of record. One pooled data source per process; every change that must not
/// be half-written goes through <see cref="InTransaction{T}"/>.
/// </summary>
public sealed class SmartStoreDatabase : IAsyncDisposable
{
    public const string ConnectionSetting = "SMARTSTORE_PG";
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=55432;Database=smartstore;Username=smartstore";

    public SmartStoreDatabase(string connectionString)
    {
        ConnectionString = ConnectionBudget.Bounded(connectionString);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public async Task<T> InTransaction<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Writes every row or none (bulk import). A constraint the database refuses becomes a
    /// <see cref="MasterDataConflict"/> naming the row that broke it.
    /// </summary>
    public async Task WriteAll<T>(IReadOnlyList<T> rows, string entity, Func<T, string> codeOf,
        Func<NpgsqlConnection, NpgsqlTransaction, T, Task> write)
    {
        var current = "";
        try
        {
            await InTransaction(async (c, t) =>
            {
                foreach (var row in rows)
                {
                    current = codeOf(row);
                    await write(c, t, row);
                }
                return rows.Count;
            });
        }
        catch (PostgresException e)
        {
            throw MasterDataConflict.From(e, entity, current);
        }
    }

    public async Task<NpgsqlConnection> Open(CancellationToken cancellationToken = default) =>
        await DataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
