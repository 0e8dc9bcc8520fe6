namespace SmartStore.Testing;

/// <summary>
/// Store-local times for a test whose pictures and receipts must all fall on the store's today. Sales are traced, counted
/// and flagged by store day (a card on four receipts is 一卡多单 within one day), so a run a few minutes either side of the
/// store's midnight used to split them over two days and fail, though nothing was wrong.
/// </summary>
public static class StoreDayWindow
{
    /// <summary>How long a test may read "today" after taking its window: closer to midnight than that, it waits.</summary>
    private static readonly TimeSpan Reading = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The start of a span of <paramref name="length"/>, whole seconds, as near <paramref name="before"/> ago as today
    /// allows: moved later just after midnight, earlier just before it. In the last minutes of a day the test waits for
    /// the next one, so its "today" does not change under it.
    /// </summary>
    public static async Task<DateTime> Start(TimeZoneInfo zone, TimeSpan before, TimeSpan length)
    {
        var now = Now(zone);
        var leftToday = now.Date.AddDays(1) - now;
        if (leftToday < Reading)
        {
            await Task.Delay(leftToday + TimeSpan.FromSeconds(2));
            now = Now(zone);
        }
        var start = now - before;
        if (start < now.Date) start = now.Date.AddSeconds(1);
        var latest = now.Date.AddDays(1) - length - TimeSpan.FromSeconds(1);
        if (start > latest) start = latest;
        return start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
    }

    private static DateTime Now(TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone);
}
