using System.Security.Claims;
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
        stores.MapGet("/", List);
        stores.MapGet("/{code}", Get);
        stores.MapPost("/", Create).RequireAuthorization(AuthenticationSetup.MayEdit);
        stores.MapPut("/{code}", Update).RequireAuthorization(AuthenticationSetup.MayEdit);
        stores.MapDelete("/{code}", Delete).RequireAuthorization(AuthenticationSetup.MayEdit);
        return api;
    }

    private static async Task<IResult> List(ClaimsPrincipal user, StoreRepository repository,
        string? q, string? region, string? tag, int? page, int? pageSize)
    {
        if (!Paging.TryRead(page, pageSize, out var number, out var size, out var error)) return error!;
        var scope = user.Scope();
        if (region is not null && !scope.SeesWholeChain && scope.Role == Role.RegionManager && !scope.AllowsRegion(region))
            return Problems.OutOfScope($"Region '{region}'");
        return Results.Ok(await repository.List(scope, q, region, tag, number, size));
    }

    private static async Task<IResult> Get(string code, ClaimsPrincipal user, StoreRepository repository)
    {
        var store = await repository.Find(code);
        if (store is null) return Problems.NotFound($"Store '{code}'");
        return user.Scope().AllowsStore(store.Code, store.RegionCode) ? Results.Ok(store) : Problems.OutOfScope($"Store '{code}'");
    }

    private static async Task<IResult> Create(StoreInput input, ClaimsPrincipal user, StoreRepository repository, MasterDataValidation validation)
    {
        var (store, errors) = await validation.Store(input, null);
        if (store is null) return errors.ToResult();
        await repository.Create(store, user.Actor());
        return Results.Created($"/api/stores/{store.Code}", store);
    }

    private static async Task<IResult> Update(string code, StoreInput input, ClaimsPrincipal user, StoreProfileDesk desk)
    {
        var outcome = await desk.Update(code, input, user.Actor());
        if (!outcome.Found) return Problems.NotFound($"Store '{code}'");
        return outcome.Store is null ? outcome.Errors.ToResult() : Results.Ok(outcome.Store);
    }

    private static async Task<IResult> Delete(string code, ClaimsPrincipal user, StoreRepository repository) =>
        await repository.Delete(code, user.Actor()) ? Results.NoContent() : Problems.NotFound($"Store '{code}'");
}
