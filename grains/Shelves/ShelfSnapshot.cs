using SmartStore.Models;
namespace SmartStore.Grains.Shelves;

/// <summary>Per-slot state of the shelf snapshot: the current observation and its out-of-stock streak.</summary>
[GenerateSerializer, Alias("SmartStore.ShelfSlotRecord")]
public sealed class ShelfSlotRecord
{
    [Id(0)] public SlotObservation Current { get; set; } = null!;
    /// <summary>Patrols in a row with a trusted Empty reading (0 when the last trusted reading showed something).</summary>
    [Id(1)] public int EmptyPatrols { get; set; }
    [Id(2)] public DateTime? EmptySinceUtc { get; set; }
    [Id(3)] public DateTime? LastCountedEmptyUtc { get; set; }
}

/// <summary>
/// The store's de-duplicated shelf: for each store-level slot id, the latest trustworthy observation across presets and
/// cameras. A slot seen by two domes is one entry, so it counts once; a newer observation supersedes an older one; a
/// low-confidence observation does not replace a trusted one unless the trusted one is older than
/// <see cref="ShelfSnapshotOptions.Staleness"/>. Plain state for StoreGrain to persist (no Orleans calls here).
/// </summary>
[GenerateSerializer, Alias("SmartStore.ShelfSnapshot")]
public sealed class ShelfSnapshot
{
    /// <summary>By store-level slot id (default string equality, which is ordinal).</summary>
    [Id(0)] public Dictionary<string, ShelfSlotRecord> Slots { get; set; } = new();

    /// <summary>
    /// The alerts raised and not yet told ended (<see cref="ShelfAlert.Key"/>): standing at the last patrol, or missing for
    /// less than the wait before an end is told. Each is sent out once while it lasts.
    /// </summary>
    [Id(1)] public HashSet<string> RaisedAlerts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Those alerts as last seen (their slot's SKU), to say which one ended; state kept before it has keys only.</summary>
    [Id(2)] public Dictionary<string, ShelfAlert> RaisedAs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Of those, the ones missing at the last patrols, since when (the first patrol that did not find them).</summary>
    [Id(3)] public Dictionary<string, DateTime> MissingSince { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The alerts standing now that were not raised before, or were told ended since.</summary>
    public IReadOnlyList<ShelfAlert> Unraised(IReadOnlyList<ShelfAlert> standing) => standing.Where(a => !RaisedAlerts.Contains(a.Key)).ToList();

    /// <summary>
    /// The alerts raised that have been missing for <paramref name="endAfter"/>: to be told ended, as of the first patrol
    /// that missed them. One back sooner (a slot read as the competitor's on one patrol and not the next, and again) is
    /// the same alert, neither ended nor raised again. <paramref name="because"/> says why one went, where something tells.
    /// </summary>
    public IReadOnlyList<ShelfAlertEnd> Ended(IReadOnlyList<ShelfAlert> standing, DateTime nowUtc, TimeSpan endAfter,
        Func<ShelfAlert, string?>? because = null)
    {
        var now = standing.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        return RaisedAlerts.Where(key => !now.Contains(key)).Order(StringComparer.Ordinal)
            .Select(key => (Alert: RaisedAs.GetValueOrDefault(key) ?? FromKey(key), Since: MissingSince.GetValueOrDefault(key, nowUtc)))
            .Where(m => nowUtc - m.Since >= endAfter)
            .Select(m => new ShelfAlertEnd(m.Alert, m.Since, because?.Invoke(m.Alert))).ToList();
    }

    /// <summary>
    /// Notes the alerts standing now as raised and those missing as missing (since when first missed); those told ended are
    /// forgotten, to be raised again should they come back.
    /// </summary>
    public void NoteAlerts(IReadOnlyList<ShelfAlert> standing, IReadOnlyList<ShelfAlertEnd> ended, DateTime nowUtc)
    {
        var now = standing.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var gone = ended.Select(e => e.Alert.Key).ToHashSet(StringComparer.Ordinal);
        var missing = RaisedAlerts.Where(key => !now.Contains(key) && !gone.Contains(key)).ToList();
        MissingSince = missing.ToDictionary(key => key, key => MissingSince.GetValueOrDefault(key, nowUtc), StringComparer.Ordinal);
        RaisedAs = missing.Where(RaisedAs.ContainsKey).Select(key => RaisedAs[key]).Concat(standing).ToDictionary(a => a.Key, StringComparer.Ordinal);
        RaisedAlerts = [.. now, .. missing];
    }

    private static ShelfAlert FromKey(string key) =>
        key.Split(':', 2) is [var kind, var slot] ? new(kind, slot, null, "", DateTime.MinValue) : new(key, null, null, "", DateTime.MinValue);

    public ShelfUpdate Apply(SlotObservation observation, ShelfSnapshotOptions? options = null)
    {
        var o = options ?? ShelfSnapshotOptions.Default;
        var trusted = observation.Confidence >= o.TrustedConfidence;
        if (!Slots.TryGetValue(observation.SlotId, out var record))
        {
            record = new ShelfSlotRecord { Current = observation };
            Slots[observation.SlotId] = record;
            if (trusted) CountStreak(record, observation, o);
            return ShelfUpdate.Accepted;
        }
        var current = record.Current;
        if (current.SnapshotId == observation.SnapshotId) return ShelfUpdate.Duplicate;
        if (observation.CapturedUtc <= current.CapturedUtc) return ShelfUpdate.Older;
        var currentTrusted = current.Confidence >= o.TrustedConfidence;
        if (!trusted && currentTrusted && observation.CapturedUtc - current.CapturedUtc <= o.Staleness) return ShelfUpdate.NotTrusted;
        record.Current = observation;
        if (trusted) CountStreak(record, observation, o);
        return ShelfUpdate.Accepted;
    }

    public IReadOnlyList<ShelfUpdate> ApplyAll(IEnumerable<SlotObservation> observations, ShelfSnapshotOptions? options = null) =>
        observations.OrderBy(x => x.CapturedUtc).Select(x => Apply(x, options)).ToList();

    /// <summary>Drops slots that are no longer in the planogram; returns how many.</summary>
    public int Prune(IEnumerable<string> keepSlotIds)
    {
        var keep = keepSlotIds.ToHashSet(StringComparer.Ordinal);
        var gone = Slots.Keys.Where(k => !keep.Contains(k)).ToList();
        foreach (var k in gone) Slots.Remove(k);
        return gone.Count;
    }

    /// <summary>
    /// The shelf's figures at <paramref name="nowUtc"/>. Observations older than ForgetAfter are left out (slot not seen).
    /// Compliance = planned slots whose current reading is the planned SKU / planned slots with a current reading (a slot no
    /// camera has seen lately is not counted either way; <see cref="ShelfFigures.PlannedSlots"/> gives the full plan).
    /// Share of shelf = facings of own (competitor) SKUs / facings of recognised SKUs; Unknown and Empty slots are left out.
    /// Alerts (long out-of-stock, competitor in an own slot) read trusted observations only.
    /// </summary>
    public ShelfFigures Figures(IReadOnlyCollection<PlannedSlot> plan, Func<string, bool> isCompetitor, DateTime nowUtc,
        int outOfStockPatrols = 3, ShelfSnapshotOptions? options = null)
    {
        var o = options ?? ShelfSnapshotOptions.Default;
        var live = Slots.Where(kv => nowUtc - kv.Value.Current.CapturedUtc <= o.ForgetAfter).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var planned = plan.Where(p => p.PlannedSku is not null).ToList();
        var observedPlanned = planned.Where(p => live.ContainsKey(p.SlotId)).ToList();
        var matching = observedPlanned.Count(p => live[p.SlotId].Current is { State: SlotState.Sku } c && c.Sku == p.PlannedSku);

        var facings = live.Values.Where(r => r.Current.State == SlotState.Sku && r.Current.Sku is not null)
            .GroupBy(r => r.Current.Sku!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int competitor = facings.Where(kv => isCompetitor(kv.Key)).Sum(kv => kv.Value);
        int own = facings.Values.Sum() - competitor;
        int recognised = own + competitor;

        var planBySlot = plan.ToDictionary(p => p.SlotId, p => p.PlannedSku, StringComparer.Ordinal);
        var outOfStock = live.Where(kv => kv.Value.Current.State == SlotState.Empty)
            .Select(kv => new OutOfStockSlot(kv.Key, planBySlot.GetValueOrDefault(kv.Key), kv.Value.EmptySinceUtc ?? kv.Value.Current.CapturedUtc,
                kv.Value.EmptyPatrols, kv.Value.Current.Confidence >= o.TrustedConfidence))
            .OrderBy(s => s.SlotId, StringComparer.Ordinal).ToList();
        var intruders = live
            .Where(kv => planBySlot.GetValueOrDefault(kv.Key) is { } p && !isCompetitor(p)
                && kv.Value.Current is { State: SlotState.Sku, Sku: { } seen } c && c.Confidence >= o.TrustedConfidence && isCompetitor(seen))
            .Select(kv => new CompetitorInOwnSlot(kv.Key, planBySlot[kv.Key]!, kv.Value.Current.Sku!, kv.Value.Current.CapturedUtc, kv.Value.Current.CameraCode))
            .OrderBy(s => s.SlotId, StringComparer.Ordinal).ToList();

        return new ShelfFigures(
            PlannedSlots: planned.Count,
            ObservedSlots: live.Count,
            ObservedPlannedSlots: observedPlanned.Count,
            MatchingSlots: matching,
            ComplianceRate: observedPlanned.Count == 0 ? null : matching / (double)observedPlanned.Count,
            FacingsBySku: facings,
            OwnFacings: own,
            CompetitorFacings: competitor,
            OwnShare: recognised == 0 ? null : own / (double)recognised,
            CompetitorShare: recognised == 0 ? null : competitor / (double)recognised,
            UnknownSlots: live.Values.Count(r => r.Current.State == SlotState.Unknown),
            OutOfStock: outOfStock,
            LongOutOfStock: outOfStock.Where(s => s.Trusted && s.Patrols >= outOfStockPatrols).ToList(),
            CompetitorInOwnSlots: intruders);
    }

    /// <summary>A trusted Empty extends the streak by one patrol when it is at least PatrolGap after the last counted one.</summary>
    private static void CountStreak(ShelfSlotRecord record, SlotObservation observation, ShelfSnapshotOptions o)
    {
        if (observation.State != SlotState.Empty)
        {
            record.EmptyPatrols = 0;
            record.EmptySinceUtc = null;
            record.LastCountedEmptyUtc = null;
            return;
        }
        if (record.LastCountedEmptyUtc is { } last && observation.CapturedUtc - last < o.PatrolGap) return;
        record.EmptyPatrols++;
        record.EmptySinceUtc ??= observation.CapturedUtc;
        record.LastCountedEmptyUtc = observation.CapturedUtc;
    }
}

