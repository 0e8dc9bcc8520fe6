using SmartStore.Models;

namespace SmartStore.Grains.Shelves;

/// <summary>
/// Why a slot's shelf alert went, where the plan tells: a patrol no longer finding an empty slot or a competitor could mean
/// the shelf was put right — or that the planner took the slot out, planned another SKU there, or stopped calling the SKU
/// a competitor, and a store manager told "解除" should know which. Plain logic; the store grain asks it with its plan.
/// </summary>
public static class AlertEndCause
{
    /// <returns>One of <see cref="ShelfAlertEnd"/>'s causes, or null: the shelf itself changed, or nothing tells (a
    /// compliance alert; an alert kept before its SKU was, known by its slot only).</returns>
    public static string? Of(ShelfAlert alert, IReadOnlyList<PlannedSlot> plan, Func<string, bool> isCompetitor)
    {
        if (alert.SlotId is null) return null;
        var slot = plan.FirstOrDefault(p => p.SlotId == alert.SlotId);
        if (slot is null) return ShelfAlertEnd.SlotLeftPlan;
        // The SKU the slot was planned for when the alert was raised: an empty slot's own, a competitor alert's figure.
        var plannedThen = alert.Kind == ShelfAlert.OutOfStock ? alert.Sku : alert.Figure;
        if (plannedThen is not null && slot.PlannedSku != plannedThen) return ShelfAlertEnd.Replanned;
        if (alert.Kind == ShelfAlert.CompetitorInOwnSlot && alert.Sku is not null && !isCompetitor(alert.Sku)) return ShelfAlertEnd.NoLongerCompetitor;
        return null;
    }
}
