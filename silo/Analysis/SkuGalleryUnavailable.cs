namespace SmartStore.Silo.Analysis;

/// <summary>
/// No SKU gallery was ever built in this silo and the last attempt failed: thrown at once until the next attempt is
/// due, so each shelf snapshot (tried again later by the analysis queue) and each API call does not read the whole
/// SKU master again from a database that just failed.
/// </summary>
public sealed class SkuGalleryUnavailable(string problem, DateTime retryUtc)
    : Exception($"The SKU gallery could not be built ({problem}); next attempt at {retryUtc:yyyy-MM-dd HH:mm:ss} UTC")
{
    public DateTime RetryUtc { get; } = retryUtc;
}
