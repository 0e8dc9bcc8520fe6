using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>Special hours for many stores at once (节假日营业时间), for head office's admins.</summary>
public static class SpecialHoursEndpoints
{
    public static RouteGroupBuilder MapSpecialHours(this RouteGroupBuilder api)
    {
        var hours = api.MapGroup("/stores/special-hours").WithTags("Stores").RequireAuthorization(AuthenticationSetup.MayEdit);
        hours.MapGet("/", List).WithSummary("Special hours (holidays, closures) ending on or after a day").Produces<IReadOnlyList<SpecialHoursRange>>();
        hours.MapPost("/", Set).WithSummary("Sets special hours for days and a set of stores").Produces<SpecialHoursRange>();
        hours.MapDelete("/", Withdraw).WithSummary("Withdraws special hours (by reason, days, region, tag or stores)").Produces<SpecialHoursWithdrawn>();
        hours.MapGet("/export", Export).WithSummary("Special hours as an Excel workbook").ProducesWorkbook();
        hours.MapPost("/import", async (HttpRequest request, ClaimsPrincipal user, SpecialHoursImport import) =>
            (await import.Import(request, user.Actor())).ToResult())
            .WithSummary("Imports special hours from an Excel sheet").Produces<ImportAnswer>().DisableAntiforgery();
        return api;
    }

    /// <summary>The chain's entries ending on or after a date (default: head office's today), earliest first.</summary>
    private static async Task<IResult> List(string? ending, SpecialHoursDesk desk, ReportCalendar calendar) =>
        Ending(ending, calendar, out var errors) is { } from ? Results.Ok((await desk.Groups(from)).Select(g => Json(g.Range, g.Stores)).ToList()) : errors.ToResult();

    /// <summary>The same entries as a sheet, one row per store and range, in the columns the import reads.</summary>
    private static async Task<IResult> Export(string? ending, SpecialHoursDesk desk, ReportCalendar calendar, CancellationToken cancellationToken) =>
        Ending(ending, calendar, out var errors) is { } from
            ? Results.File(await SpecialHoursImport.Sheet(await desk.Groups(from), cancellationToken), Workbook.ContentType, $"special-hours-{from:yyyyMMdd}.xlsx")
            : errors.ToResult();

    private static DateOnly? Ending(string? ending, ReportCalendar calendar, out FieldErrors errors)
    {
        errors = new FieldErrors();
        return ending is null ? calendar.Today : PlanningInput.Date("ending", ending, errors);
    }

    private static async Task<IResult> Set(SpecialHoursInput input, ClaimsPrincipal user, SpecialHoursDesk desk)
    {
        var outcome = await desk.Set(input, user.Actor());
        return outcome.Errors.Any ? outcome.Errors.ToResult() : Results.Ok(Json(outcome.Range!, outcome.Stores));
    }

    /// <summary>Takes an entry (reason, dates, weekdays) off the stores that have it, all of them or those named.</summary>
    private static async Task<IResult> Withdraw(string? reason, string? from, string? to, int[]? weekdays, string? regionCode, string? storeTag,
        string[]? stores, ClaimsPrincipal user, SpecialHoursDesk desk)
    {
        var input = new SpecialHoursInput(reason, from, to, weekdays, null, null, null, regionCode, storeTag, stores);
        var outcome = await desk.Withdraw(input, user.Actor());
        if (outcome.Errors.Any) return outcome.Errors.ToResult();
        return outcome.Stores.Count == 0 ? Problems.NotFound($"Special hours '{reason}' {from}..{to} on the stores chosen")
            : Results.Ok(new SpecialHoursWithdrawn(outcome.Stores, outcome.Stores.Count));
    }

    private static SpecialHoursRange Json(OpeningException range, IReadOnlyList<string> stores) => new(range.Reason, range.From, range.To,
        range.Days.IsoDays().ToList(), range.Hours.Closed ? null : range.Hours.Open.ToString("HH:mm"),
        range.Hours.Closed ? null : range.Hours.Close.ToString("HH:mm"), range.Hours.Closed, stores.Count, stores);

    /// <summary>The stores a withdrawal took the entry off.</summary>
    public sealed record SpecialHoursWithdrawn(IReadOnlyList<string> Stores, int StoreCount);

    /// <summary>An entry of special hours and the stores that have it: open to close (store-local) on those days, or closed.</summary>
    public sealed record SpecialHoursRange(string Reason, DateOnly From, DateOnly To, IReadOnlyList<int> Weekdays, string? Open, string? Close, bool Closed,
        int StoreCount, IReadOnlyList<string> Stores);
}
