using System.Security.Claims;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>
/// Bulk import of stores and SKUs from CSV or Excel (a raw body or a multipart form with one file).
/// The checking and writing is <see cref="StoreImport"/> and <see cref="SkuImport"/>, shared with the pages.
/// </summary>
public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        api.MapPost("/stores/import", async (HttpRequest request, ClaimsPrincipal user, StoreImport import) =>
            (await import.Import(request, user.Actor())).ToResult())
            .WithTags("Stores").RequireAuthorization(AuthenticationSetup.MayEdit).DisableAntiforgery();
        api.MapPost("/skus/import", async (HttpRequest request, ClaimsPrincipal user, SkuImport import) =>
            (await import.Import(request, user.Actor())).ToResult())
            .WithTags("SKUs").RequireAuthorization(AuthenticationSetup.MayEdit).DisableAntiforgery();
        return api;
    }
}
