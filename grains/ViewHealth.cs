using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>
/// The faults of one fixed camera's view, from the health checks of its snapshots in capture order: a fault is raised
/// once <see cref="ViewHealthOptions.RaiseAfter"/> checks in a row trip it, and cleared once
/// <see cref="ViewHealthOptions.ClearAfter"/> in a row do not. Plain logic; the camera grain owns it and keeps
/// <see cref="Active"/>.
/// </summary>
public sealed class ViewHealth(ViewHealthOptions options, IEnumerable<ActiveViewFault> active)
{
    private readonly Dictionary<ViewFault, ActiveViewFault> _active = active.ToDictionary(a => a.Fault);
    // Checks in a row that tripped a fault not raised yet, or were clear of a raised one; counted in memory only.
    private readonly Dictionary<ViewFault, (int Count, DateTime FirstUtc)> _streak = new();
    private DateTime _lastUtc = DateTime.MinValue;

    // A List, not a collection expression: it leaves the grain, and Orleans cannot copy the compiler's list type (dotnet/orleans#9032).
    public IReadOnlyList<ActiveViewFault> Active => _active.Values.OrderBy(a => a.Fault).ToList();

    /// <summary>Takes one check; true when the raised faults changed. A check older than one taken is ignored.</summary>
    public bool Observe(ViewCheck check)
    {
        if (check.AtUtc <= _lastUtc) return false;
        _lastUtc = check.AtUtc;
        var changed = false;
        foreach (var fault in Enum.GetValues<ViewFault>())
        {
            var finding = check.Tripped.FirstOrDefault(f => f.Fault == fault);
            var raised = _active.TryGetValue(fault, out var current);
            // A raised fault keeps its latest evidence; the streak counts what would change it.
            if (raised && finding is not null)
            {
                _active[fault] = current! with { SnapshotId = check.SnapshotId, Evidence = finding.Evidence };
                _streak.Remove(fault);
                continue;
            }
            if (!raised && finding is null) { _streak.Remove(fault); continue; }
            var (count, first) = _streak.TryGetValue(fault, out var s) ? s : (0, check.AtUtc);
            if (++count < (raised ? options.ClearAfter : options.RaiseAfter)) { _streak[fault] = (count, first); continue; }
            _streak.Remove(fault);
            if (raised) _active.Remove(fault);
            else _active[fault] = new ActiveViewFault(fault, first, check.SnapshotId, finding!.Evidence);
            changed = true;
        }
        return changed;
    }

    /// <summary>A new reference view was taken (the camera was re-aimed on purpose): nothing is raised against the old one.</summary>
    public bool Reset()
    {
        var changed = _active.Count > 0;
        _active.Clear();
        _streak.Clear();
        return changed;
    }
}
