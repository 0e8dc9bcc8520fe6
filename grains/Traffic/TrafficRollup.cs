using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>
/// Region and head-office totals of today's foot traffic. Members report on every change, so the state is
/// written at most every few seconds (and on deactivation): a crash loses only the last seconds, which the
/// next report of each member restores.
/// </summary>
internal sealed class TrafficRollup(IPersistentState<TrafficByMemberState> state)
{
    private static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(5);
    private DateTime _writtenUtc;
    private bool _dirty;

    /// <summary>Records a member's counters; returns the new total, or null when nothing changed.</summary>
    public async Task<(DateOnly Day, TrafficCounters Total)?> Update(string member, DateOnly day, TrafficCounters today)
    {
        if (state.State.Members.TryGetValue(member, out var known) && known == (day, today)) return null;
        state.State.Members[member] = (day, today);
        _dirty = true;
        if (DateTime.UtcNow - _writtenUtc >= WriteEvery) await Flush();
        return state.State.Total();
    }

    public async Task Flush()
    {
        if (!_dirty) return;
        await state.WriteStateAsync();
        _writtenUtc = DateTime.UtcNow;
        _dirty = false;
    }

    public TrafficCounters Total() => state.State.Total().Total;
}
