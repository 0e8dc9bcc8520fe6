using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>The spells in which stores looked closed during their opening hours, as their store grains raised them.</summary>
public sealed class StoreClosures(SmartStoreDatabase database)
{
    private const string Columns = """
        store_code AS StoreCode, since_utc AS SinceUtc, raised_utc AS RaisedUtc, passers_by AS PassersBy,
        entry_rate AS EntryRate, chance AS Chance, reopened_utc AS ReopenedUtc
        """;

    /// <summary>
    /// Raised, or ended by the next customer: one row per store and start, so a repeated write changes nothing. Raising
    /// it and its first reopening are webhook events (the CTE <c>before</c> sees the row as it was before this statement).
    /// </summary>
    public async Task Write(StoreClosure closure, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"""
            WITH before AS (SELECT reopened_utc FROM store_closures WHERE store_code = @StoreCode AND since_utc = @SinceUtc),
            written AS (
                INSERT INTO store_closures (store_code, since_utc, raised_utc, reopened_utc, passers_by, entry_rate, chance)
                SELECT @StoreCode, @SinceUtc, @RaisedUtc, @ReopenedUtc, @PassersBy, @EntryRate, @Chance
                WHERE EXISTS (SELECT 1 FROM stores WHERE code = @StoreCode)
                ON CONFLICT (store_code, since_utc) DO UPDATE SET reopened_utc = EXCLUDED.reopened_utc,
                    passers_by = EXCLUDED.passers_by, entry_rate = EXCLUDED.entry_rate, chance = EXCLUDED.chance
                RETURNING store_code, since_utc, reopened_utc),
            changed AS (
                SELECT w.store_code, '{AlertKinds.StoreLooksClosed}' AS event_kind, w.since_utc AS occurred_utc
                FROM written w WHERE NOT EXISTS (SELECT 1 FROM before)
                UNION ALL
                -- Reopened now; or first written already reopened (its raising was not written then): both told, in order.
                SELECT w.store_code, '{AlertKinds.StoreReopened}', w.reopened_utc
                FROM written w WHERE w.reopened_utc IS NOT NULL AND NOT EXISTS (SELECT 1 FROM before WHERE reopened_utc IS NOT NULL))
            {AlertOutbox.ForStores}
            """, new
        {
            closure.StoreCode,
            SinceUtc = Utc(closure.SinceUtc),
            RaisedUtc = Utc(closure.RaisedUtc),
            ReopenedUtc = closure.ReopenedUtc is { } r ? Utc(r) : (DateTime?)null,
            closure.PassersBy,
            closure.EntryRate,
            closure.Chance,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>A store's latest closures, newest first.</summary>
    public async Task<IReadOnlyList<StoreClosure>> Recent(string storeCode, int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<StoreClosure>(new CommandDefinition(
            $"SELECT {Columns} FROM store_closures WHERE store_code = @storeCode ORDER BY since_utc DESC LIMIT @count",
            new { storeCode, count }, cancellationToken: cancellationToken));
        return rows.Select(c => c with { SinceUtc = Utc(c.SinceUtc), RaisedUtc = Utc(c.RaisedUtc), ReopenedUtc = c.ReopenedUtc is { } r ? Utc(r) : null }).ToList();
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
