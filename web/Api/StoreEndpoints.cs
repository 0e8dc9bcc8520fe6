using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

public static class StoreEndpoints
{
    public static RouteGroupBuilder MapStores(this RouteGroupBuilder api)
    {
        var stores = api.MapGroup("/stores").WithTags("Stores");
        stores.MapGet("/", List).WithSummary("Stores, paged; filter by text, region, tag or status on the store's today (preparing: before its opening date, trading, closed: closed for good)").Produces<Page<Store>>();
        // The import's own columns, to change in Excel and send back to POST /stores/import?change=true.
        stores.MapGet("/export", async (string? region, string? tag, StoreRepository repository, CancellationToken cancellationToken) =>
            Results.File(await StoreImport.Sheet(await repository.Matching(region, tag), cancellationToken), Workbook.ContentType,
                $"stores-{DateTime.UtcNow:yyyyMMdd}.xlsx"))
            .WithSummary("Stores as an Excel workbook (the import sheet's columns)").ProducesWorkbook().RequireAuthorization(AuthenticationSetup.MayEdit);
        stores.MapGet("/{code}", Get).WithSummary("One store, with its ETag").Produces<Store>();
        stores.MapPost("/", Create).WithSummary("Adds a store").Produces<Store>(StatusCodes.Status201Created).RequireAuthorization(AuthenticationSetup.MayEdit);
        stores.MapPut("/{code}", Update).WithSummary("Changes a store (If-Match: only while it is still at that version)").Versioned(typeof(Store)).RequireAuthorization(AuthenticationSetup.MayEdit);
        stores.MapPut("/{code}/closing", Close)
            .WithSummary("Closes a store for good from a store-local date (闭店): its hours are closed every day from then, its cameras' uploads refused, it leaves the live board; its record and history stay")
            .Produces<Store>().RequireAuthorization(AuthenticationSetup.MayEdit);
        stores.MapDelete("/{code}/closing", Reopen).WithSummary("Reopens a store closed for good, or withdraws a planned closing")
            .Produces<Store>().RequireAuthorization(AuthenticationSetup.MayEdit);
        stores.MapPut("/{code}/opening", Open)
            .WithSummary("Sets a store's first trading day (开业日期): before it the store is being prepared (筹备中) — closed every day, no looks-closed alerts, nobody's peer — while its cameras may send pictures")
            .Produces<Store>().RequireAuthorization(AuthenticationSetup.MayEdit);
        stores.MapDelete("/{code}/opening", ClearOpening).WithSummary("Clears a store's opening date: it trades from now")
            .Produces<Store>().RequireAuthorization(AuthenticationSetup.MayEdit);
        stores.MapDelete("/{code}", Delete).WithSummary("Deletes a store (refused while records refer to it)").Produces(StatusCodes.Status204NoContent).RequireAuthorization(AuthenticationSetup.MayEdit);
        return api;
    }

    private static async Task<IResult> List(ClaimsPrincipal user, StoreRepository repository,
        string? q, string? region, string? tag, string? status, int? page, int? pageSize)
    {
        if (!Paging.TryRead(page, pageSize, out var number, out var size, out var error)) return error!;
        var stage = StoreStages.FromCode(status);
        if (stage is null && !string.IsNullOrWhiteSpace(status))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"status '{status}' is none of: {StoreStages.Codes}."] });
        var scope = user.Scope();
        if (region is not null && !scope.SeesWholeChain && scope.Role == Role.RegionManager && !scope.AllowsRegion(region))
            return Problems.OutOfScope($"Region '{region}'");
        return Results.Ok(await repository.List(scope, q, region, tag, number, size, stage is { } only ? [only] : null));
    }

    /// <summary>A store, with its version as the ETag: sent back as If-Match, an update is refused once the store has changed since.</summary>
    private static async Task<IResult> Get(string code, ClaimsPrincipal user, StoreRepository repository, HttpResponse response)
    {
        if (await repository.FindWithRevision(code) is not { } found) return Problems.NotFound($"Store '{code}'");
        var (store, revision) = found;
        if (!user.Scope().AllowsStore(store.Code, store.RegionCode)) return Problems.OutOfScope($"Store '{code}'");
        response.Headers.ETag = VersionTags.Of(revision);
        return Results.Ok(store);
    }

    private static async Task<IResult> Create(StoreInput input, ClaimsPrincipal user, StoreRepository repository, MasterDataValidation validation)
    {
        var (store, errors) = await validation.Store(input, null);
        if (store is null) return errors.ToResult();
        await repository.Create(store, user.Actor());
        return Results.Created($"/api/stores/{store.Code}", store);
    }

    /// <param name="ifMatch">The ETag of the store as read (GET): the update is made only while the store is still at that version.</param>
    private static async Task<IResult> Update(string code, StoreInput input, ClaimsPrincipal user, StoreProfileDesk desk, StoreRepository repository,
        HttpResponse response, [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        var (revision, refusal) = await VersionTags.Expected(ifMatch, $"/api/stores/{code}", async () => (await repository.FindWithRevision(code))?.Revision);
        if (refusal is not null) return refusal;
        return (await desk.Update(code, input, user.Actor(), revision)).Answer($"Store '{code}'", response, store => store);
    }

    /// <summary>When a store closes for good: the first store-local date it no longer trades.</summary>
    public sealed record ClosingInput(DateOnly? ClosedOn);

    private static async Task<IResult> Close(string code, ClosingInput input, ClaimsPrincipal user, StoreLifecycleDesk desk) =>
        Answer(code, await desk.Close(code, input.ClosedOn, user.Actor()));

    private static async Task<IResult> Reopen(string code, ClaimsPrincipal user, StoreLifecycleDesk desk) =>
        Answer(code, await desk.Reopen(code, user.Actor()));

    /// <summary>When a store opens: its first trading day.</summary>
    public sealed record OpeningInput(DateOnly? OpensOn);

    private static async Task<IResult> Open(string code, OpeningInput input, ClaimsPrincipal user, StoreLifecycleDesk desk) =>
        Answer(code, await desk.SetOpening(code, input.OpensOn, user.Actor()));

    private static async Task<IResult> ClearOpening(string code, ClaimsPrincipal user, StoreLifecycleDesk desk) =>
        Answer(code, await desk.ClearOpening(code, user.Actor()));

    private static IResult Answer(string code, StoreLifecycleDesk.Outcome outcome) =>
        outcome.Errors.Any ? outcome.Errors.ToResult() : outcome.Store is { } store ? Results.Ok(store) : Problems.NotFound($"Store '{code}'");

    private static async Task<IResult> Delete(string code, ClaimsPrincipal user, StoreRepository repository) =>
        await repository.Delete(code, user.Actor()) ? Results.NoContent() : Problems.NotFound($"Store '{code}'");
}

