using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartStore.GrainInterfaces;

namespace SmartStore.Silo;

/// <summary>
/// Makes sure the chain's inspection round is running once the silo is up. Its reminder lives in PostgreSQL, so this
/// only matters on a new database; every silo asks, and the grain registers the reminder once.
/// </summary>
public sealed class InspectionScheduleStart(IGrainFactory grains, ILogger<InspectionScheduleStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Never gives up and never throws: a background service that throws stops the host, and this silo's uploads
        // and counting matter more than one minute's inspection round.
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grains.GetGrain<IInspectionScheduleGrain>(IInspectionScheduleGrain.Key).Start();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The reminder service may still be joining the cluster on a silo's first seconds.
                logger.LogWarning(e, "Inspection schedule not started yet (attempt {Attempt}); trying again", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(3 * attempt, 60)), stoppingToken);
            }
        }
    }
}
