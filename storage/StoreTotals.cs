using System.Text.Json;
using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// One store's foot traffic over a period, for comparing stores with their peers: its type (its first tag: flagship,
/// mall, street …), whether the report covers it, the days it counted traffic on (0: none in the period) — days its door
/// counted a customer coming in or anyone walking past: a day of in-store occupancy alone, its door counting nobody, is
/// not a traffic day, or a store whose door camera counted nothing would stand "below its peers" at 0 % instead of
/// "nothing counted"; nor is a closed day its cleaners came in and went out on (off-hours entries and their exits), which
/// would pull its entries a day down — and the days it looked closed during its opening hours (<see cref="StoreClosures"/>).
/// A store closed for good (闭店) before the period, or opening after it, has none.
/// </summary>
/// <param name="PartlyCountedDays">days a door camera was blind for a spell of the store's hours (<see cref="DoorGaps"/>).</param>
/// <param name="PartlyCountedTrafficDays">those of the traffic days; <paramref name="PartlyCountedEntries"/> and
/// <paramref name="PartlyCountedPassersBy"/> what was counted on them.</param>
/// <param name="OffHoursEntries">people who came in while the store was closed by its hours, in none of the other figures.</param>
public sealed record StoreTotal(
    string Code, string Name, string RegionCode, string? Type, bool Covered,
    int Days, int Entries, int PassersBy, int UniqueVisitors, double? AverageDwellSeconds, int ClosedDays = 0,
    int PartlyCountedDays = 0, int PartlyCountedTrafficDays = 0, int PartlyCountedEntries = 0, int PartlyCountedPassersBy = 0,
    int OffHoursEntries = 0)
{
    /// <summary>The traffic days its door counted whole, and what it counted on them: what an average a day is fair over.</summary>
    public int WholeDays => Days - PartlyCountedTrafficDays;
    public int WholeEntries => Entries - PartlyCountedEntries;
    public int WholePassersBy => PassersBy - PartlyCountedPassersBy;

    /// <summary>Entries a day over the days its door counted whole; null with none.</summary>
    public double? DailyEntries => WholeDays > 0 ? (double)WholeEntries / WholeDays : null;

    /// <summary>Entries over entries and passers-by on those days, only where passers-by are counted (without them every store would "convert" all it saw).</summary>
    public double? EntryRate => WholePassersBy > 0 ? (double)WholeEntries / (WholeEntries + WholePassersBy) : null;
}

/// <summary>
/// Every store's totals over a period: the ones a report covers, and the whole chain's as their peers. A day a store's door
/// cameras were blind for more than <paramref name="maxDoorBlindShare"/> of its hours is partly counted, for every report alike.
/// </summary>
public sealed class StoreTotals(SmartStoreDatabase database, double maxDoorBlindShare = DoorGaps.MaxBlindShare)
{
    /// <summary>
    /// All stores of the chain (a store's peers are not limited to what the viewer may see: the benchmark is the chain's),
    /// each marked whether <paramref name="coverage"/> covers it; store-local dates, inclusive.
    /// </summary>
    public async Task<IReadOnlyList<StoreTotal>> Over(StoreCoverage coverage, DateOnly from, DateOnly toInclusive, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var gaps = DoorGaps.Days(await DoorOutages(connection, null, from, toInclusive, cancellationToken), from, toInclusive, DateTime.UtcNow, maxDoorBlindShare);
        return await Query(connection, coverage, from, toInclusive, gaps, cancellationToken);
    }

    /// <summary>
    /// The same totals without telling partly counted days apart (none is): for a report that only adds the entries up (a
    /// wall screen's period, the week before of a daily report), which need not read every door incident of the chain.
    /// </summary>
    public async Task<IReadOnlyList<StoreTotal>> Counted(StoreCoverage coverage, DateOnly from, DateOnly toInclusive, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await Query(connection, coverage, from, toInclusive, [], cancellationToken);
    }

    private static async Task<IReadOnlyList<StoreTotal>> Query(Npgsql.NpgsqlConnection connection, StoreCoverage coverage, DateOnly from, DateOnly toInclusive,
        IReadOnlyList<(string Store, DateOnly Day)> gaps, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT s.code AS Code, s.name AS Name, s.region_code AS RegionCode, s.tags[1] AS Type,
                   ({StoreScope.Visible} AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)) AS Covered,
                   count(DISTINCT date_trunc('day', t.hour_local)) FILTER (WHERE t.entries > 0 OR t.passers_by > 0)::int AS Days,
                   count(DISTINCT date_trunc('day', t.hour_local)) FILTER (WHERE (t.entries > 0 OR t.passers_by > 0) AND g.gap)::int
                       AS PartlyCountedTrafficDays,
                   coalesce(sum(t.entries) FILTER (WHERE g.gap), 0)::int AS PartlyCountedEntries,
                   coalesce(sum(t.passers_by) FILTER (WHERE g.gap), 0)::int AS PartlyCountedPassersBy,
                   coalesce(sum(t.entries), 0)::int AS Entries, coalesce(sum(t.passers_by), 0)::int AS PassersBy,
                   coalesce(sum(t.unique_visitors), 0)::int AS UniqueVisitors, coalesce(sum(t.off_hours_entries), 0)::int AS OffHoursEntries,
                   coalesce(sum(t.dwell_seconds), 0) AS DwellSeconds, coalesce(sum(t.dwell_count), 0)::int AS DwellCount,
                   (SELECT count(DISTINCT (c.since_utc AT TIME ZONE s.time_zone)::date)::int FROM store_closures c
                    WHERE c.store_code = s.code AND c.since_utc AT TIME ZONE s.time_zone >= @from
                      AND c.since_utc AT TIME ZONE s.time_zone < @to) AS ClosedDays
            FROM stores s
            LEFT JOIN traffic_hourly t ON t.store_code = s.code AND t.hour_local >= @from AND t.hour_local < @to
            LEFT JOIN LATERAL (SELECT (t.store_code, date_trunc('day', t.hour_local))
                IN (SELECT * FROM unnest(@gapStores::text[], @gapDays::timestamp[])) AS gap) g ON true
            -- A store closed for good before the period, or opening after it, is no peer of it, nor a store that "counted
            -- nothing" in it; the one store a report is about stays (its own page over a later month).
            WHERE (coalesce(s.closed_on > @from::date, true) AND coalesce(s.opens_on < @to::date, true)) OR s.code = @store
            GROUP BY s.code ORDER BY s.code
            """, StoreScope.Parameters(coverage.Scope, new
        {
            from = from.ToDateTime(TimeOnly.MinValue),
            to = toInclusive.AddDays(1).ToDateTime(TimeOnly.MinValue),
            store = coverage.StoreCode,
            region = coverage.RegionCode,
            gapStores = gaps.Select(g => g.Store).ToArray(),
            gapDays = gaps.Select(g => g.Day.ToDateTime(TimeOnly.MinValue)).ToArray(),
        }), cancellationToken: cancellationToken));
        var partly = gaps.CountBy(g => g.Store).ToDictionary();
        return rows.Select(r => r.ToTotal(partly.GetValueOrDefault(r.Code))).ToList();
    }

    /// <summary>The store-local dates one store's door cameras were blind for a spell of its hours (<see cref="DoorGaps"/>).</summary>
    public async Task<IReadOnlySet<DateOnly>> PartlyCountedDays(string storeCode, DateOnly from, DateOnly toInclusive, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var outages = await DoorOutages(connection, storeCode, from, toInclusive, cancellationToken);
        return DoorGaps.Days(outages, from, toInclusive, DateTime.UtcNow, maxDoorBlindShare).Select(g => g.Day).ToHashSet();
    }

    /// <summary>
    /// Every incident of the chain's door cameras (or one store's) that may touch the period on its store's clock (two days'
    /// margin each side, for time zones and hours past midnight), with the store's hours.
    /// </summary>
    private static async Task<IEnumerable<DoorGaps.Outage>> DoorOutages(Npgsql.NpgsqlConnection connection, string? storeCode, DateOnly from,
        DateOnly toInclusive, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Store, DateTime Started, DateTime? Ended, string Hours, string Zone)>(new CommandDefinition($"""
            SELECT c.store_code, i.started_utc, i.ended_utc, {StoreHours.WithDates}, s.time_zone
            FROM camera_incidents i JOIN cameras c ON c.code = i.camera_code AND c.kind = 'entrance' JOIN stores s ON s.code = c.store_code
            WHERE i.started_utc < @toUtc AND coalesce(i.ended_utc, 'infinity') > @fromUtc AND (@storeCode::text IS NULL OR c.store_code = @storeCode)
            """, new
        {
            storeCode,
            fromUtc = from.AddDays(-2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            toUtc = toInclusive.AddDays(3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        }, cancellationToken: cancellationToken));
        return rows.Select(r => new DoorGaps.Outage(r.Store, DateTime.SpecifyKind(r.Started, DateTimeKind.Utc),
            r.Ended is { } ended ? DateTime.SpecifyKind(ended, DateTimeKind.Utc) : null,
            StoreHours.Read(r.Hours), StoreTimeZones.Find(r.Zone)));
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
        public int PartlyCountedTrafficDays { get; init; }
        public int PartlyCountedEntries { get; init; }
        public int PartlyCountedPassersBy { get; init; }
        public int OffHoursEntries { get; init; }

        public StoreTotal ToTotal(int partlyCountedDays) => new(Code, Name, RegionCode, Type, Covered, Days, Entries, PassersBy, UniqueVisitors,
            DwellCount == 0 ? null : Math.Round(DwellSeconds / DwellCount, 1), ClosedDays, partlyCountedDays, PartlyCountedTrafficDays, PartlyCountedEntries,
            PartlyCountedPassersBy, OffHoursEntries);
    }
}
