using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

public static class SkuEndpoints
{
    public static RouteGroupBuilder MapSkus(this RouteGroupBuilder api)
    {
        var skus = api.MapGroup("/skus").WithTags("SKUs");
        skus.MapGet("/", List).WithSummary("SKUs, paged; filter by text, category, own or competitor").Produces<Page<Sku>>();
        skus.MapGet("/{code}", Get).WithSummary("One SKU, with its ETag").Produces<Sku>();
        skus.MapPost("/", Create).WithSummary("Adds a SKU (own or competitor)").Produces<Sku>(StatusCodes.Status201Created).RequireAuthorization(AuthenticationSetup.MayEdit);
        skus.MapPut("/{code}", Update).WithSummary("Changes a SKU (If-Match: only while it is still at that version)").Versioned(typeof(SmartStore.Models.Sku)).RequireAuthorization(AuthenticationSetup.MayEdit);
        // The import's own columns, to change in Excel and send back to POST /skus/import?change=true.
        skus.MapGet("/export", async (string? category, SkuRepository repository, CancellationToken cancellationToken) =>
            Results.File(await SkuImport.Sheet(await repository.Matching(category), cancellationToken), Workbook.ContentType,
                $"skus-{DateTime.UtcNow:yyyyMMdd}.xlsx"))
            .WithSummary("SKUs as an Excel workbook (the import sheet's columns)").ProducesWorkbook().RequireAuthorization(AuthenticationSetup.MayEdit);
        skus.MapDelete("/{code}", Delete).WithSummary("Deletes a SKU, its reference photos and its planned slots").Produces(StatusCodes.Status204NoContent).RequireAuthorization(AuthenticationSetup.MayEdit);
        skus.MapGet("/{code}/photos", Photos).WithSummary("A SKU's reference photos").Produces<IReadOnlyList<SkuRepository.PhotoInfo>>();
        skus.MapGet("/{code}/photos/{id:long}", Photo).WithSummary("One reference photo (JPEG)").ProducesJpeg();
        skus.MapPost("/{code}/photos", AddPhoto).WithSummary("Adds a reference photo of a SKU (JPEG); the shelf gallery learns it").Produces<SkuRepository.PhotoInfo>(StatusCodes.Status201Created).RequireAuthorization(AuthenticationSetup.MayEdit).AcceptsJpeg();
        skus.MapDelete("/{code}/photos/{id:long}", DeletePhoto).WithSummary("Removes a reference photo").Produces(StatusCodes.Status204NoContent).RequireAuthorization(AuthenticationSetup.MayEdit);
        skus.MapPost("/{code}/photos/{id:long}/crop", CropPhoto).WithSummary("Crops a reference photo to the product (it replaces the photo, under a new id)").Produces<SkuRepository.PhotoInfo>(StatusCodes.Status201Created).RequireAuthorization(AuthenticationSetup.MayEdit);
        return api;
    }

    private static async Task<IResult> List(SkuRepository repository, string? q, string? category, bool? competitor, int? page, int? pageSize)
    {
        if (!Paging.TryRead(page, pageSize, out var number, out var size, out var error)) return error!;
        return Results.Ok(await repository.List(q, category, competitor, number, size));
    }

    /// <summary>A SKU, with its version as the ETag (sent back as If-Match by an update).</summary>
    private static async Task<IResult> Get(string code, SkuRepository repository, HttpResponse response)
    {
        if (await repository.FindWithRevision(code) is not var (sku, revision)) return Problems.NotFound($"SKU '{code}'");
        response.Headers.ETag = VersionTags.Of(revision);
        return Results.Ok(sku);
    }

    private static async Task<IResult> Create(SkuInput input, ClaimsPrincipal user, SkuRepository repository, MasterDataValidation validation)
    {
        var (sku, errors) = await validation.Sku(input, null);
        if (sku is null) return errors.ToResult();
        await repository.Create(sku, user.Actor());
        return Results.Created($"/api/skus/{sku.Code}", sku);
    }

    /// <param name="ifMatch">The SKU's ETag as read (GET): the update is made only while the SKU is still at that version (an ERP
    /// sync and a sheet from head office do not overwrite each other).</param>
    private static async Task<IResult> Update(string code, SkuInput input, ClaimsPrincipal user, SkuRepository repository, MasterDataValidation validation,
        ShelfCompetitors competitors, HttpResponse response, [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        var (revision, refusal) = await VersionTags.Expected(ifMatch, $"/api/skus/{code}", async () => (await repository.FindWithRevision(code))?.Revision);
        if (refusal is not null) return refusal;
        var (sku, errors) = await validation.Sku(input, code);
        if (sku is null) return errors.ToResult();
        var (saving, saved) = await competitors.Around(() => repository.Update(sku, user.Actor(), revision));
        var outcome = await VersionedSave<SmartStore.Models.Sku>.Of(sku, saving, saved, () => repository.ChangesSince(code, revision));
        return outcome.Answer($"SKU '{code}'", response, s => s);
    }

    private static async Task<IResult> Delete(string code, ClaimsPrincipal user, SkuRepository repository) =>
        await repository.Delete(code, user.Actor()) ? Results.NoContent() : Problems.NotFound($"SKU '{code}'");

    private static async Task<IResult> Photos(string code, SkuRepository repository) => Results.Ok(await repository.Photos(code));

    private static async Task<IResult> Photo(string code, long id, SkuRepository repository) =>
        await repository.PhotoContent(code, id) is { } jpeg ? Results.File(jpeg, FileAnswers.Jpeg) : Problems.NotFound($"Photo {id} of SKU '{code}'");

    /// <summary>Reference photos arrive as a raw image/jpeg body; a truncated or non-JPEG file is refused whole.</summary>
    private static async Task<IResult> AddPhoto(string code, HttpRequest request, ClaimsPrincipal user, SkuRepository repository)
    {
        if (await repository.Find(code) is null) return Problems.NotFound($"SKU '{code}'");
        var (jpeg, check, problem) = await JpegCheck.ReadBody(request, request.HttpContext.RequestAborted);
        if (problem is not null || jpeg is null) return problem!;
        var photo = await repository.AddPhoto(code, jpeg, check.Width, check.Height, user.Actor());
        return Results.Created($"/api/skus/{code}/photos/{photo.Id}", photo);
    }

    private static async Task<IResult> DeletePhoto(string code, long id, ClaimsPrincipal user, SkuRepository repository) =>
        await repository.DeletePhoto(code, id, user.Actor()) ? Results.NoContent() : Problems.NotFound($"Photo {id} of SKU '{code}'");

    /// <summary>The region of the upright photo (as shown) to keep, in its pixels.</summary>
    public sealed record CropInput(int? X, int? Y, int? Width, int? Height);

    /// <summary>Replaces a reference photo by a region of it (the one product out of a shelf shot).</summary>
    private static async Task<IResult> CropPhoto(string code, long id, CropInput input, ClaimsPrincipal user, SkuRepository repository)
    {
        var (photo, errors) = await ReferencePhotoCrop.Apply(repository, code, id, input, user.Actor());
        if (photo is not null) return Results.Created($"/api/skus/{code}/photos/{photo.Id}", photo);
        return errors is null ? Problems.NotFound($"Photo {id} of SKU '{code}'") : errors.ToResult();
    }
}
