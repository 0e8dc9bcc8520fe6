using SmartStore.Grains.Shelves;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Silo.Analysis;

/// <summary>The store grains' shelf plan, competitor list, daily history and alerts to send out, in PostgreSQL.</summary>
public sealed class ShelfPlans(PlanogramRepository planograms, SkuRepository skus, ShelfHistory history, AlertEvents events) : IShelfPlans
{
    public async Task<IReadOnlyList<PlannedSlot>> Plan(string storeCode, CancellationToken cancellationToken)
    {
        var all = await planograms.ForStore(storeCode, cancellationToken);
        // Overlapping presets (two domes on one face) share slot ids: the slot is planned once. A preset taken off the
        // patrol is never photographed again: its slots would stay planned and unseen, so its planogram is set aside.
        return all.Where(p => p.InPlan).SelectMany(p => p.Slots).GroupBy(s => s.SlotId, StringComparer.Ordinal)
            .Select(g => new PlannedSlot(g.Key, g.Select(s => s.PlannedSku).FirstOrDefault(sku => sku is not null))).ToList();
    }

    /// <summary>
    /// Kept for a minute: a chain's store grains all activate together after a restart (the first board), and each would
    /// read the same list.
    /// </summary>
    public async Task<IReadOnlySet<string>> CompetitorSkus(bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh && _competitors is { } kept && DateTime.UtcNow - kept.ReadUtc < CompetitorsFreshFor) return kept.Codes;
        var codes = await skus.CompetitorCodes(cancellationToken);
        _competitors = new CompetitorList(codes, DateTime.UtcNow);
        return codes;
    }

    private static readonly TimeSpan CompetitorsFreshFor = TimeSpan.FromMinutes(1);
    private CompetitorList? _competitors;

    private sealed record CompetitorList(IReadOnlySet<string> Codes, DateTime ReadUtc);

    public Task WriteDay(ShelfDay day, CancellationToken cancellationToken) => history.Write(day, cancellationToken);

    public Task AlertsChanged(string storeCode, IReadOnlyList<ShelfAlert> raised, IReadOnlyList<ShelfAlertEnd> ended,
        CancellationToken cancellationToken) =>
        events.ShelfAlerts(storeCode, raised, ended, cancellationToken);
}
