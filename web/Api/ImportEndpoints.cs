using System.Security.Claims;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>
/// Bulk import of stores, SKUs and cameras from CSV or Excel (a raw body or a multipart form with one file).
/// The checking and writing is <see cref="StoreImport"/>, <see cref="SkuImport"/> and <see cref="CameraImport"/>, shared with the pages.
/// </summary>
public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        // ?change=true: a row whose code exists changes that store by its filled-in cells instead of being refused.
        api.MapPost("/stores/import", async (HttpRequest request, bool? change, ClaimsPrincipal user, StoreImport import) =>
            (await import.Import(request, user.Actor(), change ?? false)).ToResult())
            .WithSummary("Imports stores from an Excel sheet (change=true also changes existing ones)")
            .WithTags("Stores").Produces<ImportAnswer>().RequireAuthorization(AuthenticationSetup.MayEdit).DisableAntiforgery();
        api.MapPost("/skus/import", async (HttpRequest request, bool? change, ClaimsPrincipal user, SkuImport import) =>
            (await import.Import(request, user.Actor(), change ?? false)).ToResult())
            .WithSummary("Imports SKUs from an Excel sheet (change=true also changes existing ones)")
            .WithTags("SKUs").Produces<ImportAnswer>().RequireAuthorization(AuthenticationSetup.MayEdit).DisableAntiforgery();
        // The answer carries each camera's FTP secret, once: it is stored hashed.
        api.MapPost("/cameras/import", async (HttpRequest request, bool? change, ClaimsPrincipal user, CameraImport import, HttpResponse response) =>
            {
                response.Headers.CacheControl = "no-store";
                return (await import.Import(request, user.Actor(), change ?? false)).ToResult();
            })
            .WithSummary("Imports cameras from an Excel sheet; answers the new cameras' secrets once")
            .WithTags("Cameras").Produces<ImportAnswer>().RequireAuthorization(AuthenticationSetup.MayEdit).DisableAntiforgery();
        return api;
    }
}
