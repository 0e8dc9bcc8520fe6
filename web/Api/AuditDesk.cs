using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>操作日志 searched from the page, the API and the export alike: the filters read and checked, days on head office's clock.</summary>
public sealed class AuditDesk(SmartStoreDatabase database, ReportCalendar calendar)
{
    /// <param name="From">the first head-office day (yyyy-MM-dd), inclusive.</param>
    /// <param name="To">the last head-office day, inclusive.</param>
    /// <param name="Before">entries older than this one (its id): the next page back.</param>
    public sealed record Filters(string? Actor, string? Action, string? Entity, string? Key, string? From, string? To, long? Before);

    /// <summary>The query the filters ask for, or null with what was wrong in <paramref name="errors"/>.</summary>
    public AuditTrail.Query? Read(Filters filters, FieldErrors errors)
    {
        var (fromUtc, toUtc) = LogSearch.Days(filters.From, filters.To, calendar, errors);
        LogSearch.Before(filters.Before, errors);
        return errors.Any ? null : new AuditTrail.Query(PlanningInput.Blank(filters.Actor), PlanningInput.Blank(filters.Action), PlanningInput.Blank(filters.Entity),
            PlanningInput.Blank(filters.Key), fromUtc, toUtc, filters.Before);
    }

    /// <summary>An entry as the API gives it: the record as written, and what it changed against the entry before (null where
    /// there is nothing to compare it with).</summary>
    public sealed record Listed(long Id, DateTime At, string Actor, string Action, string Entity, string EntityKey, string? Detail,
        IReadOnlyList<AuditChange>? Changes)
    {
        public static Listed Of(AuditTrail.Entry e) => new(e.Id, e.At, e.Actor, e.Action, e.Entity, e.EntityKey, e.Detail, AuditChanges.Of(e));
    }

    /// <summary>The latest entries of one record (a store's saves, newest first), each with what it changed.</summary>
    public Task<IReadOnlyList<AuditTrail.Entry>> OfRecord(string entity, string key, int count, CancellationToken cancellationToken = default) =>
        AuditTrail.Search(database, new AuditTrail.Query(Entity: entity, Key: key), count, cancellationToken);

    public Task<IReadOnlyList<AuditTrail.Entry>> Search(AuditTrail.Query query, int limit, CancellationToken cancellationToken = default) =>
        AuditTrail.Search(database, query, limit, cancellationToken);
}
