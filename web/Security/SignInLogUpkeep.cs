using SmartStore.Storage;

namespace SmartStore.Web.Security;

/// <summary>
/// Keeps the sign-in log to a year (setting <c>SignIn:KeepLogFor</c>): once an hour each web host removes older entries,
/// which only repeats a cheap delete where there are several.
/// </summary>
public sealed class SignInLogUpkeep(SignInLog log, IConfiguration configuration, ILogger<SignInLogUpkeep> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var keep = configuration.GetValue("SignIn:KeepLogFor", TimeSpan.FromDays(365));
        using var timer = new PeriodicTimer(Every);
        try
        {
            do
            {
                try
                {
                    var forgotten = await log.Forget(DateTime.UtcNow - keep, stoppingToken);
                    if (forgotten > 0) logger.LogInformation("Forgot {Count} sign-ins older than {Days} days", forgotten, keep.TotalDays);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Old sign-ins could not be removed; trying again in an hour");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
