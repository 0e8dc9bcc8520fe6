namespace SmartStore.Web.Api;

/// <summary>
/// What 操作日志 and 登录日志 are both searched by: head-office days (yyyy-MM-dd, both inclusive) as a UTC range, and the
/// entry to page back from — read and checked field by field.
/// </summary>
public static class LogSearch
{
    public const int PageSize = 100, MaxLimit = 1000, MaxExport = 100_000;

    /// <summary>The days as UTC instants (from inclusive, to exclusive), each null when not given.</summary>
    public static (DateTime? FromUtc, DateTime? ToUtc) Days(string? from, string? to, ReportCalendar calendar, FieldErrors errors)
    {
        var first = ReportRequest.ParseDate(errors, "from", PlanningInput.Blank(from));
        var last = ReportRequest.ParseDate(errors, "to", PlanningInput.Blank(to));
        if (first is not null && last < first) errors.Add("to", "to is before from.", "结束日期早于开始日期。");
        return (first is { } f ? calendar.StartUtc(f) : null, last is { } l ? calendar.StartUtc(l.AddDays(1)) : null);
    }

    /// <summary>The entry a page back starts before: an id, 1 or more.</summary>
    public static void Before(long? before, FieldErrors errors)
    {
        if (before <= 0) errors.Add("before", "before must be an entry's id, 1 or more.", "before 须为记录编号（不小于 1）。");
    }

    /// <summary>How many entries an API call asks for: 1 to <see cref="MaxLimit"/>.</summary>
    public static void Limit(int? limit, FieldErrors errors)
    {
        if (limit is < 1 or > MaxLimit) errors.Add("limit", $"limit must be 1 to {MaxLimit}.", $"limit 须为 1 至 {MaxLimit}。");
    }
}
