using Dapper;

namespace SmartStore.Storage;

/// <summary>
/// One store-local hour of a store's POS: how many receipts and their amount; <paramref name="OffHoursReceipts"/> of them rung
/// while the store was closed by its hours (left out of conversion, as the door's off-hours entries are left out of entries).
/// </summary>
public sealed record ReceiptHour(DateTime HourLocal, int Receipts, decimal Amount, int OffHoursReceipts = 0);

/// <summary>
/// An hour where the till and the door disagree (seed 001's POS link): <c>receipts-without-people</c> — receipts while
/// nobody came in that hour or the hour before and nobody was counted inside (a camera down, or sales keyed in for
/// someone not there); <c>people-without-receipts</c> — many came in and the till, which reported that day, rang nothing.
/// </summary>
public sealed record ReceiptMismatch(string StoreCode, DateTime HourLocal, string Kind, int Entries, int Receipts);

/// <summary>The chain's POS receipts per store and hour, as its integration pushes them.</summary>
public sealed class StoreReceipts(SmartStoreDatabase database)
{
    /// <summary>Writes whole hours (a repeated push changes nothing); false when the store does not exist.</summary>
    public async Task<bool> Write(string storeCode, IReadOnlyCollection<ReceiptHour> hours, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM stores WHERE code = @storeCode)", new { storeCode }, cancellationToken: cancellationToken)))
            return false;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO store_receipts (store_code, hour_local, receipts, amount, off_hours_receipts)
            VALUES (@StoreCode, @HourLocal, @Receipts, @Amount, @OffHoursReceipts)
            ON CONFLICT (store_code, hour_local) DO UPDATE SET receipts = EXCLUDED.receipts, amount = EXCLUDED.amount,
                off_hours_receipts = EXCLUDED.off_hours_receipts, updated_at = now()
            """, hours.Select(h => new { StoreCode = storeCode, h.HourLocal, h.Receipts, h.Amount, h.OffHoursReceipts }), cancellationToken: cancellationToken));
        return true;
    }

    /// <summary>Receipts, amount and off-hours receipts per period (<paramref name="period"/> is a SQL expression over <c>r.hour_local</c>).</summary>
    internal static async Task<Dictionary<DateTime, (int Receipts, decimal Amount, int OffHours)>> ByPeriod(Npgsql.NpgsqlConnection connection, StoreCoverage coverage,
        DateTime from, DateTime to, string period, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(DateTime Period, int Receipts, decimal Amount, int OffHours)>(new CommandDefinition($"""
            SELECT {period} AS Period, sum(r.receipts)::int AS Receipts, sum(r.amount) AS Amount, sum(r.off_hours_receipts)::int AS OffHours
            FROM store_receipts r JOIN stores s ON s.code = r.store_code
            WHERE r.hour_local >= @from AND r.hour_local < @to AND {StoreScope.Visible}
              AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)
            GROUP BY 1
            """, StoreScope.Parameters(coverage.Scope, new { from, to, store = coverage.StoreCode, region = coverage.RegionCode }),
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Period, r => (r.Receipts, r.Amount, r.OffHours));
    }

    /// <summary>
    /// The hours of the period where receipts and people disagree, newest first: receipts (at least
    /// <paramref name="minReceipts"/>) with nobody in that hour or the one before (people let in outside the store's hours on
    /// file are somebody), or at least <paramref name="minEntries"/>
    /// entries without a receipt on a day the store's POS reported.
    /// </summary>
    public async Task<IReadOnlyList<ReceiptMismatch>> Mismatches(StoreCoverage coverage, DateOnly from, DateOnly toInclusive, int minReceipts,
        int minEntries, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(string StoreCode, DateTime HourLocal, int Entries, int Receipts)>(new CommandDefinition($"""
            WITH hours AS (
                SELECT coalesce(t.store_code, r.store_code) AS store_code, coalesce(t.hour_local, r.hour_local) AS hour_local,
                       coalesce(t.entries, 0) AS entries, coalesce(t.off_hours_entries, 0) AS off_hours,
                       coalesce(t.occupancy_max, 0) AS inside, coalesce(r.receipts, 0) AS receipts
                FROM traffic_hourly t FULL JOIN store_receipts r ON r.store_code = t.store_code AND r.hour_local = t.hour_local
                WHERE coalesce(t.hour_local, r.hour_local) >= @from AND coalesce(t.hour_local, r.hour_local) < @to)
            SELECT h.store_code, h.hour_local, h.entries, h.receipts
            FROM hours h JOIN stores s ON s.code = h.store_code
            LEFT JOIN traffic_hourly before ON before.store_code = h.store_code AND before.hour_local = h.hour_local - interval '1 hour'
            WHERE {StoreScope.Visible} AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)
              AND ((h.receipts >= @minReceipts AND h.entries + h.off_hours = 0 AND h.inside = 0
                    AND coalesce(before.entries + before.off_hours_entries, 0) = 0)
                OR (h.entries >= @minEntries AND h.receipts = 0 AND EXISTS (SELECT 1 FROM store_receipts d
                    WHERE d.store_code = h.store_code AND d.hour_local >= date_trunc('day', h.hour_local)
                      AND d.hour_local < date_trunc('day', h.hour_local) + interval '1 day')))
            ORDER BY h.hour_local DESC, h.store_code LIMIT @limit
            """, StoreScope.Parameters(coverage.Scope, new
        {
            from = from.ToDateTime(TimeOnly.MinValue),
            to = toInclusive.AddDays(1).ToDateTime(TimeOnly.MinValue),
            store = coverage.StoreCode,
            region = coverage.RegionCode,
            minReceipts,
            minEntries,
            limit,
        }), cancellationToken: cancellationToken));
        return rows.Select(r => new ReceiptMismatch(r.StoreCode, r.HourLocal, r.Receipts > 0 ? "receipts-without-people" : "people-without-receipts",
            r.Entries, r.Receipts)).ToList();
    }
}
