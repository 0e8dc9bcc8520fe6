namespace SmartStore.Storage;

/// <summary>
/// A master-data row's version (stores, cameras, SKUs, accounts): its updated_at in microseconds, which every change of the row
/// moves. The API gives it as an ETag and takes it back as If-Match, so an edit sent against a version that is no longer
/// the row's is refused instead of overwriting what was changed since.
/// </summary>
public static class Revision
{
    /// <summary>The version as SQL, of the table or of the alias given.</summary>
    public static string Of(string? alias = null) => $"(extract(epoch FROM {(alias is null ? "" : alias + ".")}updated_at) * 1000000)::bigint";
}

/// <summary>What saving an edit of a versioned row came to.</summary>
public enum Saving { Saved, NotFound, ChangedMeanwhile }
