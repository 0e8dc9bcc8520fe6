using SmartStore.Web.Analysis;

namespace SmartStore.Web.Api;

/// <summary>
/// 门店分析 as the API answers it (GET /api/stores/{code}/analysis): the day's entries hour by hour against the forecast
/// (the mean of the same weekdays) and what those days had so far, the weekday and weekend profiles, staff on duty against
/// customers hour by hour, the store's rank this month, entries by weather and its entry rate and conversion month by month.
/// </summary>
public sealed record StoreDayAnalysis
{
    public required string Store { get; init; }
    public required string Day { get; init; }
    /// <summary>The store-local hour now when the day is today; null for a past day.</summary>
    public int? NowHour { get; init; }
    public required int[] Entries { get; init; }
    public double[]? Forecast { get; init; }
    public int EntriesSoFar { get; init; }
    public double? ForecastSoFar { get; init; }
    /// <summary>Entries so far against the forecast to the same hour, as a change (−0.12: 12 % below).</summary>
    public double? AgainstForecast { get; init; }
    public double[]? ForecastLow { get; init; }
    public double[]? ForecastHigh { get; init; }
    public UsualRange? UsualSoFar { get; init; }
    /// <summary>"below", "above" or "within" <see cref="UsualSoFar"/>.</summary>
    public string? AgainstUsual { get; init; }
    public double[]? WeekdayProfile { get; init; }
    public int WeekdayDays { get; init; }
    public double[]? WeekendProfile { get; init; }
    public int WeekendDays { get; init; }
    public required IReadOnlyList<StaffingHour> Staffing { get; init; }
    /// <summary>Whether staff on duty come from planned shifts (otherwise: the store's enrolled staff whenever it is open).</summary>
    public bool StaffFromShifts { get; init; }
    public MonthRank? MonthRank { get; init; }
    public required IReadOnlyList<WeatherEntries> ByWeather { get; init; }
    public double? WeatherMean { get; init; }
    public required IReadOnlyList<MonthEntryRate> Months { get; init; }
}

/// <summary>The fewest and most entries the same weekdays had up to the same moment, over so many days.</summary>
public sealed record UsualRange(double Low, double High, int Days);

/// <summary>The store's entries a day this month (from <paramref name="From"/>) and its place among stores of its type and in its region.</summary>
public sealed record MonthRank(string From, double EntriesPerDay, string? Type, int? InType, int TypeCount, int? InRegion, int RegionCount,
    PeerPlace? Dwell, PeerPlace? EntryRate);

/// <summary>Days of a kind of weather and the store's entries a day on them.</summary>
public sealed record WeatherEntries(string Condition, int Days, double EntriesPerDay);

/// <summary>A month's entries, passers-by, entry rate, receipts and conversion (receipts ÷ entries).</summary>
public sealed record MonthEntryRate(string Month, int Entries, int PassersBy, double? EntryRate, int? Receipts, double? Conversion);
