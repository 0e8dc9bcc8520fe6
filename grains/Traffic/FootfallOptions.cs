namespace SmartStore.Grains.Traffic;

/// <summary>Store-level counting rules (issue: de-duplication window, staff rule). Bound from configuration section "Footfall".</summary>
public sealed record FootfallOptions
{
    /// <summary>An entry matching an earlier entry of the same store within this window is a repeat, not a new visitor.</summary>
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Re-ID cosine similarity at which two crossings are taken to be the same person.</summary>
    public float SamePersonSimilarity { get; init; } = 0.70f;

    /// <summary>Someone crossing the door more often than this in a day is staff, not a customer.</summary>
    public int StaffCrossingsPerDay { get; init; } = 8;
}
