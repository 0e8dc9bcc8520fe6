using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// A master-data record's version (<see cref="Revision"/>) on the wire: its ETag when read (GET), If-Match when an
/// integration sends a change (PUT) — saved only while the record is still at that version, or refused with 412 naming
/// who changed it since, instead of overwriting that change. Without If-Match (or with "*") a change is saved as before.
/// </summary>
public static class VersionTags
{
    public static string Of(long revision) => $"\"{revision}\"";

    /// <summary>The version If-Match names (null: none given, or "*"); false when it is not an ETag this API gave.</summary>
    public static bool TryRead(string? ifMatch, out long? revision)
    {
        revision = null;
        if (ifMatch is null || ifMatch.Trim() == "*") return true;
        if (!long.TryParse(ifMatch.Trim().Trim('"'), out var read)) return false;
        revision = read;
        return true;
    }

    public static IResult Unreadable(string ifMatch, string readAt) =>
        Results.Problem(statusCode: 400, title: "Bad If-Match", detail: $"If-Match '{ifMatch}' is not an ETag this API gave (GET {readAt}).");

    /// <param name="entity">How the record is named ("Store 'S0001'").</param>
    public static IResult ChangedMeanwhile(string entity, AuditTrail.Entry? last) =>
        Results.Problem(statusCode: 412, title: "Changed meanwhile", detail: $"{entity} was changed"
            + (last is null ? "" : $" by {last.Actor} at {last.At:yyyy-MM-ddTHH:mm:ss}Z")
            + " after the version you read; GET it again and send your change against that.");
}
