using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>
/// Turns a store's door crossings into customer counts: a repeat entry within the window is not a new visitor,
/// enrolled staff and anyone crossing more than K times a day are staff, an exit matched to its entry gives a
/// dwell time. Appearance memory covers the current store-local day. While the store is closed by its hours
/// (<paramref name="customersExpected"/> false: staff before opening, cleaners, deliveries) an entry is not a customer's,
/// a passer-by passes a shut door, and an exit is not a customer's unless they were seen coming in as one: all three are
/// kept apart, as off-hours counts. Plain logic; the store grain owns it.
/// </summary>
public sealed class StoreFootfall(string storeCode, FootfallOptions options, Func<DateTime, DateTime> toLocal, Func<DateTime, bool>? customersExpected = null)
{
    private readonly Func<DateTime, bool> _customersExpected = customersExpected ?? (_ => true);
    private readonly Dictionary<DateTime, HourTally> _hours = new();
    private readonly List<VisitorMemory> _visitors = [];
    private readonly HashSet<VisitorMemory> _changedVisitors = [];
    /// <summary>An interior camera's head count stops counting this long after its last analysed frame (camera offline or unbound).</summary>
    private static readonly TimeSpan OccupancyFreshFor = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, (int People, DateTime AtUtc)> _occupancyByCamera = new();
    private IReadOnlyList<float[]> _enrolledStaff = [];
    // Earlier days are forgotten once per new store-local day, not on every frame an interior camera reports.
    private DateTime _forgottenBefore = DateTime.MinValue;
    // Customer entries of the last longest visit, each with its time, from the first crossing this footfall recorded:
    // restored hours hold only hourly tallies, so until a longest visit has passed since then, hours are prorated.
    private readonly List<(DateTime AtUtc, VisitorMemory Visitor)> _recentEntries = [];
    private DateTime _entriesKnownSince = DateTime.MaxValue;

    /// <summary>Hours changed since the last <see cref="TakeChangedHours"/>, to be written out.</summary>
    private readonly HashSet<DateTime> _changed = new();

    public void Restore(IEnumerable<TrafficHour> hours)
    {
        foreach (var hour in hours) _hours[hour.HourLocal] = HourTally.From(hour);
    }

    /// <summary>Today's visitors as last written (a reactivated store grain picks up where it was).</summary>
    public void RestoreVisitors(IEnumerable<VisitorMemory> visitors) => _visitors.AddRange(visitors);

    /// <summary>
    /// Visitors changed since the last call, to be written out with the hours, grouped by the store-local day each
    /// belongs to (the day first seen): a flush just after midnight still carries yesterday's last visitors.
    /// </summary>
    public IReadOnlyList<(DateOnly Day, IReadOnlyList<VisitorMemory> Visitors)> TakeChangedVisitors()
    {
        var changed = _changedVisitors.GroupBy(v => DateOnly.FromDateTime(toLocal(v.FirstSeenUtc)))
            .OrderBy(g => g.Key).Select(g => (g.Key, (IReadOnlyList<VisitorMemory>)g.ToList())).ToList();
        _changedVisitors.Clear();
        return changed;
    }

    public void EnrolStaff(IReadOnlyList<float[]> appearances) => _enrolledStaff = appearances;

    /// <summary>Takes what a camera saw; returns how many customers it counted coming in (not staff).</summary>
    public int Record(TrafficObservation seen)
    {
        var customers = 0;
        if (seen.Crossings.Count > 0 && _entriesKnownSince == DateTime.MaxValue) _entriesKnownSince = seen.AtUtc;
        foreach (var crossing in seen.Crossings)
        {
            if (crossing.Direction == CrossingDirection.In) customers += Enter(crossing) ? 1 : 0;
            else Exit(crossing);
        }
        if (seen.PassersBy > 0) PassedBy(seen.AtUtc, seen.PassersBy);
        if (seen.Occupancy is { } people)
        {
            _occupancyByCamera[seen.CameraCode] = (people, seen.AtUtc);
            Hour(seen.AtUtc).AddOccupancy(OccupancyAt(seen.AtUtc) ?? people);
        }
        var day = toLocal(seen.AtUtc).Date;
        if (day > _forgottenBefore) ForgetBefore(day);
        return customers;
    }

    /// <summary>
    /// Today's totals (store-local day of <paramref name="nowUtc"/>); occupancy is the latest in-store count, or without one
    /// what the doors say: see <see cref="OccupancyByDoor"/>.
    /// </summary>
    public TrafficCounters Today(DateTime nowUtc)
    {
        var day = toLocal(nowUtc).Date;
        // Plus keeps the larger MaxOccupancy; the summed Occupancy is replaced by the count now.
        var total = _hours.Values.Where(h => h.HourLocal.Date == day).Aggregate(TrafficCounters.Zero, (sum, hour) => sum.Plus(hour.Counters()));
        return total with { Occupancy = OccupancyAt(nowUtc) ?? OccupancyByDoor(nowUtc) };
    }

    /// <summary>
    /// Entries less exits since the store opened, but no more than came in within the longest visit — a door that misses
    /// people going out would otherwise fill the store a little more with every one of them — and nobody once it has closed.
    /// </summary>
    private int OccupancyByDoor(DateTime nowUtc)
    {
        if (!_customersExpected(nowUtc)) return 0;
        var standing = Math.Max(0, StandingSinceOpening(nowUtc));
        var since = nowUtc - options.LongestVisit;
        if (since < _entriesKnownSince) return Math.Min(standing, EntriesByHourSince(nowUtc));
        ForgetEntriesBefore(since);
        return Math.Min(standing, _recentEntries.Count(e => e.AtUtc <= nowUtc));
    }

    /// <summary>
    /// Entries less exits over the hours since the one the store opened in, not since midnight: a store open past midnight
    /// keeps its evening's customers after it (their exits come after midnight, their entries before), and cleaners and
    /// staff leaving before opening do not take customers out. Round the clock, every hour kept (since yesterday's first).
    /// </summary>
    private int StandingSinceOpening(DateTime nowUtc)
    {
        var now = toLocal(nowUtc);
        var hour = HourOf(now);
        var standing = 0;
        for (var back = 0; back < HoursKept; back++, hour = hour.AddHours(-1))
        {
            if (_hours.TryGetValue(hour, out var tally)) standing += tally.Entries - tally.Exits;
            // The hour the store opened in: just before it, no customer was expected.
            if (!_customersExpected(nowUtc - (now - hour) - TimeSpan.FromTicks(1))) break;
        }
        return standing;
    }

    /// <summary>Today's hours and yesterday's (see <see cref="ForgetBefore"/>).</summary>
    private const int HoursKept = 48;

    /// <summary>Entries within the longest visit from the hourly tallies: an hour partly within it counts for its share.</summary>
    private int EntriesByHourSince(DateTime nowUtc)
    {
        var now = toLocal(nowUtc);
        var since = now - options.LongestVisit;
        var recent = 0.0;
        foreach (var hour in _hours.Values.Where(h => h.HourLocal.AddHours(1) > since && h.HourLocal <= now))
        {
            // Of the hour's elapsed part (all of it, or up to now for the hour still running), the share within the visit.
            var end = hour.HourLocal.AddHours(1) < now ? hour.HourLocal.AddHours(1) : now;
            var from = hour.HourLocal < since ? since : hour.HourLocal;
            recent += end > hour.HourLocal ? hour.Entries * ((end - from) / (end - hour.HourLocal)) : hour.Entries;
        }
        return (int)Math.Round(recent);
    }

    private void ForgetEntriesBefore(DateTime utc) => _recentEntries.RemoveAll(e => e.AtUtc < utc);

    public IReadOnlyList<TrafficHour> TakeChangedHours()
    {
        var changed = _changed.Select(h => _hours[h].ToHour(storeCode)).ToList();
        _changed.Clear();
        return changed;
    }

    /// <summary>People inside by the interior cameras that reported lately; null when none did.</summary>
    private int? OccupancyAt(DateTime utc)
    {
        var fresh = _occupancyByCamera.Values.Where(o => utc - o.AtUtc <= OccupancyFreshFor).ToList();
        return fresh.Count == 0 ? null : fresh.Sum(o => o.People);
    }

    /// <summary>Visitors whose write failed go back on the list.</summary>
    public void MarkChanged(IEnumerable<VisitorMemory> visitors)
    {
        foreach (var visitor in visitors) _changedVisitors.Add(visitor);
    }

    /// <summary>Hours whose write failed go back on the list.</summary>
    public void MarkChanged(IEnumerable<TrafficHour> hours)
    {
        foreach (var hour in hours) if (_hours.ContainsKey(hour.HourLocal)) _changed.Add(hour.HourLocal);
    }

    public IReadOnlyList<TrafficHour> Hours() => _hours.Values.OrderBy(h => h.HourLocal).Select(h => h.ToHour(storeCode)).ToList();

    /// <summary>True when the crossing was a customer's entry.</summary>
    private bool Enter(LineCrossing crossing)
    {
        var hour = Hour(crossing.AtUtc);
        if (IsEnrolledStaff(crossing.Appearance)) { hour.Staff++; return false; }

        var visitor = crossing.Appearance is null ? null : BestMatch(crossing.Appearance, _ => true);
        if (visitor is null)
        {
            visitor = new VisitorMemory { Id = _visitors.Count == 0 ? 1 : _visitors.Max(v => v.Id) + 1, Appearance = crossing.Appearance, FirstSeenUtc = crossing.AtUtc };
            // Without an appearance nobody can be recognised again: counted now, not remembered or written.
            if (crossing.Appearance is not null) _visitors.Add(visitor);
        }
        if (visitor.Appearance is not null) _changedVisitors.Add(visitor);
        visitor.Crossings++;
        if (visitor.IsStaff) { hour.Staff++; return false; }
        if (visitor.Crossings > options.StaffCrossingsPerDay) { BecomeStaff(visitor); hour.Staff++; return false; }
        // After the staff rules: someone who also came in before opening still counts towards being staff.
        if (!_customersExpected(crossing.AtUtc))
        {
            hour.OffHoursEntries++;
            visitor.OffHoursEntryUtc = crossing.AtUtc;
            return false;
        }

        var repeat = visitor.CustomerEntries.Count > 0 && crossing.AtUtc - visitor.LastEntryUtc <= options.RepeatWindow;
        hour.Entries++;
        if (repeat) hour.Repeats++;
        else
        {
            hour.Unique++;
            hour.AddDemographics(crossing.AgeBand, crossing.Gender, +1);
        }
        visitor.CustomerEntries.Add(new CustomerEntry(hour.HourLocal, !repeat, crossing.AgeBand, crossing.Gender));
        visitor.LastEntryUtc = crossing.AtUtc;
        visitor.OpenEntryUtc = crossing.AtUtc;
        visitor.OffHoursEntryUtc = null;
        ForgetEntriesBefore(crossing.AtUtc - options.LongestVisit);
        _recentEntries.Add((crossing.AtUtc, visitor));
        return true;
    }

    private void PassedBy(DateTime atUtc, int people)
    {
        var hour = Hour(atUtc);
        if (_customersExpected(atUtc)) hour.PassersBy += people;
        else hour.OffHoursPassersBy += people;
    }

    private void Exit(LineCrossing crossing)
    {
        var hour = Hour(crossing.AtUtc);
        if (IsEnrolledStaff(crossing.Appearance)) return;
        var visitor = crossing.Appearance is null ? null
            : BestMatch(crossing.Appearance, v => v.IsStaff || MayStillBeInside(v.OpenEntryUtc, crossing.AtUtc) || MayStillBeInside(v.OffHoursEntryUtc, crossing.AtUtc));
        if (visitor is not null)
        {
            _changedVisitors.Add(visitor);
            // An entry of theirs too old to be this exit's was left unseen.
            if (!MayStillBeInside(visitor.OpenEntryUtc, crossing.AtUtc)) visitor.OpenEntryUtc = null;
            if (!MayStillBeInside(visitor.OffHoursEntryUtc, crossing.AtUtc)) visitor.OffHoursEntryUtc = null;
        }
        if (visitor is { IsStaff: true }) { visitor.Crossings++; return; }
        // Someone recognised as having come in while the store was closed (a cleaner staying past opening) takes no customer
        // out, whenever they leave.
        if (visitor is { OpenEntryUtc: null, OffHoursEntryUtc: not null })
        {
            visitor.OffHoursEntryUtc = null;
            hour.OffHoursExits++;
            return;
        }
        // A customer seen coming in leaves when they leave, closing time or not; anyone else going out while the store is
        // closed (a cleaner, staff before opening) takes no customer out.
        if (visitor?.OpenEntryUtc is null && !_customersExpected(crossing.AtUtc)) { hour.OffHoursExits++; return; }
        hour.Exits++;
        if (visitor?.OpenEntryUtc is not { } entered || crossing.AtUtc < entered) return;
        hour.AddDwell(crossing.AtUtc - entered);
        visitor.OpenEntryUtc = null;
    }

    private bool MayStillBeInside(DateTime? enteredUtc, DateTime exitUtc) => enteredUtc is { } entered && exitUtc - entered <= options.ExitMatchWithin;

    /// <summary>Someone who crossed too often was staff all along: move their earlier customer entries to staff.</summary>
    private void BecomeStaff(VisitorMemory visitor)
    {
        visitor.IsStaff = true;
        foreach (var (hourLocal, unique, age, gender) in visitor.CustomerEntries)
        {
            if (!_hours.TryGetValue(hourLocal, out var past)) continue;
            past.Entries--;
            past.Staff++;
            if (unique) { past.Unique--; past.AddDemographics(age, gender, -1); }
            else past.Repeats--;
            _changed.Add(hourLocal);
        }
        visitor.CustomerEntries.Clear();
        _recentEntries.RemoveAll(e => e.Visitor == visitor);
    }

    private bool IsEnrolledStaff(float[]? appearance) =>
        appearance is not null && _enrolledStaff.Any(s => PersonTrack.Cosine(s, appearance) >= options.SamePersonSimilarity);

    private VisitorMemory? BestMatch(float[] appearance, Func<VisitorMemory, bool> eligible)
    {
        VisitorMemory? best = null;
        var bestSimilarity = options.SamePersonSimilarity;
        foreach (var visitor in _visitors)
        {
            if (visitor.Appearance is null || !eligible(visitor)) continue;
            var similarity = PersonTrack.Cosine(visitor.Appearance, appearance);
            if (similarity >= bestSimilarity) (best, bestSimilarity) = (visitor, similarity);
        }
        return best;
    }

    private HourTally Hour(DateTime atUtc)
    {
        var local = toLocal(atUtc);
        var key = HourOf(local);
        if (!_hours.TryGetValue(key, out var hour))
        {
            var utcStart = atUtc - (local - key);
            _hours[key] = hour = new HourTally(key, DateTime.SpecifyKind(utcStart, DateTimeKind.Utc));
        }
        _changed.Add(key);
        return hour;
    }

    /// <summary>The store-local hour a store-local time falls in: the key of its tally.</summary>
    private static DateTime HourOf(DateTime local) => new(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Appearance memory and hour tallies of earlier days are dropped (those hours are in the database already).</summary>
    private void ForgetBefore(DateTime localDay)
    {
        _forgottenBefore = localDay;
        foreach (var key in _hours.Keys.Where(k => k.Date < localDay.AddDays(-1) && !_changed.Contains(k)).ToList()) _hours.Remove(key);
        _visitors.RemoveAll(v => toLocal(v.FirstSeenUtc).Date < localDay);
    }
}
