using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartStore.Storage;

namespace SmartStore.Silo.Ingest;

/// <summary>
/// Deletes snapshots older than <see cref="IngestOptions.RetentionDays"/>: the image files first, then
/// their rows, in batches, once an hour. A file already gone is fine (a previous sweep stopped midway).
/// </summary>
public sealed class SnapshotRetention(SnapshotRepository snapshots, ImagesFolder images, IOptions<IngestOptions> options,
    TimeProvider clock, ILogger<SnapshotRetention> logger) : BackgroundService
{
    private const int Batch = 500;
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                var removed = await SweepOnce(stoppingToken);
                if (removed > 0) logger.LogInformation("Retention: removed {Count} snapshots older than {Days} days", removed, options.Value.RetentionDays);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Retention sweep failed; trying again in {Every}", Every);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepOnce(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var expired = await snapshots.ExpiredBefore(cutoff, Batch);
            if (expired.Count == 0) break;
            foreach (var snapshot in expired) File.Delete(images.FullPath(snapshot.Path));
            total += await snapshots.Delete(expired.Select(e => e.Id).ToList());
        }
        return total;
    }
}
