namespace SmartStore.Grains.Shelves;

/// <summary>When a store's shelf raises an alert (configuration section "ShelfAlerts").</summary>
public sealed record ShelfAlertOptions
{
    /// <summary>Compliance (slots matching plan / observed planned slots) under this is an alert.</summary>
    public double ComplianceBelow { get; init; } = 0.8;

    /// <summary>A slot seen empty (trusted) on this many patrols in a row is out of stock.</summary>
    public int OutOfStockPatrols { get; init; } = 3;
}
