using SmartStore.Models;
namespace SmartStore.Grains.Shelves;

/// <summary>The rules of the de-duplicated shelf snapshot.</summary>
public sealed record ShelfSnapshotOptions
{
    /// <summary>An observation at or above this confidence is trusted. 0.2 = at least as good a match as the weakest fifth
    /// of the gallery's genuine matches (see bench display-accuracy for how reliable readings above it are).</summary>
    public float TrustedConfidence { get; init; } = 0.2f;

    /// <summary>A trusted observation older than this (against the new one's capture time) gives way to an untrusted one.</summary>
    public TimeSpan Staleness { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Empty readings closer together than this count as one patrol (two domes, or one preset shot twice).</summary>
    public TimeSpan PatrolGap { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Observations older than this at figure time are not counted at all (the slot is "not seen").</summary>
    public TimeSpan ForgetAfter { get; init; } = TimeSpan.FromHours(24);

    public static ShelfSnapshotOptions Default { get; } = new();
}

/// <summary>What <see cref="ShelfSnapshot.Apply"/> did with an observation.</summary>
public enum ShelfUpdate
{
    /// <summary>It is now the slot's current observation.</summary>
    Accepted,
    /// <summary>The same snapshot's reading of this slot was already applied.</summary>
    Duplicate,
    /// <summary>The slot already holds an observation captured at the same time or later.</summary>
    Older,
    /// <summary>Below the trusted confidence, and the slot holds a trusted observation that is not yet stale.</summary>
    NotTrusted,
}
