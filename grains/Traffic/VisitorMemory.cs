namespace SmartStore.Grains.Traffic;

/// <summary>A customer entry counted for a visitor: the hour it went to, whether it was a new visit, and the attributes then.</summary>
public sealed record CustomerEntry(DateTime HourLocal, bool Unique, string? AgeBand, string? Gender);

/// <summary>
/// What the store remembers of one visitor today: appearance, entries, the open visit (for dwell) and the staff rule's
/// count. Kept in PostgreSQL with the hours, so a store grain that is reactivated mid-day still recognises a repeat.
/// </summary>
public sealed class VisitorMemory
{
    public int Id { get; set; }
    public float[]? Appearance { get; set; }
    public DateTime FirstSeenUtc { get; set; }
    public DateTime LastEntryUtc { get; set; }
    public DateTime? OpenEntryUtc { get; set; }
    /// <summary>When they came in while the store was closed (a cleaner, staff before opening) and have not gone out since.</summary>
    public DateTime? OffHoursEntryUtc { get; set; }
    public int Crossings { get; set; }
    public bool IsStaff { get; set; }
    public List<CustomerEntry> CustomerEntries { get; set; } = [];
}
