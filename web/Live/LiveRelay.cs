using Microsoft.AspNetCore.SignalR;
using SmartStore.GrainInterfaces;
using SmartStore.Models;

namespace SmartStore.Web.Live;

/// <summary>
/// This web host's end of the live feed: an Orleans observer that the directory grain calls with
/// batches of updates, forwarded to SignalR groups. It re-subscribes every 20 s because
/// subscriptions expire (that is how hosts that died drop out).
/// </summary>
public sealed class LiveRelay(IClusterClient cluster, IHubContext<LiveHub> hub, ILogger<LiveRelay> logger)
    : BackgroundService, ILiveFeedObserver
{
    private static readonly TimeSpan Resubscribe = TimeSpan.FromSeconds(20);

    public Task OnLiveUpdates(IReadOnlyList<LiveUpdate> updates)
    {
        // Grains never wait for browsers: the call is one-way and the sends run detached.
        _ = Forward(updates);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var self = cluster.CreateObjectReference<ILiveFeedObserver>(this);
        var directory = cluster.GetGrain<ILiveFeedDirectoryGrain>(0);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await directory.Subscribe(self);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not subscribe to the live feed; retrying");
            }
            try { await Task.Delay(Resubscribe, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
        try { await directory.Unsubscribe(self); }
        catch (Exception e) { logger.LogDebug(e, "Unsubscribe at shutdown failed"); }
    }

    private async Task Forward(IReadOnlyList<LiveUpdate> updates)
    {
        try
        {
            foreach (var update in updates)
                await hub.Clients.Groups(LiveHub.GroupsOf(update).ToList()).SendAsync(update.Topic, update);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Relaying {Count} live updates failed", updates.Count);
        }
    }
}
