using Dapper;

namespace SmartStore.Storage;

/// <summary>One store-day the keeper stored: when, and its visits that rang nothing (JSON).</summary>
public sealed record StoredTillDay(string StoreCode, DateOnly Day, DateTime TracedAtUtc, string Visits);

/// <summary>
/// 收银追溯 past the pictures' retention: the keeper stores each store-day as it traced it (the analysis writes and reads
/// the JSON), and the pictures that show its findings are kept as evidence until a set day — an investigation opened
/// weeks later still sees them.
/// </summary>
public sealed class TillEvidence(SmartStoreDatabase database)
{
    /// <summary>
    /// Stores the day's traces (a receipt sent again since keeps its last trace until the next) and visits, and keeps
    /// <paramref name="pictures"/> until <paramref name="keepUntilUtc"/>; the day's pictures no longer evidence are let go.
    /// Today's days are traced again every few minutes: a trace or a picture's keeping that has not changed is not written.
    /// </summary>
    public Task Write(string storeCode, DateOnly day, IReadOnlyList<(string Number, string Trace)> receipts, string visits,
        IReadOnlyCollection<long> pictures, DateTime keepUntilUtc, CancellationToken cancellationToken = default) =>
        database.InTransaction(async (c, t) =>
        {
            var date = day.ToDateTime(TimeOnly.MinValue);
            await c.ExecuteAsync(new CommandDefinition("""
                UPDATE pos_receipts r SET trace = CAST(x.trace AS jsonb)
                FROM unnest(@numbers::text[], @traces::text[]) AS x(number, trace)
                WHERE r.store_code = @storeCode AND r.number = x.number AND r.trace IS DISTINCT FROM CAST(x.trace AS jsonb)
                """, new { storeCode, numbers = receipts.Select(r => r.Number).ToArray(), traces = receipts.Select(r => r.Trace).ToArray() }, t,
                cancellationToken: cancellationToken));
            await c.ExecuteAsync(new CommandDefinition("""
                UPDATE till_days SET unrung_visits = CAST(@visits AS jsonb)
                WHERE store_code = @storeCode AND day = @date AND unrung_visits IS DISTINCT FROM CAST(@visits AS jsonb)
                """, new { storeCode, date, visits }, t, cancellationToken: cancellationToken));
            var ids = pictures.ToArray();
            await c.ExecuteAsync(new CommandDefinition("""
                DELETE FROM till_evidence WHERE store_code = @storeCode AND day = @date AND NOT (snapshot_id = ANY(@ids));
                INSERT INTO till_evidence (snapshot_id, store_code, day, keep_until)
                SELECT id, @storeCode, @date, @keepUntil FROM snapshots WHERE id = ANY(@ids)
                ON CONFLICT (snapshot_id, store_code, day) DO UPDATE SET keep_until = EXCLUDED.keep_until
                    WHERE till_evidence.keep_until <> EXCLUDED.keep_until
                """, new { storeCode, date, ids, keepUntil = DateTime.SpecifyKind(keepUntilUtc, DateTimeKind.Utc) }, t,
                cancellationToken: cancellationToken));
            return true;
        }, cancellationToken);

    /// <summary>
    /// The store-days of the covered stores from <paramref name="from"/> to <paramref name="to"/> the keeper has stored (a day
    /// traced before it stored days is missing); each receipt's trace is on the receipt (<see cref="TillReceipts.WithTraces"/>).
    /// </summary>
    public async Task<IReadOnlyList<StoredTillDay>> Between(StoreCoverage coverage, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(string Store, DateTime Day, DateTime ComputedAt, string Visits)>(new CommandDefinition($"""
            SELECT k.store_code, k.day, k.computed_at, k.unrung_visits::text
            FROM till_days k JOIN stores s ON s.code = k.store_code
            WHERE k.day >= @from AND k.day <= @to AND k.unrung_visits IS NOT NULL AND {StoreScope.Covered}
            """, StoreScope.Parameters(coverage, new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) }),
            cancellationToken: cancellationToken));
        return rows.Select(r => new StoredTillDay(r.Store, DateOnly.FromDateTime(r.Day), DateTime.SpecifyKind(r.ComputedAt, DateTimeKind.Utc), r.Visits)).ToList();
    }

    /// <summary>Which of <paramref name="snapshotIds"/> are still kept (evidence, or within the retention).</summary>
    public async Task<IReadOnlySet<long>> Kept(IReadOnlyCollection<long> snapshotIds, CancellationToken cancellationToken = default)
    {
        if (snapshotIds.Count == 0) return new HashSet<long>();
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition("SELECT id FROM snapshots WHERE id = ANY(@ids)",
            new { ids = snapshotIds.ToArray() }, cancellationToken: cancellationToken))).ToHashSet();
    }
}
