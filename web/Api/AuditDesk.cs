using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>操作日志 searched from the page, the API and the export alike: the filters read and checked, days on head office's clock.</summary>
public sealed class AuditDesk(SmartStoreDatabase database, ReportCalendar calendar)
{
    public const int PageSize = 100, MaxLimit = 1000, MaxExport = 100_000;

    /// <param name="From">the first head-office day (yyyy-MM-dd), inclusive.</param>
    /// <param name="To">the last head-office day, inclusive.</param>
    /// <param name="Before">entries older than this one (its id): the next page back.</param>
    public sealed record Filters(string? Actor, string? Action, string? Entity, string? Key, string? From, string? To, long? Before);

    /// <summary>The query the filters ask for, or null with what was wrong in <paramref name="errors"/>.</summary>
    public AuditTrail.Query? Read(Filters filters, FieldErrors errors)
    {
        var from = ReportRequest.ParseDate(errors, "from", Blank(filters.From));
        var to = ReportRequest.ParseDate(errors, "to", Blank(filters.To));
        if (from is not null && to < from) errors.Add("to", "to is before from.", "结束日期早于开始日期。");
        if (filters.Before <= 0) errors.Add("before", "before must be an entry's id, 1 or more.", "before 须为记录编号（不小于 1）。");
        if (errors.Any) return null;
        return new AuditTrail.Query(Blank(filters.Actor), Blank(filters.Action), Blank(filters.Entity), Blank(filters.Key),
            from is { } first ? calendar.StartUtc(first) : null, to is { } last ? calendar.StartUtc(last.AddDays(1)) : null, filters.Before);
    }

    public Task<IReadOnlyList<AuditTrail.Entry>> Search(AuditTrail.Query query, int limit, CancellationToken cancellationToken = default) =>
        AuditTrail.Search(database, query, limit, cancellationToken);

    /// <summary>An entry's time on head office's clock, as the export writes it.</summary>
    public DateTime Local(DateTime utc) => calendar.Local(utc);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
