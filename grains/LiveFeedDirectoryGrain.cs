using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using SmartStore.GrainInterfaces;
using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>
/// Fans live updates out to every subscribed web host. Subscriptions expire after a minute so a
/// web host that crashed is dropped without anyone having to tell us.
/// </summary>
public sealed class LiveFeedDirectoryGrain : Grain, ILiveFeedDirectoryGrain
{
    private readonly ObserverManager<ILiveFeedObserver> _observers;

    public LiveFeedDirectoryGrain(ILogger<LiveFeedDirectoryGrain> logger) =>
        _observers = new ObserverManager<ILiveFeedObserver>(TimeSpan.FromMinutes(1), logger);

    public Task Subscribe(ILiveFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(ILiveFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task Broadcast(IReadOnlyList<LiveUpdate> updates)
    {
        _observers.Notify(o => o.OnLiveUpdates(updates));
        return Task.CompletedTask;
    }
}
