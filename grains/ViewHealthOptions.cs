namespace SmartStore.Grains;

/// <summary>
/// When a fixed camera's view fault is raised and cleared (section <c>ViewHealth</c>): a single odd snapshot — a
/// shopper's bag against the lens, a door opening into the light — is not an alarm, a fault seen in several in a row is.
/// </summary>
public sealed record ViewHealthOptions
{
    /// <summary>Snapshots in a row that must show a fault before it is raised.</summary>
    public int RaiseAfter { get; init; } = 3;
    /// <summary>Snapshots in a row that must be clear of a raised fault before it is cleared.</summary>
    public int ClearAfter { get; init; } = 3;
}
