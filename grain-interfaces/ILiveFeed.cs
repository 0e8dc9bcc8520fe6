using Orleans.Concurrency;
using SmartStore.Models;

namespace SmartStore.GrainInterfaces;

/// <summary>Implemented by each web host (a client object reference); receives batched live updates.</summary>
public interface ILiveFeedObserver : IGrainObserver
{
    [OneWay]
    Task OnLiveUpdates(IReadOnlyList<LiveUpdate> updates);
}

/// <summary>
/// The list of web hosts that want live updates (singleton, key 0). Observers expire, so each
/// web host re-subscribes every few seconds; a host that died simply stops re-subscribing.
/// </summary>
public interface ILiveFeedDirectoryGrain : IGrainWithIntegerKey
{
    Task Subscribe(ILiveFeedObserver observer);

    Task Unsubscribe(ILiveFeedObserver observer);

    [OneWay]
    Task Broadcast(IReadOnlyList<LiveUpdate> updates);
}

/// <summary>Where grains drop live updates; batches them so the directory is called a few times a second, not per change.</summary>
public interface ILiveFeedNotifierGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task Publish(LiveUpdate update);
}
