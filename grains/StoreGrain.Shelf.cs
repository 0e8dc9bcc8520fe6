using Microsoft.Extensions.Logging;
using SmartStore.GrainInterfaces;
using SmartStore.Grains.Shelves;
using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>
/// The store's de-duplicated shelf snapshot: every preset snapshot's slot readings, from any of its cameras, merge
/// into one reading per store-level slot; figures, alerts and today's history row follow each merge.
/// </summary>
public sealed partial class StoreGrain
{
    /// <summary>
    /// Plan and competitor list are re-read this often too: the web host tells the stores when a SKU's competitor flag
    /// changes (<see cref="PlanChanged"/>), and what it did not tell (another host's change, a fix in SQL) arrives by this.
    /// </summary>
    private static readonly TimeSpan PlanFreshFor = TimeSpan.FromMinutes(10);
    private IReadOnlyList<PlannedSlot>? _plan;
    private DateTime _planReadUtc;
    private static readonly IReadOnlySet<string> NoCompetitors = new HashSet<string>();
    private IReadOnlySet<string> _competitors = NoCompetitors;

    public async Task<ShelfStatus> ShelfObserved(IReadOnlyList<SlotObservation> observations)
    {
        await LoadPlan();
        var known = _plan!.Select(p => p.SlotId).ToHashSet();
        // Readings of slots no longer in the plan (a planogram changed under a late snapshot) are dropped.
        _shelf.State.ApplyAll(observations.Where(o => known.Contains(o.SlotId)));
        var now = DateTime.UtcNow;
        var status = ShelfNow(now);
        // Alerts are sent out before they count as raised (or ended): a write that fails leaves them for the next patrol —
        // sent twice at worst, never lost while they stand.
        var raised = _shelf.State.Unraised(status.Alerts);
        var ended = _shelf.State.Ended(status.Alerts, now, _shelfAlerts.EndAfter, alert => AlertEndCause.Of(alert, _plan!, _competitors.Contains));
        if (raised.Count + ended.Count == 0 || await TellAlerts(raised, ended)) _shelf.State.NoteAlerts(status.Alerts, ended, now);
        await _shelf.WriteStateAsync();
        await WriteShelfDay(status.Figures);
        await GrainFactory.GetGrain<ILiveFeedNotifierGrain>(0).Publish(
            LiveUpdate.ForShelf(this.GetPrimaryKeyString(), _state.State.RegionCode, status.Figures.ComplianceRate, DateTime.UtcNow));
        return status;
    }

    public async Task<ShelfStatus> GetShelf()
    {
        await LoadStoreProfile();
        await LoadPlan();
        return ShelfNow(DateTime.UtcNow);
    }

    public async Task PlanChanged() => await LoadPlan(fresh: true);

    /// <summary>Re-reads the plan when it is stale; readings of slots it no longer has are dropped, however it changed.</summary>
    private async Task LoadPlan(bool fresh = false)
    {
        if (!fresh && _plan is not null && DateTime.UtcNow - _planReadUtc < PlanFreshFor) return;
        _plan = await _plans.Plan(this.GetPrimaryKeyString(), CancellationToken.None);
        // Without a planned slot no reading is kept, and the list is read when the plan has some.
        _competitors = _plan.Count == 0 ? NoCompetitors : await _plans.CompetitorSkus(fresh, CancellationToken.None);
        _planReadUtc = DateTime.UtcNow;
        if (_shelf.State.Prune(_plan.Select(p => p.SlotId)) > 0) await _shelf.WriteStateAsync();
    }

    private ShelfStatus ShelfNow(DateTime nowUtc)
    {
        var figures = _shelf.State.Figures(_plan!, _competitors.Contains, nowUtc, _shelfAlerts.OutOfStockPatrols);
        var alerts = new List<ShelfAlert>();
        var last = _shelf.State.Slots.Values.Select(s => (DateTime?)s.Current.CapturedUtc).DefaultIfEmpty(null).Max();
        // A store closed for good keeps its last shelf as history, nobody left to put it right; one being prepared is still
        // stocking its shelves.
        if (!Trading) return new ShelfStatus(figures, alerts, last);
        if (figures.ComplianceRate is { } rate && rate < _shelfAlerts.ComplianceBelow)
            alerts.Add(new ShelfAlert(ShelfAlert.ComplianceLow, null, null,
                $"{figures.MatchingSlots}/{figures.ObservedPlannedSlots} planned slots as planned ({rate:P0} < {_shelfAlerts.ComplianceBelow:P0})", last ?? nowUtc,
                $"{figures.MatchingSlots}/{figures.ObservedPlannedSlots}"));
        alerts.AddRange(figures.LongOutOfStock.Select(s => new ShelfAlert(ShelfAlert.OutOfStock, s.SlotId, s.PlannedSku,
            $"empty on {s.Patrols} patrols in a row", s.SinceUtc, s.Patrols.ToString())));
        alerts.AddRange(figures.CompetitorInOwnSlots.Select(s => new ShelfAlert(ShelfAlert.CompetitorInOwnSlot, s.SlotId, s.SeenSku,
            $"{s.SeenSku} in the slot planned for {s.PlannedSku}", s.SeenUtc, s.PlannedSku)));
        return new ShelfStatus(figures, alerts, last);
    }

    /// <summary>
    /// Ends the store's standing shelf alerts once it has closed for good, each saying why (<see cref="ShelfAlertEnd.StoreClosedDown"/>):
    /// no later patrol will come to end them. A write that fails leaves them for the next change of the store's profile.
    /// </summary>
    private async Task EndShelfAlertsWhenClosedDown()
    {
        if (!ClosedDown || _shelf.State.RaisedAlerts.Count == 0) return;
        var now = DateTime.UtcNow;
        var ended = _shelf.State.Ended([], now, TimeSpan.Zero, _ => ShelfAlertEnd.StoreClosedDown);
        if (!await TellAlerts([], ended)) return;
        _shelf.State.NoteAlerts([], ended, now);
        await _shelf.WriteStateAsync();
    }

    /// <summary>Alerts to send out are a record, not the state: a database that cannot write them now must not fail the patrol.</summary>
    private async Task<bool> TellAlerts(IReadOnlyList<ShelfAlert> raised, IReadOnlyList<ShelfAlertEnd> ended)
    {
        try
        {
            await _plans.AlertsChanged(this.GetPrimaryKeyString(), raised, ended, CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Store {Store}: shelf alerts {Alerts} raised and {Ended} ended not written for sending; tried again at the next patrol",
                this.GetPrimaryKeyString(), string.Join(", ", raised.Select(a => a.Key)), string.Join(", ", ended.Select(e => e.Alert.Key)));
            return false;
        }
    }

    private async Task WriteShelfDay(ShelfFigures f)
    {
        await LoadStoreProfile();
        var day = LocalDay(DateTime.UtcNow);
        await _plans.WriteDay(new ShelfDay(this.GetPrimaryKeyString(), day, f.PlannedSlots, f.ObservedSlots, f.ObservedPlannedSlots, f.MatchingSlots, f.ComplianceRate,
            f.OwnFacings, f.CompetitorFacings, f.OutOfStock.Count, f.FacingsBySku), CancellationToken.None);
    }
}
