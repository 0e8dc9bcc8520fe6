using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartStore.GrainInterfaces;
using SmartStore.Storage;

namespace SmartStore.Silo;

/// <summary>
/// Wakes every store's grain once the silo is up, so the first HQ board after a start or a deploy finds them awake: at
/// 2,000 stores that board took 3.9 s while each grain read its cameras, its shelf and today's hours from PostgreSQL
/// (`bench board`'s board_cold_s), against 0.2 s for the next. A few stores at a time, so the uploads arriving meanwhile
/// keep their share of the database; a store whose grain cannot be woken now is woken by the first call that needs it.
/// </summary>
public sealed class StoreGrainWarmup(IGrainFactory grains, StoreRepository stores, ILogger<StoreGrainWarmup> logger) : BackgroundService
{
    private const int AtOnce = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var (woken, failed) = await WakeAll(stoppingToken);
            logger.LogInformation("Store grains woken: {Woken} ({Failed} left to wake on first use)", woken, failed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never stops the host: the grains wake on first use as they always did.
            logger.LogWarning(e, "Store grains not woken ahead; each wakes on first use");
        }
    }

    /// <summary>Reads every store's summary, which loads all the board reads; returns how many woke and how many failed.</summary>
    public async Task<(int Woken, int Failed)> WakeAll(CancellationToken cancellationToken)
    {
        var codes = await stores.Codes(cancellationToken);
        int woken = 0, failed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(codes, options, async (code, _) =>
        {
            try
            {
                await grains.GetGrain<IStoreGrain>(code).GetSummary();
                var done = Interlocked.Increment(ref woken);
                if (done % 500 == 0) logger.LogInformation("Store grains woken: {Done}/{Total}", done, codes.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (Interlocked.Increment(ref failed) == 1) logger.LogWarning(e, "Store grain {Store} not woken ahead", code);
            }
        });
        return (woken, failed);
    }
}
