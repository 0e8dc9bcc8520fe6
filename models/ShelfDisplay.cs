namespace SmartStore.Models;

/// <summary>A slot of a preset's planogram, in pixels of the preset's reference image, with its planned SKU.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.PlanogramSlot")]
public sealed record PlanogramSlot(
    [property: Id(0)] string SlotId,
    [property: Id(1)] string? PlannedSku,
    [property: Id(2)] int X,
    [property: Id(3)] int Y,
    [property: Id(4)] int Width,
    [property: Id(5)] int Height);

/// <summary>The planogram of one preset of one shelf camera.</summary>
/// <param name="InPlan">
/// whether the preset is still in the camera's list: a planogram of a preset taken off the patrol is set aside, not
/// counted in the store's plan, and counted again when the preset number is added back.
/// </param>
public sealed record PresetPlanogram(string CameraCode, int Preset, int ReferenceWidth, int ReferenceHeight,
    IReadOnlyList<PlanogramSlot> Slots, DateTime UpdatedAt, bool InPlan);

/// <summary>A store's shelf figures for one store-local day (history for trends).</summary>
public sealed record ShelfDay(string StoreCode, DateOnly Day, int PlannedSlots, int ObservedSlots, int ObservedPlanned, int MatchingSlots, double? Compliance,
    int OwnFacings, int CompetitorFacings, int OutOfStock, IReadOnlyDictionary<string, int> Facings);

/// <summary>What a slot showed (mirrors vision's SlotOutcome without OutOfView, which is no observation).</summary>
[GenerateSerializer, Alias("SmartStore.SlotState")]
public enum SlotState
{
    Sku = 0,
    Unknown = 1,
    Empty = 2,
}

/// <summary>
/// One reading of one store-level slot from one preset snapshot. <see cref="Confidence"/> is the slot reader's (0–1, rank
/// against the gallery's own photos); pass 0 when the snapshot's alignment was unreliable.
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.SlotObservation")]
public sealed record SlotObservation(
    [property: Id(0)] string SlotId,
    [property: Id(1)] string CameraCode,
    [property: Id(2)] int Preset,
    [property: Id(3)] long SnapshotId,
    [property: Id(4)] DateTime CapturedUtc,
    [property: Id(5)] SlotState State,
    [property: Id(6)] string? Sku,
    [property: Id(7)] float Confidence);

/// <summary>A slot of the store's planogram with its planned SKU (null: the slot is read but has no plan).</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.PlannedSlot")]
public sealed record PlannedSlot([property: Id(0)] string SlotId, [property: Id(1)] string? PlannedSku);

[GenerateSerializer, Immutable, Alias("SmartStore.OutOfStockSlot")]
public sealed record OutOfStockSlot(
    [property: Id(0)] string SlotId,
    [property: Id(1)] string? PlannedSku,
    [property: Id(2)] DateTime SinceUtc,
    [property: Id(3)] int Patrols,
    [property: Id(4)] bool Trusted);

[GenerateSerializer, Immutable, Alias("SmartStore.CompetitorInOwnSlot")]
public sealed record CompetitorInOwnSlot(
    [property: Id(0)] string SlotId,
    [property: Id(1)] string PlannedSku,
    [property: Id(2)] string SeenSku,
    [property: Id(3)] DateTime SeenUtc,
    [property: Id(4)] string CameraCode);

/// <summary>Derived figures of a store's shelf snapshot (see <see cref="ShelfSnapshot.Figures"/>).</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.ShelfFigures")]
public sealed record ShelfFigures(
    [property: Id(0)] int PlannedSlots,
    [property: Id(1)] int ObservedSlots,
    [property: Id(2)] int ObservedPlannedSlots,
    [property: Id(3)] int MatchingSlots,
    [property: Id(4)] double? ComplianceRate,
    [property: Id(5)] IReadOnlyDictionary<string, int> FacingsBySku,
    [property: Id(6)] int OwnFacings,
    [property: Id(7)] int CompetitorFacings,
    [property: Id(8)] double? OwnShare,
    [property: Id(9)] double? CompetitorShare,
    [property: Id(10)] int UnknownSlots,
    [property: Id(11)] IReadOnlyList<OutOfStockSlot> OutOfStock,
    [property: Id(12)] IReadOnlyList<OutOfStockSlot> LongOutOfStock,
    [property: Id(13)] IReadOnlyList<CompetitorInOwnSlot> CompetitorInOwnSlots);

/// <summary>
/// A shelf problem the store should act on: compliance under the threshold, a slot out of stock for N patrols, or a
/// competitor in an own slot. <see cref="Figure"/> is what a message says of it: matching / planned slots, patrols
/// empty, or the SKU planned in the slot.
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.ShelfAlert")]
public sealed record ShelfAlert(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? SlotId,
    [property: Id(2)] string? Sku,
    [property: Id(3)] string Detail,
    [property: Id(4)] DateTime SinceUtc,
    [property: Id(5)] string? Figure = null)
{
    /// <summary>Identifies the alert across patrols: a slot's alert is the same alert while it lasts.</summary>
    public string Key => KeyOf(Kind, SlotId);

    /// <summary>An alert's key from its kind and slot (a record of it that is not a <see cref="ShelfAlert"/> has the same).</summary>
    public static string KeyOf(string kind, string? slotId) => slotId is null ? kind : $"{kind}:{slotId}";

    public const string ComplianceLow = "compliance-low";
    public const string OutOfStock = "out-of-stock";
    public const string CompetitorInOwnSlot = "competitor-in-own-slot";
}

/// <summary>
/// A raised shelf alert that went, as of the first patrol that missed it. <see cref="Because"/> says so where the plan tells
/// why — the slot taken out of the plan, planned for another SKU, the SKU in it no longer a competitor, or the store closed
/// for good; null where the shelf itself changed (restocked, the competitor gone, compliance back) or nothing tells (a
/// compliance alert).
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.ShelfAlertEnd")]
public sealed record ShelfAlertEnd(
    [property: Id(0)] ShelfAlert Alert,
    [property: Id(1)] DateTime EndedUtc,
    [property: Id(2)] string? Because = null)
{
    public const string SlotLeftPlan = "slot-left-plan";
    public const string Replanned = "replanned";
    public const string NoLongerCompetitor = "no-longer-competitor";
    /// <summary>The store closed for good (闭店): nobody is left to put its shelf right.</summary>
    public const string StoreClosedDown = "store-closed-down";
}

/// <summary>The store's shelf as the store grain sees it now: figures over its de-duplicated snapshot, and the alerts.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.ShelfStatus")]
public sealed record ShelfStatus(
    [property: Id(0)] ShelfFigures Figures,
    [property: Id(1)] IReadOnlyList<ShelfAlert> Alerts,
    [property: Id(2)] DateTime? LastObservationUtc)
{
    /// <summary>The keys of the alerts standing now (<see cref="ShelfAlert.Key"/>); a method, so the shelf's JSON stays as it was.</summary>
    public IReadOnlySet<string> AlertKeys() => Alerts.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
}
