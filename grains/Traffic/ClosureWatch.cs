using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>
/// 营业时间内疑似关门 (seed 001: a busy mall store whose staff shut the door at 19:50, two hours before closing time).
/// During opening hours, nobody has come in for a while although people kept walking past: so many that, at the share
/// of passers-by who came in earlier that day (taken at <see cref="ClosureOptions.RateShare"/> of it), the chance that none
/// would is under <see cref="ClosureOptions.Chance"/>.
/// Judged only on the evidence the entrance camera gives (a quiet street is not a closed store), and cleared by the
/// next customer. Plain logic; the store grain owns it.
/// </summary>
public sealed class ClosureWatch(string storeCode, ClosureOptions options)
{
    private DateTime _quietSinceUtc = DateTime.MinValue;
    private int _passersBy;

    /// <summary>The closure raised now, if any (also while the store's hours are over: the day's record).</summary>
    public StoreClosure? Raised { get; private set; }

    /// <summary>
    /// One report of the store's entrance: the customers it counted coming in and the passers-by; whether the store is
    /// open by its hours then; and the day's customer entries and passers-by so far (for the entry rate). Returns the
    /// closure when this report raised it or cleared it (with <see cref="StoreClosure.ReopenedUtc"/> set), else null.
    /// </summary>
    public StoreClosure? Observe(DateTime atUtc, int customers, int passersBy, bool open, int entriesToday, int passersByToday)
    {
        if (customers > 0 || !open)
        {
            // A customer: open after all. Outside opening hours: a quiet door is expected, and the next spell starts at opening.
            (_quietSinceUtc, _passersBy) = (atUtc, 0);
            if (Raised is null || customers == 0) return null;
            var reopened = Raised with { ReopenedUtc = atUtc };
            Raised = null;
            return reopened;
        }
        if (_quietSinceUtc == DateTime.MinValue) _quietSinceUtc = atUtc;
        _passersBy += passersBy;
        if (Raised is not null || atUtc - _quietSinceUtc < options.MinQuiet || entriesToday < options.MinEntriesToday) return null;
        // The rate of the day before the spell: counting the spell's own passers-by in it would let a store shut since noon
        // dilute the evidence against itself the longer it stays shut.
        var rate = (double)entriesToday / Math.Max(1, entriesToday + passersByToday - _passersBy);
        var chance = Math.Pow(1 - options.RateShare * rate, _passersBy);
        if (chance >= options.Chance) return null;
        return Raised = new StoreClosure(storeCode, _quietSinceUtc, atUtc, _passersBy, Math.Round(rate, 4), chance);
    }

    /// <summary>A new store-local day: yesterday's closure is history (it was written when raised).</summary>
    public void NewDay() => Raised = null;

    /// <summary>The closure kept in the grain's state, after a reactivation.</summary>
    public void Restore(StoreClosure? raised)
    {
        Raised = raised;
        if (raised is not null) (_quietSinceUtc, _passersBy) = (raised.SinceUtc, raised.PassersBy);
    }
}
