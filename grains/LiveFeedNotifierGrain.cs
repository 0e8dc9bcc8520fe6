using Orleans.Concurrency;
using SmartStore.GrainInterfaces;
using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>
/// Collects live updates on each silo and forwards them in batches (at most every 50 ms or 100
/// updates), so a burst of camera changes costs the directory a handful of calls.
/// </summary>
[StatelessWorker(1)]
public sealed class LiveFeedNotifierGrain : Grain, ILiveFeedNotifierGrain
{
    private static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(50);
    private const int MaxBatch = 100;

    private List<LiveUpdate> _pending = new();
    private IGrainTimer? _flushTimer;

    public async Task Publish(LiveUpdate update)
    {
        _pending.Add(update);
        if (_pending.Count >= MaxBatch)
        {
            await Flush();
            return;
        }
        _flushTimer ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(FlushDelay, Timeout.InfiniteTimeSpan));
    }

    private async Task Flush()
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        if (_pending.Count == 0) return;
        var batch = _pending;
        _pending = new List<LiveUpdate>();
        await GrainFactory.GetGrain<ILiveFeedDirectoryGrain>(0).Broadcast(batch);
    }
}
