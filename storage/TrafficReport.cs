using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>How finely a traffic report is cut: store-local hours, days, ISO weeks (from Monday) or months.</summary>
public enum ReportGrain { Hour, Day, Week, Month }

/// <summary>
/// One row of a traffic report: a period (its store-local start) and the sums over the stores in scope.
/// <see cref="DwellBuckets"/>: visits that stayed under 1, 1–5, 5–15, 15–30, 30–60 and over 60 minutes.
/// <see cref="Receipts"/> and <see cref="Amount"/>: the POS's, null where it reported none for the period;
/// <see cref="OffHoursReceipts"/> of them rung while the stores were closed by their hours.
/// <see cref="OffHoursEntries"/> / <see cref="OffHoursPassersBy"/> / <see cref="OffHoursExits"/>: people coming in / passing
/// by / going out (not seen coming in as customers) while the stores were closed by their hours, in none of the other figures.
/// </summary>
public sealed record TrafficRow(
    DateTime Period, int Entries, int Exits, int PassersBy, int UniqueVisitors, int Repeats, int Staff,
    double? AverageOccupancy, int MaxOccupancy, double? AverageDwellSeconds, double? EntryRate, int[] DwellBuckets,
    int? Receipts = null, decimal? Amount = null)
{
    /// <summary>
    /// 成交率: receipts over entries; null without receipts or entries. Receipts rung while the store was closed by its hours
    /// are left out, as the people who came in then are left out of the entries: both sides cover the same hours.
    /// </summary>
    public double? Conversion => Receipts is { } r && Entries > 0 ? Math.Round((double)(r - OffHoursReceipts) / Entries, 4) : null;

    public int OffHoursReceipts { get; init; }

    public int OffHoursEntries { get; init; }
    public int OffHoursPassersBy { get; init; }
    public int OffHoursExits { get; init; }
}

/// <summary>Reports over the hourly history (AI识别报表 · 人流量): by store, region or the whole chain, cut by hour/day/week/month.</summary>
public sealed class TrafficReport(SmartStoreDatabase database)
{
    public Task<IReadOnlyList<TrafficRow>> Rows(StoreCoverage coverage, DateOnly from, DateOnly toInclusive, ReportGrain grain, CancellationToken cancellationToken = default)
    {
        var unit = grain switch { ReportGrain.Hour => "hour", ReportGrain.Day => "day", ReportGrain.Week => "week", _ => "month" };
        return Query(coverage, from, toInclusive, $"date_trunc('{unit}', t.hour_local)", cancellationToken);
    }

    private async Task<IReadOnlyList<TrafficRow>> Query(StoreCoverage coverage, DateOnly from, DateOnly toInclusive, string period, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await Traffic(connection, coverage, from, toInclusive, period, cancellationToken);
        var receipts = await StoreReceipts.ByPeriod(connection, coverage, from.ToDateTime(TimeOnly.MinValue),
            toInclusive.AddDays(1).ToDateTime(TimeOnly.MinValue), period.Replace("t.hour_local", "r.hour_local"), cancellationToken);
        // A period with receipts and no counted traffic (cameras down) still shows, with its receipts.
        var periods = rows.ToDictionary(r => r.Period);
        foreach (var (at, (count, amount, offHours)) in receipts)
            periods[at] = (periods.GetValueOrDefault(at) ?? Empty(at)) with { Receipts = count, Amount = amount, OffHoursReceipts = offHours };
        return periods.Values.OrderBy(r => r.Period).ToList();
    }

    private static TrafficRow Empty(DateTime period) => new(period, 0, 0, 0, 0, 0, 0, null, 0, null, null, new int[6]);

    private static async Task<IReadOnlyList<TrafficRow>> Traffic(Npgsql.NpgsqlConnection connection, StoreCoverage coverage, DateOnly from, DateOnly toInclusive,
        string period, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {period} AS Period,
                   sum(t.entries)::int AS Entries, sum(t.exits)::int AS Exits, sum(t.passers_by)::int AS PassersBy,
                   sum(t.unique_visitors)::int AS UniqueVisitors, sum(t.repeats)::int AS Repeats, sum(t.staff)::int AS Staff,
                   sum(t.occupancy_sum) AS OccupancySum, sum(t.occupancy_samples)::int AS OccupancySamples,
                   coalesce(max(t.occupancy_max), 0) AS MaxOccupancy,
                   sum(t.dwell_seconds) AS DwellSeconds, sum(t.dwell_count)::int AS DwellCount,
                   sum(t.off_hours_entries)::int AS OffHoursEntries, sum(t.off_hours_passers_by)::int AS OffHoursPassersBy,
                   sum(t.off_hours_exits)::int AS OffHoursExits,
                   ARRAY[sum(t.dwell_buckets[1]), sum(t.dwell_buckets[2]), sum(t.dwell_buckets[3]),
                         sum(t.dwell_buckets[4]), sum(t.dwell_buckets[5]), sum(t.dwell_buckets[6])]::int[] AS DwellBuckets
            FROM traffic_hourly t JOIN stores s ON s.code = t.store_code
            WHERE t.hour_local >= @from AND t.hour_local < @to
              AND {StoreScope.Visible}
              AND (@store::text IS NULL OR s.code = @store)
              AND (@region::text IS NULL OR s.region_code = @region)
            GROUP BY 1 ORDER BY 1
            """, StoreScope.Parameters(coverage.Scope, new
        {
            from = from.ToDateTime(TimeOnly.MinValue),
            to = toInclusive.AddDays(1).ToDateTime(TimeOnly.MinValue),
            store = coverage.StoreCode,
            region = coverage.RegionCode,
        }), cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRow()).ToList();
    }

    /// <summary>The whole period as one row (period = its first day); averages weighted by samples, not by rows.</summary>
    public async Task<TrafficRow> Total(StoreCoverage coverage, DateOnly from, DateOnly toInclusive, CancellationToken cancellationToken = default)
    {
        var rows = await Query(coverage, from, toInclusive, "CAST(@from AS timestamp)", cancellationToken);
        return rows.SingleOrDefault() ?? Empty(from.ToDateTime(TimeOnly.MinValue));
    }

    private sealed class Row
    {
        public DateTime Period { get; init; }
        public int Entries { get; init; }
        public int Exits { get; init; }
        public int PassersBy { get; init; }
        public int UniqueVisitors { get; init; }
        public int Repeats { get; init; }
        public int Staff { get; init; }
        public double OccupancySum { get; init; }
        public int OccupancySamples { get; init; }
        public int MaxOccupancy { get; init; }
        public double DwellSeconds { get; init; }
        public int DwellCount { get; init; }
        public int[] DwellBuckets { get; init; } = [];
        public int OffHoursEntries { get; init; }
        public int OffHoursPassersBy { get; init; }
        public int OffHoursExits { get; init; }

        public TrafficRow ToRow() => new(Period, Entries, Exits, PassersBy, UniqueVisitors, Repeats, Staff,
            OccupancySamples == 0 ? null : Math.Round(OccupancySum / OccupancySamples, 1), MaxOccupancy,
            DwellCount == 0 ? null : Math.Round(DwellSeconds / DwellCount, 1),
            Entries + PassersBy == 0 ? null : Math.Round((double)Entries / (Entries + PassersBy), 4), DwellBuckets)
        { OffHoursEntries = OffHoursEntries, OffHoursPassersBy = OffHoursPassersBy, OffHoursExits = OffHoursExits };
    }
}
