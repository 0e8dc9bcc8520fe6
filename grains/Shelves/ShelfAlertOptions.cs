namespace SmartStore.Grains.Shelves;

/// <summary>When a store's shelf raises an alert (configuration section "ShelfAlerts").</summary>
public sealed record ShelfAlertOptions
{
    /// <summary>Compliance (slots matching plan / observed planned slots) under this is an alert.</summary>
    public double ComplianceBelow { get; init; } = 0.8;

    /// <summary>A slot seen empty (trusted) on this many patrols in a row is out of stock.</summary>
    public int OutOfStockPatrols { get; init; } = 3;

    /// <summary>
    /// How long an alert must have stayed away, at every patrol since, before it is told ended: a slot read as a competitor's
    /// on one patrol and as its own on the next would otherwise send a raise and an end every half hour.
    /// </summary>
    public TimeSpan EndAfter { get; init; } = TimeSpan.FromMinutes(30);
}
