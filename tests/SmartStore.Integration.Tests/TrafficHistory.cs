using Dapper;
using SmartStore.Storage;

namespace SmartStore.Integration.Tests;

/// <summary>Hourly traffic written straight into <c>traffic_hourly</c>, as a store grain would have: history for report tests.</summary>
public static class TrafficHistory
{
    public static async Task Hour(SmartStoreDatabase database, string store, DateTime hourLocal, int entries, int passersBy = 0, int maxInside = 0,
        int offHours = 0)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync("""
            INSERT INTO traffic_hourly (store_code, hour_local, hour_utc, entries, exits, passers_by, unique_visitors, repeats, staff,
                occupancy_avg, occupancy_max, occupancy_sum, occupancy_samples, dwell_seconds, dwell_count, dwell_buckets, demographics, off_hours_entries)
            VALUES (@store, @hourLocal, @utc, @entries, @entries, @passersBy, @entries, 0, 0, 0, @maxInside, 0, 0, 0, 0, '{0,0,0,0,0,0}', '{}', @offHours)
            """, new { store, hourLocal, utc = DateTime.SpecifyKind(hourLocal.AddHours(-8), DateTimeKind.Utc), entries, passersBy, maxInside, offHours });
    }
}
