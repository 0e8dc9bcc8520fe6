using System.Text.Json;
using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Hourly foot-traffic history per store (store-local hours), written whole and idempotently by the store grains.</summary>
public sealed class TrafficRepository(SmartStoreDatabase database)
{
    private const string Columns = """
        store_code AS StoreCode, hour_local AS HourLocal, hour_utc AS HourUtc, entries, exits, passers_by AS PassersBy,
        unique_visitors AS UniqueVisitors, repeats, staff, occupancy_avg AS OccupancyAvg, occupancy_max AS OccupancyMax,
        occupancy_sum AS OccupancySum, occupancy_samples AS OccupancySamples, dwell_seconds AS DwellSeconds,
        dwell_count AS DwellCount, dwell_buckets AS DwellBuckets, demographics::text AS DemographicsJson,
        off_hours_entries AS OffHoursEntries, off_hours_passers_by AS OffHoursPassersBy, off_hours_exits AS OffHoursExits
        """;

    public async Task<IReadOnlyList<TrafficHour>> Hours(string storeCode, DateTime fromLocal, DateTime toLocal, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<HourRow>(new CommandDefinition(
            $"SELECT {Columns} FROM traffic_hourly WHERE store_code = @storeCode AND hour_local >= @fromLocal AND hour_local < @toLocal ORDER BY hour_local",
            new { storeCode, fromLocal, toLocal }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToHour()).ToList();
    }

    /// <summary>Upserts whole hours: the values are absolute, so writing the same hour twice changes nothing.</summary>
    public async Task Write(IReadOnlyCollection<TrafficHour> hours, CancellationToken cancellationToken = default)
    {
        if (hours.Count == 0) return;
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO traffic_hourly (store_code, hour_local, hour_utc, entries, exits, passers_by, unique_visitors, repeats, staff,
                occupancy_avg, occupancy_max, occupancy_sum, occupancy_samples, dwell_seconds, dwell_count, dwell_buckets, demographics,
                off_hours_entries, off_hours_passers_by, off_hours_exits)
            VALUES (@StoreCode, @HourLocal, @HourUtc, @Entries, @Exits, @PassersBy, @UniqueVisitors, @Repeats, @Staff,
                @OccupancyAvg, @OccupancyMax, @OccupancySum, @OccupancySamples, @DwellSeconds, @DwellCount, @DwellBuckets, CAST(@DemographicsJson AS jsonb),
                @OffHoursEntries, @OffHoursPassersBy, @OffHoursExits)
            ON CONFLICT (store_code, hour_local) DO UPDATE SET hour_utc = EXCLUDED.hour_utc, entries = EXCLUDED.entries,
                exits = EXCLUDED.exits, passers_by = EXCLUDED.passers_by, unique_visitors = EXCLUDED.unique_visitors,
                repeats = EXCLUDED.repeats, staff = EXCLUDED.staff, occupancy_avg = EXCLUDED.occupancy_avg,
                occupancy_max = EXCLUDED.occupancy_max, occupancy_sum = EXCLUDED.occupancy_sum,
                occupancy_samples = EXCLUDED.occupancy_samples, dwell_seconds = EXCLUDED.dwell_seconds,
                dwell_count = EXCLUDED.dwell_count, dwell_buckets = EXCLUDED.dwell_buckets,
                demographics = EXCLUDED.demographics, off_hours_entries = EXCLUDED.off_hours_entries,
                off_hours_passers_by = EXCLUDED.off_hours_passers_by,
                off_hours_exits = EXCLUDED.off_hours_exits, updated_at = now()
            """, hours.Select(HourRow.From).ToList(), cancellationToken: cancellationToken));
    }

    private sealed class HourRow
    {
        public string StoreCode { get; init; } = "";
        public DateTime HourLocal { get; init; }
        public DateTime HourUtc { get; init; }
        public int Entries { get; init; }
        public int Exits { get; init; }
        public int PassersBy { get; init; }
        public int UniqueVisitors { get; init; }
        public int Repeats { get; init; }
        public int Staff { get; init; }
        public int OccupancyAvg { get; init; }
        public int OccupancyMax { get; init; }
        public double OccupancySum { get; init; }
        public int OccupancySamples { get; init; }
        public double DwellSeconds { get; init; }
        public int DwellCount { get; init; }
        public int[] DwellBuckets { get; init; } = [];
        public string DemographicsJson { get; init; } = "{}";
        public int OffHoursEntries { get; init; }
        public int OffHoursPassersBy { get; init; }
        public int OffHoursExits { get; init; }

        public TrafficHour ToHour() => new(StoreCode, DateTime.SpecifyKind(HourLocal, DateTimeKind.Unspecified), DateTime.SpecifyKind(HourUtc, DateTimeKind.Utc),
            new TrafficCounters(Entries, Exits, PassersBy, UniqueVisitors, Repeats, Staff, OccupancyAvg, OccupancyMax, DwellSeconds, DwellCount,
                OffHoursEntries, OffHoursPassersBy, OffHoursExits),
            OccupancySum, OccupancySamples, DwellBuckets,
            JsonSerializer.Deserialize<Dictionary<string, int>>(DemographicsJson) ?? new Dictionary<string, int>());

        public static HourRow From(TrafficHour h) => new()
        {
            StoreCode = h.StoreCode, HourLocal = DateTime.SpecifyKind(h.HourLocal, DateTimeKind.Unspecified), HourUtc = DateTime.SpecifyKind(h.HourUtc, DateTimeKind.Utc),
            Entries = h.Counters.Entries, Exits = h.Counters.Exits, PassersBy = h.Counters.PassersBy, UniqueVisitors = h.Counters.UniqueVisitors,
            Repeats = h.Counters.Repeats, Staff = h.Counters.Staff, OccupancyAvg = h.Counters.Occupancy, OccupancyMax = h.Counters.MaxOccupancy,
            OccupancySum = h.OccupancySum, OccupancySamples = h.OccupancySamples, DwellSeconds = h.Counters.DwellSecondsTotal,
            DwellCount = h.Counters.DwellCount, DwellBuckets = h.DwellBuckets.ToArray(), DemographicsJson = JsonSerializer.Serialize(h.Demographics),
            OffHoursEntries = h.Counters.OffHoursEntries, OffHoursPassersBy = h.Counters.OffHoursPassersBy,
            OffHoursExits = h.Counters.OffHoursExits,
        };
    }
}
