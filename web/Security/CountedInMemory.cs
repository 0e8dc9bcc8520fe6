namespace SmartStore.Web.Security;

/// <summary>
/// Counts kept in the web host's memory and added to PostgreSQL every <see cref="FlushEvery"/> and when the host stops:
/// a write per request would double the database's load for a figure people read. A host that dies loses at most that
/// many seconds of counts. (API keys' calls, people's page views.)
/// </summary>
public abstract class CountedInMemory : BackgroundService
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(15);

    /// <summary>Writes the counts so far (a page or test that shows them flushes first, so they include what was just done).</summary>
    public abstract Task Flush();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await Flush();
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is counted is written below.
        }
        await Flush();
    }
}
