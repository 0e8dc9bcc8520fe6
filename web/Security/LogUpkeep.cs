using SmartStore.Storage;

namespace SmartStore.Web.Security;

/// <summary>
/// Once an hour each web host removes log entries older than <see cref="LogKeeping"/> says — which only repeats a cheap
/// delete where there are several hosts.
/// </summary>
public sealed class LogUpkeep(LogRetention retention, LogKeeping keeping, ILogger<LogUpkeep> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            do
            {
                foreach (var (log, keep) in keeping.Logs.Where(l => l.Keep > TimeSpan.Zero))
                    await Sweep(log, keep, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task Sweep(LogRetention.Log log, TimeSpan keep, CancellationToken stoppingToken)
    {
        try
        {
            var forgotten = await retention.Forget(log, DateTime.UtcNow - keep, stoppingToken);
            if (forgotten > 0) logger.LogInformation("Forgot {Count} {Log} entries older than {Days} days", forgotten, log, keep.TotalDays);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Old {Log} entries could not be removed; trying again in an hour", log);
        }
    }
}
