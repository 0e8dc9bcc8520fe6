using Microsoft.Extensions.Logging;
using SmartStore.Grains.Traffic;
using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>
/// 营业时间内疑似关门: the store's entrance reports, judged by <see cref="ClosureWatch"/> against its opening hours. A
/// closure raised is kept in the grain's state (its board and page show it while the store should be open) and written to
/// the closure history, again when the next customer ends it.
/// </summary>
public sealed partial class StoreGrain
{
    private readonly ClosureOptions _closureOptions;
    private ClosureWatch? _closure;
    private DateOnly _closureDay;

    /// <summary>Today's closure raised now, while the store's hours say it should be open; null otherwise.</summary>
    private StoreClosure? LooksClosed(DateTime utc) =>
        ClosureWatch().Raised is { } raised && LocalDay(raised.SinceUtc) == LocalDay(utc) && IsOpen(utc) ? raised : null;

    private bool IsOpen(DateTime utc) => _profile is null || _profile.OpeningHours.IsOpenAt(LocalTime(utc));

    private async Task JudgeClosure(StoreFootfall footfall, TrafficObservation seen, int customers)
    {
        // Only what an entrance saw: an in-store head count says nothing about the door.
        if (seen.Crossings.Count == 0 && seen.PassersBy == 0) return;
        var watch = ClosureWatch();
        var day = LocalDay(seen.AtUtc);
        if (day != _closureDay)
        {
            _closureDay = day;
            watch.NewDay();
        }
        var today = footfall.Today(seen.AtUtc);
        var changed = watch.Observe(seen.AtUtc, customers, seen.PassersBy, IsOpen(seen.AtUtc), today.Entries, today.PassersBy);
        if (changed is null) return;
        _state.State.LooksClosed = watch.Raised;
        await _state.WriteStateAsync();
        try
        {
            await _ledger.WriteClosure(changed, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The grain's state has it; the history misses this spell (or its end) until the next one is written.
            _logger.LogWarning(e, "Store {Store}: closure since {Since:u} not written", this.GetPrimaryKeyString(), changed.SinceUtc);
        }
        if (changed.ReopenedUtc is null)
            _logger.LogInformation("Store {Store} looks closed since {Since:u}: {PassersBy} passed by, nobody came in", this.GetPrimaryKeyString(), changed.SinceUtc, changed.PassersBy);
    }

    private ClosureWatch ClosureWatch()
    {
        if (_closure is not null) return _closure;
        _closure = new ClosureWatch(this.GetPrimaryKeyString(), _closureOptions);
        // A closure of today survives a reactivation; an older one is history already written.
        if (_state.State.LooksClosed is { } kept && LocalDay(kept.SinceUtc) == LocalDay(DateTime.UtcNow))
        {
            _closure.Restore(kept);
            _closureDay = LocalDay(kept.SinceUtc);
        }
        return _closure;
    }
}
