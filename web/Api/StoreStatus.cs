namespace SmartStore.Web.Api;

/// <summary>A store list's status filter: trading, or closed for good (闭店) by the store's own today; none: both.</summary>
public static class StoreStatus
{
    public const string Trading = "trading", Closed = "closed";
    public const string Values = $"{Trading}, {Closed}";

    /// <summary>The filter as the repository takes it (true: closed only); false when the word is none of them.</summary>
    public static bool TryRead(string? status, out bool? closedDown)
    {
        closedDown = status?.Trim().ToLowerInvariant() switch { null or "" => null, Trading => false, Closed => true, _ => (bool?)null };
        return closedDown is not null || string.IsNullOrWhiteSpace(status);
    }
}
