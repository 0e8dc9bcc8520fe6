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

    /// <summary>
    /// The version a change may be saved against, from If-Match as RFC 9110 reads it: none, or "*", saves whatever the
    /// record is at (null); one strong tag, that version; several, the record's <paramref name="current"/> version when it
    /// is among them, else none it can be at (refused as changed meanwhile). Only weak tags are refused with 412 — a weak
    /// tag never matches If-Match — and anything not an ETag this API gave with 400.
    /// </summary>
    /// <param name="readAt">where the ETag is read, for the refusal to say.</param>
    public static async Task<(long? Revision, IResult? Refusal)> Expected(string? ifMatch, string readAt, Func<Task<long?>> current)
    {
        if (ifMatch is null) return (null, null);
        var tags = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (tags.Contains("*")) return (null, null);
        var strong = new List<long>();
        foreach (var tag in tags.Where(t => !t.StartsWith("W/", StringComparison.Ordinal)))
        {
            if (!long.TryParse(tag.Trim('"'), out var read)) return (null, Unreadable(ifMatch, readAt));
            strong.Add(read);
        }
        if (tags.Length == 0) return (null, Unreadable(ifMatch, readAt));
        if (strong.Count == 0) return (null, Weak(ifMatch, readAt));
        if (strong.Count == 1) return (strong[0], null);
        // The record is locked and its version compared again as it is saved: this only picks which version to compare.
        return (await current() is { } now && strong.Contains(now) ? now : NoVersion, null);
    }

    /// <summary>A version no record is at (updated_at in microseconds is never negative).</summary>
    private const long NoVersion = -1;

    /// <summary>
    /// The guard as OpenAPI tells an integrator: the record (<paramref name="record"/>'s shape, where it has a type of its own)
    /// with its new ETag, or 400 / 404, or 412 with who changed it since and what (<see cref="ChangedMeanwhile"/>).
    /// </summary>
    public static RouteHandlerBuilder Versioned(this RouteHandlerBuilder put, Type? record = null) => put
        .Produces(StatusCodes.Status200OK, record).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithDescription("Send the ETag of a GET as If-Match: the change is saved only while the record is still at that version, and "
            + "the answer carries the new ETag. Otherwise 412, whose problem details add `since` (each change after that version: at, "
            + "actor, action) and `changes` (what differs from the version read: field, was / now, or added / removed). Without "
            + "If-Match, or with *, the change is saved whatever the version.");

    private static IResult Weak(string ifMatch, string readAt) =>
        Results.Problem(statusCode: 412, title: "Weak ETag", detail: $"If-Match '{ifMatch}' names only weak ETags, which never match a change "
            + $"(RFC 9110, 13.1.1); send the ETag as GET {readAt} gives it (a proxy that compresses answers may have weakened it).");

    private static IResult Unreadable(string ifMatch, string readAt) =>
        Results.Problem(statusCode: 400, title: "Bad If-Match", detail: $"If-Match '{ifMatch}' is not an ETag this API gave (GET {readAt}).");

    /// <summary>
    /// 412: who changed the record after the version read, and — so an integration can tell whether its change still
    /// stands — each change since (<c>since</c>: when, who, what was done) and the fields that differ now from the version
    /// read (<c>changes</c>, as 操作日志 gives them; absent where the log cannot say: a version it holds no record of).
    /// </summary>
    /// <param name="entity">How the record is named ("Store 'S0001'").</param>
    public static IResult ChangedMeanwhile(string entity, AuditTrail.Meanwhile? meanwhile)
    {
        var last = meanwhile?.Last;
        var extensions = new Dictionary<string, object?>();
        if (meanwhile is { Since.Count: > 0 })
            extensions["since"] = meanwhile.Since.Select(e => new { e.At, e.Actor, e.Action }).ToList();
        if (meanwhile is { Then: { } then, Now: { } now })
            extensions["changes"] = AuditChanges.Between(then, now);
        return Results.Problem(statusCode: 412, title: "Changed meanwhile", detail: $"{entity} was changed"
            + (last is null ? "" : $" by {last.Actor} at {last.At:yyyy-MM-ddTHH:mm:ss}Z")
            + " after the version you read; GET it again and send your change against that.", extensions: extensions);
    }
}
