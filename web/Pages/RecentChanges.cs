using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Web.Pages;

/// <summary>
/// A record's latest saves on its own page (a store's, a camera's, a SKU's, an account's), each with what it changed, for
/// the managers who may not read the audit log; head office's admins also get the link to the whole history.
/// </summary>
/// <param name="TimeZone">the zone the times are written in (the store's; head office's for the chain's own records).</param>
/// <param name="AuditLink">the record's history in 操作日志, for those who may read it; null for the rest.</param>
public sealed record RecentChanges(IReadOnlyList<RecentChanges.Save> Saves, string TimeZone, string? AuditLink)
{
    public const int Shown = 5;

    /// <param name="Changes">what it changed; null for an entry that keeps no whole record (a secret rotated) or a record's first.</param>
    public sealed record Save(AuditTrail.Entry Entry, IReadOnlyList<AuditChange>? Changes);

    /// <summary>The latest saves of one record, those that changed nothing left out (a sheet sent back untouched).</summary>
    /// <param name="mayReadLog">whether the reader may open 操作日志 (head office's admins).</param>
    public static async Task<RecentChanges> Of(AuditDesk audit, string entity, string key, string timeZone, bool mayReadLog)
    {
        var saves = (await audit.OfRecord(entity, key, Shown * 4)).Select(e => new Save(e, AuditChanges.Of(e)))
            .Where(s => s.Changes is not { Count: 0 }).Take(Shown).ToList();
        return new(saves, timeZone, mayReadLog ? $"/admin/audit?entity={entity}&key={Uri.EscapeDataString(key)}" : null);
    }
}
