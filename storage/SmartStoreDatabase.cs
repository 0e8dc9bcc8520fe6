using Dapper;
using Npgsql;

namespace SmartStore.Storage;

/// <summary>How a sheet's records of one kind are written (<see cref="SmartStoreDatabase.CreateAndChange{T}"/>): locked by code, inserted, updated.</summary>
/// <param name="Written">A rule over all the rows together (the chain keeps an enabled HQ admin), checked once all are written,
/// before they are committed: it throws to write none of them.</param>
public sealed record SheetWriting<T>(string Entity, Func<T, string> CodeOf,
    Func<NpgsqlConnection, NpgsqlTransaction, string[], Task<IEnumerable<T>>> Locked,
    Func<NpgsqlConnection, NpgsqlTransaction, T, Task> Insert,
    Func<NpgsqlConnection, NpgsqlTransaction, T, Task> Update,
    Func<NpgsqlConnection, NpgsqlTransaction, Task>? Written = null);

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
    /// Saves an edit of one versioned row (<see cref="Revision"/>; stores, cameras, SKUs, accounts): given the version the
    /// edit started from, only while the row is still at it — locked as its version is read, then written by
    /// <paramref name="write"/>. Returns the version as saved, for the next edit.
    /// </summary>
    /// <param name="key">The column the row is found by (an account's username).</param>
    /// <param name="lockFirst">Rows to lock before this one, in the order other writers lock them (an account's edit: the HQ admins).</param>
    public Task<(Saving Outcome, long? Revision)> Edit(string table, string code, long? revision, Func<NpgsqlConnection, NpgsqlTransaction, Task> write,
        string key = "code", Func<NpgsqlConnection, NpgsqlTransaction, Task>? lockFirst = null) =>
        InTransaction<(Saving, long?)>(async (c, t) =>
        {
            if (lockFirst is not null) await lockFirst(c, t);
            var now = await c.QuerySingleOrDefaultAsync<long?>($"SELECT {Revision.Of()} FROM {table} WHERE {key} = @code FOR UPDATE", new { code }, t);
            if (now is null) return (Saving.NotFound, null);
            if (revision is not null && now != revision) return (Saving.ChangedMeanwhile, null);
            await write(c, t);
            return (Saving.Saved, await c.ExecuteScalarAsync<long>($"SELECT {Revision.Of()} FROM {table} WHERE {key} = @code", new { code }, t));
        });

    /// <summary>
    /// A master-data sheet that creates and changes (stores, cameras, SKUs): the new rows inserted and the existing ones
    /// changed in one transaction, all or none. Each existing row is locked as it is read and its change made to it as it is
    /// then, so what the sheet does not set — a change saved meanwhile — is kept; a row its change leaves as it was is not
    /// written. A constraint the database refuses becomes a <see cref="MasterDataConflict"/> naming the row. Returns the rows
    /// as changed.
    /// </summary>
    public async Task<IReadOnlyList<T>> CreateAndChange<T>(SheetWriting<T> how, IReadOnlyList<T> created, IReadOnlyDictionary<string, Func<T, T>> changes)
    {
        var current = "";
        try
        {
            return await InTransaction<IReadOnlyList<T>>(async (c, t) =>
            {
                foreach (var row in created)
                {
                    current = how.CodeOf(row);
                    await how.Insert(c, t, row);
                }
                var changed = new List<T>();
                foreach (var row in await how.Locked(c, t, changes.Keys.ToArray()))
                {
                    current = how.CodeOf(row);
                    var next = changes[current](row);
                    if (System.Text.Json.JsonSerializer.Serialize(next, StorageJson.Options) == System.Text.Json.JsonSerializer.Serialize(row, StorageJson.Options))
                        continue;
                    await how.Update(c, t, next);
                    changed.Add(next);
                }
                if (how.Written is { } rule) await rule(c, t);
                return changed;
            });
        }
        catch (PostgresException e)
        {
            throw MasterDataConflict.From(e, how.Entity, current);
        }
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
