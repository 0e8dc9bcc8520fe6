namespace SmartStore.Web.Pages;

/// <summary>
/// What the traffic wall screen shows (<c>?period=</c>): today, live (none given), this week so far (Monday on), or this
/// month so far — each against as many days of the period before (last week's Monday on, last month's first on).
/// </summary>
public sealed record ScreenPeriod(string? Code, DateOnly From, DateOnly To, DateOnly BeforeFrom, DateOnly BeforeTo)
{
    public const string Week = "week";
    public const string Month = "month";

    public bool Today => Code is null;

    /// <summary>The period asked for on head office's <paramref name="today"/>; anything else is today.</summary>
    public static ScreenPeriod Of(string? code, DateOnly today)
    {
        switch (code)
        {
            case Week:
                var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
                return new(Week, monday, today, monday.AddDays(-7), today.AddDays(-7));
            case Month:
                var first = new DateOnly(today.Year, today.Month, 1);
                return new(Month, first, today, first.AddMonths(-1), today.AddMonths(-1));
            default:
                return new(null, today, today, today.AddDays(-7), today.AddDays(-7));
        }
    }

    /// <summary>The query string keeping this period (and a region), for the screen's own links.</summary>
    public string Query(string? region) => string.Join("&", new[]
    {
        region is null ? null : $"region={Uri.EscapeDataString(region)}",
        Code is null ? null : $"period={Code}",
    }.OfType<string>()) is { Length: > 0 } q ? "?" + q : "";
}
