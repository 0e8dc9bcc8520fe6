using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartStore.GrainInterfaces;
using SmartStore.Storage;

namespace SmartStore.Silo;

/// <summary>
/// Tells a store's grain on the day it opens or closes for good, a date set ahead: the grain reads its stage whenever it is
/// asked, but what it has told others — its cameras in the region's counts, its standing shelf alerts — waits for a change
/// of its profile, and nothing else happens at that midnight. Looks every few minutes for the stores whose opening or
/// closing date is their today and tells each once a day (telling twice, or from two silos, changes nothing).
/// </summary>
public sealed class StoreStageTurns(IGrainFactory grains, StoreRepository stores, ILogger<StoreStageTurns> logger) : BackgroundService
{
    public static readonly TimeSpan LookEvery = TimeSpan.FromMinutes(10);
    private readonly HashSet<(string Store, DateOnly Day)> _told = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LookEvery);
        do
        {
            try
            {
                await TellTurning(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never stops the host: the next look tells them.
                logger.LogWarning(e, "Stores opening or closing today not told yet");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Tells the grains of the stores opening or closing for good today that were not told yet today; returns their codes.</summary>
    public async Task<IReadOnlyList<string>> TellTurning(CancellationToken cancellationToken)
    {
        var told = new List<string>();
        foreach (var (code, today) in await stores.TurningToday(cancellationToken))
        {
            if (_told.Contains((code, today))) continue;
            await grains.GetGrain<IStoreGrain>(code).ProfileChanged();
            _told.Add((code, today));
            told.Add(code);
        }
        // Yesterday's are done with (a store a day or two ahead in its zone keeps its own).
        _told.RemoveWhere(t => t.Day < DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));
        if (told.Count > 0) logger.LogInformation("Stores opening or closing for good today, their grains told: {Stores}", string.Join(", ", told));
        return told;
    }
}
