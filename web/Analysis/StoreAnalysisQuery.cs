using Microsoft.Extensions.Options;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Analysis;

/// <summary>
/// 门店分析 (seed 001's store page): one store's day against its forecast, staff on duty against its customers hour by
/// hour, its weekday and weekend profile, its rank this month, and its entry rate and conversion month by month.
/// </summary>
public sealed record StoreAnalysis(
    Store Store, DateOnly Day, int? NowHour,
    int[] Entries, double[]? Forecast, int EntriesSoFar, double? ForecastSoFar,
    double[]? WeekdayProfile, int WeekdayDays, double[]? WeekendProfile, int WeekendDays,
    IReadOnlyList<StaffingHour> Staffing, bool StaffFromShifts, IReadOnlyList<StoreShift> Shifts,
    StoreRank? MonthRank, DateOnly MonthFrom, IReadOnlyList<TrafficRow> Months, IReadOnlyList<WeatherTraffic> ByWeather)
{
    /// <summary>Days read by weather: a season of them, so each kind of weather has had its days.</summary>
    public const int WeatherDays = 90;

    /// <summary>Entries a day over every day with weather known, the mean each condition is read against.</summary>
    public double? WeatherMean => ByWeather.Sum(w => w.Days) is var days and > 0 ? Math.Round((double)ByWeather.Sum(w => w.Entries) / days, 1) : null;

    /// <summary>Entries so far against the forecast to the same hour, as a change (−0.12: 12 % below); null without a forecast.</summary>
    public double? AgainstForecast => ForecastSoFar is > 0 ? Math.Round(EntriesSoFar / ForecastSoFar.Value - 1, 3) : null;

    /// <summary>Each hour's fewest and most entries on the same weekdays the forecast is the mean of (null without a forecast).</summary>
    public double[]? ForecastLow { get; init; }
    public double[]? ForecastHigh { get; init; }

    /// <summary>The fewest and most entries those days had up to the same moment, and how many days they are.</summary>
    public (double Low, double High, int Days)? UsualSoFar { get; init; }

    /// <summary>"below", "above" or "within" what those days had so far; null without a forecast.</summary>
    public string? AgainstUsual => UsualSoFar is not { } usual ? null
        : EntriesSoFar < usual.Low ? "below" : EntriesSoFar > usual.High ? "above" : "within";
}

/// <summary>Loads and computes <see cref="StoreAnalysis"/> for the page and the API alike.</summary>
public sealed class StoreAnalysisQuery(TrafficRepository traffic, StoreShifts shifts, StoreTotals totals, TrafficReport report,
    CityWeather weather, IOptions<StaffingOptions> staffing)
{
    /// <summary>The store-local day now.</summary>
    public static DateTime LocalNow(Store store) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, StoreTimeZones.Find(store.TimeZone));

    /// <summary>How much of the last hour compared has passed: today's current hour only partly.</summary>
    private static double HourDone(DateTime now, int? nowHour) => nowHour is null ? 1 : (now.Minute + now.Second / 60.0) / 60;

    public async Task<StoreAnalysis> For(Store store, DateOnly day, AccessScope scope, CancellationToken cancellationToken = default)
    {
        var now = LocalNow(store);
        int? nowHour = day == DateOnly.FromDateTime(now) ? now.Hour : null;
        var from = day.AddDays(-7 * TrafficForecast.Weeks).ToDateTime(TimeOnly.MinValue);
        // A day its door camera was blind for a spell is no measure of what such a day brings.
        var blind = await totals.PartlyCountedDays(store.Code, DateOnly.FromDateTime(from), day.AddDays(-1), cancellationToken);
        var history = (await traffic.Hours(store.Code, from, day.AddDays(1).ToDateTime(TimeOnly.MinValue), cancellationToken))
            .Where(h => !blind.Contains(DateOnly.FromDateTime(h.HourLocal))).ToList();
        var entries = TrafficForecast.ByHour(history.Where(h => DateOnly.FromDateTime(h.HourLocal) == day));
        var forecast = TrafficForecast.ForDay(history, day);
        var lastHour = nowHour ?? 23;
        var range = TrafficForecast.RangeForDay(history, day);
        var profile = TrafficForecast.WeekdayAndWeekend(history, day);

        var plan = await shifts.Of(store.Code, cancellationToken);
        var (onDuty, fromShifts) = Staffing.OnDuty(store, plan, day);
        var monthFrom = new DateOnly(day.Year, day.Month, 1);
        var chain = await totals.Over(new StoreCoverage(scope, store.Code, null), monthFrom, day, cancellationToken);
        var months = await report.Rows(new StoreCoverage(scope, store.Code, null), monthFrom.AddMonths(1 - Api.EntryRateTrend.MonthsShown), day,
            ReportGrain.Month, cancellationToken);
        var byWeather = await weather.TrafficOf(store.Code, day.AddDays(1 - StoreAnalysis.WeatherDays), day, cancellationToken);

        return new StoreAnalysis(store, day, nowHour, entries, forecast, entries.Take(lastHour + 1).Sum(),
            forecast is null ? null : Math.Round(forecast.Take(lastHour).Sum() + forecast[lastHour] * HourDone(now, nowHour), 1),
            profile.Weekday, profile.WeekdayDays, profile.Weekend, profile.WeekendDays,
            Staffing.Judge(onDuty, entries, forecast, nowHour, staffing.Value), fromShifts, plan,
            StoreRank.Of(store.Code, chain), monthFrom, months, byWeather)
        {
            ForecastLow = range?.Low,
            ForecastHigh = range?.High,
            UsualSoFar = TrafficForecast.RangeSoFar(history, day, lastHour, HourDone(now, nowHour)),
        };
    }
}
