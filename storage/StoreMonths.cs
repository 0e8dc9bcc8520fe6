using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>One store's entries and passers-by in one store-local month.</summary>
public sealed record StoreMonth(string Code, string Name, DateTime Month, int Entries, int PassersBy)
{
    public double? EntryRate => TrafficCounters.EntryRateOf(Entries, PassersBy) is { } rate ? Math.Round(rate, 4) : null;
}

/// <summary>Month-by-month traffic of each store a report covers (seed 001's 进店率 table, June to December).</summary>
public sealed class StoreMonths(SmartStoreDatabase database)
{
    /// <summary>The covered stores' months from <paramref name="firstMonth"/> to <paramref name="toInclusive"/>, by store then month; months without traffic absent.</summary>
    public async Task<IReadOnlyList<StoreMonth>> Of(StoreCoverage coverage, DateOnly firstMonth, DateOnly toInclusive, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<StoreMonth>(new CommandDefinition($"""
            SELECT s.code AS Code, s.name AS Name, date_trunc('month', t.hour_local) AS Month,
                   sum(t.entries)::int AS Entries, sum(t.passers_by)::int AS PassersBy
            FROM traffic_hourly t JOIN stores s ON s.code = t.store_code
            WHERE t.hour_local >= @from AND t.hour_local < @to AND {StoreScope.Visible}
              AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)
            GROUP BY s.code, s.name, date_trunc('month', t.hour_local) ORDER BY s.code, Month
            """, StoreScope.Parameters(coverage.Scope, new
        {
            from = new DateOnly(firstMonth.Year, firstMonth.Month, 1).ToDateTime(TimeOnly.MinValue),
            to = toInclusive.AddDays(1).ToDateTime(TimeOnly.MinValue),
            store = coverage.StoreCode,
            region = coverage.RegionCode,
        }), cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
