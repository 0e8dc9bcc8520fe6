using Dapper;

namespace SmartStore.Storage;

/// <summary>
/// One store's foot traffic over a period, for comparing stores with their peers: its type (its first tag: flagship,
/// mall, street …), whether the report covers it, the days it counted traffic on (0: none in the period) — days its door
/// counted anyone, coming in, going out or walking past: a day of in-store occupancy alone, its door counting nobody, is
/// not a traffic day, or a store whose door camera counted nothing would stand "below its peers" at 0 % instead of
/// "nothing counted" — and the days it looked closed during its opening hours (<see cref="StoreClosures"/>).
/// </summary>
public sealed record StoreTotal(
    string Code, string Name, string RegionCode, string? Type, bool Covered,
    int Days, int Entries, int PassersBy, int UniqueVisitors, double? AverageDwellSeconds, int ClosedDays = 0);

/// <summary>Every store's totals over a period: the ones a report covers, and the whole chain's as their peers.</summary>
public sealed class StoreTotals(SmartStoreDatabase database)
{
    /// <summary>
    /// All stores of the chain (a store's peers are not limited to what the viewer may see: the benchmark is the chain's),
    /// each marked whether <paramref name="coverage"/> covers it; store-local dates, inclusive.
    /// </summary>
    public async Task<IReadOnlyList<StoreTotal>> Over(StoreCoverage coverage, DateOnly from, DateOnly toInclusive, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT s.code AS Code, s.name AS Name, s.region_code AS RegionCode, s.tags[1] AS Type,
                   ({StoreScope.Visible} AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)) AS Covered,
                   count(DISTINCT date_trunc('day', t.hour_local)) FILTER (WHERE t.entries > 0 OR t.exits > 0 OR t.passers_by > 0)::int AS Days,
                   coalesce(sum(t.entries), 0)::int AS Entries, coalesce(sum(t.passers_by), 0)::int AS PassersBy,
                   coalesce(sum(t.unique_visitors), 0)::int AS UniqueVisitors,
                   coalesce(sum(t.dwell_seconds), 0) AS DwellSeconds, coalesce(sum(t.dwell_count), 0)::int AS DwellCount,
                   (SELECT count(DISTINCT (c.since_utc AT TIME ZONE s.time_zone)::date)::int FROM store_closures c
                    WHERE c.store_code = s.code AND c.since_utc AT TIME ZONE s.time_zone >= @from
                      AND c.since_utc AT TIME ZONE s.time_zone < @to) AS ClosedDays
            FROM stores s
            LEFT JOIN traffic_hourly t ON t.store_code = s.code AND t.hour_local >= @from AND t.hour_local < @to
            GROUP BY s.code ORDER BY s.code
            """, StoreScope.Parameters(coverage.Scope, new
        {
            from = from.ToDateTime(TimeOnly.MinValue),
            to = toInclusive.AddDays(1).ToDateTime(TimeOnly.MinValue),
            store = coverage.StoreCode,
            region = coverage.RegionCode,
        }), cancellationToken: cancellationToken));
        return rows.Select(r => r.ToTotal()).ToList();
    }

    private sealed class Row
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string RegionCode { get; init; } = "";
        public string? Type { get; init; }
        public bool Covered { get; init; }
        public int Days { get; init; }
        public int Entries { get; init; }
        public int PassersBy { get; init; }
        public int UniqueVisitors { get; init; }
        public double DwellSeconds { get; init; }
        public int DwellCount { get; init; }
        public int ClosedDays { get; init; }

        public StoreTotal ToTotal() => new(Code, Name, RegionCode, Type, Covered, Days, Entries, PassersBy, UniqueVisitors,
            DwellCount == 0 ? null : Math.Round(DwellSeconds / DwellCount, 1), ClosedDays);
    }
}
