using System.Globalization;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>天气: cities' daily weather pushed by the chain's weather integration (no outside service is called from here).</summary>
public static class WeatherEndpoints
{
    public sealed record WeatherInput(IReadOnlyList<WeatherDayInput?>? Days);

    public sealed record WeatherDayInput(string? City, string? Day, string? Condition, decimal? High, decimal? Low);

    public const int MaxDays = 2_000;

    public static RouteGroupBuilder MapWeather(this RouteGroupBuilder api)
    {
        api.MapPut("/weather", Write).WithSummary("Weather per city and day, for 门店分析's traffic by weather").Produces<WeatherDaysWritten>().WithTags("Foot traffic").RequireAuthorization(AuthenticationSetup.MayEdit);
        return api;
    }

    private static async Task<IResult> Write(WeatherInput input, CityWeather weather)
    {
        var (days, errors) = Read(input);
        if (errors.Any) return errors.ToResult();
        await weather.Write(days);
        return Results.Ok(new WeatherDaysWritten(days.Count));
    }

    /// <summary>Every day checked; one bad day refuses the push (the integration sends it again, whole).</summary>
    public static (IReadOnlyList<WeatherDay> Days, FieldErrors Errors) Read(WeatherInput input)
    {
        var errors = new FieldErrors();
        var seen = new HashSet<(string, DateOnly)>();
        var days = BatchPush.Read(input.Days, "days", "[{\"city\": \"上海\", \"day\": \"2026-12-05\", \"condition\": \"rain\", \"high\": 12, \"low\": 7}, …]", MaxDays, errors,
            (d, field) =>
            {
                errors.Text($"{field}.city", d.City?.Trim(), 60);
                if (!DateOnly.TryParseExact(d.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    errors.Add($"{field}.day", $"{field}.day '{d.Day}' must be yyyy-MM-dd.");
                else if (d.City is { } city && !seen.Add((city.Trim(), day))) errors.Add($"{field}.day", $"{field}: {city} on {d.Day} is given twice.");
                if (!CityWeather.Conditions.Contains(d.Condition)) errors.Add($"{field}.condition", $"{field}.condition '{d.Condition}' must be one of {string.Join(", ", CityWeather.Conditions)}.");
                if (d.High is < -80 or > 70 || d.Low is < -80 or > 70) errors.Add($"{field}.high", $"{field}: temperatures are °C, -80 to 70.");
                else if (d.High is { } high && d.Low is { } low && low > high) errors.Add($"{field}.low", $"{field}.low {low} is above high {high}.");
                return new WeatherDay(d.City?.Trim() ?? "", day, d.Condition ?? "", d.High, d.Low);
            });
        return (days, errors);
    }

    /// <summary>How many city-days of weather were written.</summary>
    public sealed record WeatherDaysWritten(int Days);
}
