using SmartStore.Models;

namespace SmartStore.Grains.Shelves;

/// <summary>What the store grain needs about shelves from PostgreSQL (supplied by the silo): the plan, competitor SKUs, history.</summary>
public interface IShelfPlans
{
    /// <summary>The store's planned slots: the slots of all planograms of its shelf cameras, a shared slot id once.</summary>
    Task<IReadOnlyList<PlannedSlot>> Plan(string storeCode, CancellationToken cancellationToken);

    /// <summary>
    /// The chain's competitor SKUs: the same for every store, so a read shortly before may answer, unless
    /// <paramref name="fresh"/> (a change was announced).
    /// </summary>
    Task<IReadOnlySet<string>> CompetitorSkus(bool fresh, CancellationToken cancellationToken);

    Task WriteDay(ShelfDay day, CancellationToken cancellationToken);

    /// <summary>
    /// Shelf alerts newly raised at the store, and those raised earlier that ended (when), to be sent to the chain's webhooks
    /// (消息推送): all or none.
    /// </summary>
    Task AlertsChanged(string storeCode, IReadOnlyList<ShelfAlert> raised, IReadOnlyList<ShelfAlertEnd> ended,
        CancellationToken cancellationToken);
}
