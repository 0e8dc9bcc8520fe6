using Dapper;

namespace SmartStore.Storage;

/// <summary>One city's weather on one day.</summary>
public sealed record WeatherDay(string City, DateOnly Day, string Condition, decimal? High, decimal? Low);

/// <summary>A store's days of one weather condition: how many it counted traffic on, and their entries.</summary>
public sealed record WeatherTraffic(string Condition, int Days, int Entries)
{
    public double EntriesPerDay => Days == 0 ? 0 : Math.Round((double)Entries / Days, 1);
}

/// <summary>Cities' daily weather as the chain's integration pushes it, and a store's traffic by it.</summary>
public sealed class CityWeather(SmartStoreDatabase database)
{
    public static readonly string[] Conditions = ["sunny", "cloudy", "overcast", "rain", "snow", "fog", "storm"];

    /// <summary>Writes whole days; a day sent again replaces it.</summary>
    public async Task Write(IReadOnlyCollection<WeatherDay> days, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO city_weather (city, day, condition, temp_high, temp_low) VALUES (@City, @Day, @Condition, @High, @Low)
            ON CONFLICT (city, day) DO UPDATE SET condition = EXCLUDED.condition, temp_high = EXCLUDED.temp_high,
                temp_low = EXCLUDED.temp_low, updated_at = now()
            """, days.Select(d => new { d.City, Day = d.Day.ToDateTime(TimeOnly.MinValue), d.Condition, d.High, d.Low }), cancellationToken: cancellationToken));
    }

    /// <summary>The store's days with traffic between two dates (inclusive) by the weather of its city; days without weather left out.</summary>
    public async Task<IReadOnlyList<WeatherTraffic>> TrafficOf(string storeCode, DateOnly from, DateOnly toInclusive, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<WeatherTraffic>(new CommandDefinition("""
            SELECT w.condition AS Condition, count(*)::int AS Days, sum(d.entries)::int AS Entries
            FROM (SELECT t.hour_local::date AS day, sum(t.entries) AS entries FROM traffic_hourly t
                  WHERE t.store_code = @storeCode AND t.hour_local >= @from AND t.hour_local < @to GROUP BY 1 HAVING sum(t.entries) > 0) d
            JOIN stores s ON s.code = @storeCode
            JOIN city_weather w ON w.city = s.city AND w.day = d.day
            GROUP BY w.condition
            """, new { storeCode, from = from.ToDateTime(TimeOnly.MinValue), to = toInclusive.AddDays(1).ToDateTime(TimeOnly.MinValue) },
            cancellationToken: cancellationToken));
        return rows.OrderBy(r => Array.IndexOf(Conditions, r.Condition)).ToList();
    }
}
