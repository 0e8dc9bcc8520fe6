using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>
/// 日志管理 for head office's admins: 登录日志 (every sign-in tried on the web) and 操作日志 (every change), each searched
/// newest first, <c>limit</c> at a time (100; 1,000 at most), <c>before</c> an entry's id paging back, and exported as .xlsx.
/// </summary>
public static class LogEndpoints
{
    public static RouteGroupBuilder MapLogs(this RouteGroupBuilder api)
    {
        var logs = api.MapGroup("/").WithTags("Audit").RequireAuthorization(AuthenticationSetup.MayEdit);
        logs.MapGet("/sign-ins", SearchSignIns).WithSummary("登录日志: sign-ins, failed ones included, searched").Produces<IReadOnlyList<SignInLog.Entry>>();
        logs.MapGet("/sign-ins/export", ExportSignIns).WithSummary("登录日志 as an Excel workbook").ProducesWorkbook();
        logs.MapGet("/audit", SearchAudit).WithSummary("操作日志: who changed what and when, searched").Produces<IReadOnlyList<AuditDesk.Listed>>();
        logs.MapGet("/audit/export", ExportAudit).WithSummary("操作日志 as an Excel workbook").ProducesWorkbook();
        return api;
    }

    private static async Task<IResult> SearchSignIns(SignInDesk desk, string? username, string? outcome, string? address, string? from, string? to,
        long? before, int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        LogSearch.Limit(limit, errors);
        var query = desk.Read(new SignInDesk.Filters(username, outcome, address, from, to, before), errors);
        return query is null || errors.Any ? errors.ToResult() : Results.Ok(await desk.Search(query, limit ?? LogSearch.PageSize, cancellationToken));
    }

    private static async Task<IResult> ExportSignIns(SignInDesk desk, ReportCalendar calendar, string? username, string? outcome, string? address, string? from, string? to,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (desk.Read(new SignInDesk.Filters(username, outcome, address, from, to, null), errors) is not { } query) return errors.ToResult();
        var entries = await desk.Search(query, LogSearch.MaxExport, cancellationToken);
        return Results.File(await LogWorkbooks.SignIns(entries, calendar.Local, cancellationToken), Workbook.ContentType,
            $"sign-in-log-{calendar.Local(DateTime.UtcNow):yyyyMMdd-HHmm}.xlsx");
    }

    private static async Task<IResult> SearchAudit(AuditDesk desk, string? actor, string? action, string? entity, string? key, string? from, string? to,
        long? before, int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        LogSearch.Limit(limit, errors);
        var query = desk.Read(new AuditDesk.Filters(actor, action, entity, key, from, to, before), errors);
        return query is null || errors.Any ? errors.ToResult() : Results.Ok((await desk.Search(query, limit ?? LogSearch.PageSize, cancellationToken)).Select(AuditDesk.Listed.Of).ToList());
    }

    private static async Task<IResult> ExportAudit(AuditDesk desk, ReportCalendar calendar, string? actor, string? action, string? entity, string? key, string? from, string? to,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (desk.Read(new AuditDesk.Filters(actor, action, entity, key, from, to, null), errors) is not { } query) return errors.ToResult();
        var entries = await desk.Search(query, LogSearch.MaxExport, cancellationToken);
        return Results.File(await LogWorkbooks.Audit(entries, calendar.Local, cancellationToken), Workbook.ContentType,
            $"audit-log-{calendar.Local(DateTime.UtcNow):yyyyMMdd-HHmm}.xlsx");
    }
}
