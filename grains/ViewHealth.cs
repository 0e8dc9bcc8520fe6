using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>
/// The faults of one camera's view, from the health checks of its snapshots in capture order: a fault is raised
/// once <see cref="ViewHealthOptions.RaiseAfter"/> checks in a row trip it, and cleared once
/// <see cref="ViewHealthOptions.ClearAfter"/> in a row do not. Frozen is judged from the uploads instead
/// (<see cref="Uploaded"/>). Plain logic; the camera grain owns it and keeps <see cref="Active"/>.
/// </summary>
public sealed class ViewHealth(ViewHealthOptions options, IEnumerable<ActiveViewFault> active)
{
    private readonly Dictionary<ViewFault, ActiveViewFault> _active = active.ToDictionary(a => a.Fault);
    // Checks in a row that tripped a fault not raised yet, or were clear of a raised one; counted in memory only.
    private readonly Dictionary<ViewFault, (int Count, DateTime FirstUtc)> _streak = new();
    private DateTime _lastUtc = DateTime.MinValue;
    // The picture last uploaded and how often it came again since (in memory only, as the streaks are).
    private long _picture;
    private int _repeats;
    private DateTime _firstRepeatUtc;

    // A List, not a collection expression: it leaves the grain, and Orleans cannot copy the compiler's list type (dotnet/orleans#9032).
    public IReadOnlyList<ActiveViewFault> Active => _active.Values.OrderBy(a => a.Fault).ToList();

    /// <summary>Takes one check; true when the raised faults changed. A check older than one taken is ignored.</summary>
    public bool Observe(ViewCheck check)
    {
        if (check.AtUtc <= _lastUtc) return false;
        _lastUtc = check.AtUtc;
        var changed = false;
        foreach (var fault in Enum.GetValues<ViewFault>().Where(f => f != ViewFault.Frozen))
        {
            var finding = check.Tripped.FirstOrDefault(f => f.Fault == fault);
            var raised = _active.TryGetValue(fault, out var current);
            // A raised fault keeps its latest evidence; the streak counts what would change it.
            if (raised && finding is not null)
            {
                _active[fault] = current! with { SnapshotId = check.SnapshotId, Evidence = finding.Evidence, Figures = finding.Figures };
                _streak.Remove(fault);
                continue;
            }
            if (!raised && finding is null) { _streak.Remove(fault); continue; }
            var (count, first) = _streak.TryGetValue(fault, out var s) ? s : (0, check.AtUtc);
            if (++count < (raised ? options.ClearAfter : options.RaiseAfter)) { _streak[fault] = (count, first); continue; }
            _streak.Remove(fault);
            if (raised) _active.Remove(fault);
            else _active[fault] = new ActiveViewFault(fault, first, check.SnapshotId, finding!.Evidence, finding.Figures);
            changed = true;
        }
        return changed;
    }

    /// <summary>
    /// Takes one upload (the snapshot stored, or the one it repeats); true when the raised faults changed. A camera whose
    /// picture is stuck (a hung encoder) uploads the same bytes again and again, which intake takes as duplicates of its
    /// last picture: <see cref="ViewHealthOptions.RaiseAfter"/> repeats in a row raise frozen, and any other picture clears
    /// it. One repeat is an FTP client retrying, not a fault.
    /// </summary>
    public bool Uploaded(long snapshotId, bool duplicate, DateTime atUtc)
    {
        if (!duplicate || snapshotId != _picture)
        {
            _picture = snapshotId;
            _repeats = 0;
            return _active.Remove(ViewFault.Frozen);
        }
        if (_repeats++ == 0) _firstRepeatUtc = atUtc;
        if (_active.ContainsKey(ViewFault.Frozen) || _repeats < options.RaiseAfter) return false;
        _active[ViewFault.Frozen] = new ActiveViewFault(ViewFault.Frozen, _firstRepeatUtc, snapshotId,
            $"the same picture (snapshot {snapshotId}) uploaded again {_repeats} times in a row", new List<double> { snapshotId, _repeats });
        return true;
    }

    /// <summary>A new reference view was taken (the camera was re-aimed on purpose): nothing is raised against the old one.</summary>
    public bool Reset()
    {
        var changed = _active.Count > 0;
        _active.Clear();
        _streak.Clear();
        _repeats = 0;
        return changed;
    }
}
