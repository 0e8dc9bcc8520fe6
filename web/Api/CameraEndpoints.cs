using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

public static class CameraEndpoints
{
    /// <summary>A new camera's secret: shown once in this answer, stored only as a hash.</summary>
    public sealed record CameraCreated(Camera Camera, string FtpUser, string Secret);

    /// <summary>A camera's new FTP / upload credentials, in this answer only (the secret is stored hashed).</summary>
    public sealed record CameraSecret(string FtpUser, string Secret);

    public static RouteGroupBuilder MapCameras(this RouteGroupBuilder api)
    {
        var cameras = api.MapGroup("/cameras").WithTags("Cameras");
        cameras.MapGet("/", List).WithSummary("Cameras, paged; filter by text or store").Produces<Page<Camera>>();
        // The import's own columns, to fill in (door lines, counting areas) and send back to POST /cameras/import?change=true.
        cameras.MapGet("/export", async (string? region, string? store, CameraRepository repository, CancellationToken cancellationToken) =>
            Results.File(await CameraImport.Sheet(await repository.Matching(region, store), cancellationToken), Workbook.ContentType,
                $"cameras-{DateTime.UtcNow:yyyyMMdd}.xlsx"))
            .WithSummary("Cameras as an Excel workbook (the import sheet's columns)").ProducesWorkbook().RequireAuthorization(AuthenticationSetup.MayEdit);
        cameras.MapGet("/{code}", Get).WithSummary("One camera, with its ETag").Produces<CameraWithStatus>();
        cameras.MapPost("/", Create).WithSummary("Adds a camera; answers its FTP secret once").Produces<CameraCreated>(StatusCodes.Status201Created).RequireAuthorization(AuthenticationSetup.MayEdit);
        cameras.MapPut("/{code}", Update).WithSummary("Changes a camera (If-Match: only while it is still at that version)").Versioned(typeof(Camera)).RequireAuthorization(AuthenticationSetup.MayEdit);
        cameras.MapDelete("/{code}", Delete).WithSummary("Deletes a camera (refused while snapshots of it are kept; unbind it instead)").Produces(StatusCodes.Status204NoContent).RequireAuthorization(AuthenticationSetup.MayEdit);
        cameras.MapPost("/{code}/secret", Rotate).WithSummary("Issues a camera a new FTP / upload secret; the old one stops working").Produces<CameraSecret>().RequireAuthorization(AuthenticationSetup.MayEdit);
        cameras.MapGet("/reliability", Reliability).WithSummary("设备稳定性: each camera's offline spells and uptime over a period").Produces<CameraReliabilityResult>();
        cameras.MapGet("/reliability.xlsx", ReliabilityExcel).WithSummary("设备稳定性 as an Excel workbook").ProducesWorkbook();
        return api;
    }

    /// <summary>设备运维报表: the cameras of a store, a region or the viewer's scope that were offline or had view faults in a period.</summary>
    private static async Task<IResult> Reliability(string? store, string? region, string? from, string? to, ClaimsPrincipal user,
        CameraReliabilityReport report, CancellationToken cancellationToken)
    {
        var (result, problem, _) = await report.Run(user.Scope(), store, region, from, to, cancellationToken);
        return result is null ? problem! : Results.Ok(result);
    }

    private static async Task<IResult> ReliabilityExcel(string? store, string? region, string? from, string? to, ClaimsPrincipal user,
        CameraReliabilityReport report, CancellationToken cancellationToken)
    {
        var (result, problem, _) = await report.Run(user.Scope(), store, region, from, to, cancellationToken);
        if (result is null) return problem!;
        var name = $"cameras-{result.Store ?? result.Region ?? "chain"}-{result.From:yyyyMMdd}-{result.To:yyyyMMdd}.xlsx";
        return Results.File(await CameraReliabilityWorkbook.Write(result, cancellationToken), Workbook.ContentType, name);
    }

    private static async Task<IResult> List(ClaimsPrincipal user, CameraRepository repository, string? store, string? q, int? page, int? pageSize)
    {
        if (!Paging.TryRead(page, pageSize, out var number, out var size, out var error)) return error!;
        return Results.Ok(await repository.List(user.Scope(), store, q, number, size));
    }

    /// <summary>A camera and its live status, with the camera's version as the ETag (sent back as If-Match by an update).</summary>
    private static async Task<IResult> Get(string code, ClaimsPrincipal user, CameraRepository cameras, CameraScope scope, IClusterClient cluster,
        HttpResponse response)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        if (await cameras.FindWithRevision(code) is not var (camera, revision)) return Problems.NotFound($"Camera '{code}'");
        var status = await cluster.GetGrain<ICameraGrain>(code).GetStatus();
        response.Headers.ETag = VersionTags.Of(revision);
        return Results.Ok(new CameraWithStatus(camera, status));
    }

    private static async Task<IResult> Create(CameraInput input, ClaimsPrincipal user, CameraRepository repository, MasterDataValidation validation)
    {
        var (camera, errors) = await validation.Camera(input, null, user.Scope());
        if (camera is null) return errors.ToResult();
        var secret = await repository.Create(camera, user.Actor());
        return Results.Created($"/api/cameras/{camera.Code}", new CameraCreated(camera, camera.Code, secret));
    }

    /// <param name="ifMatch">The camera's ETag as read (GET): the update is made only while the camera is still at that version
    /// (a sheet or its page may have changed it meanwhile).</param>
    private static async Task<IResult> Update(string code, CameraInput input, ClaimsPrincipal user, CameraRepository repository,
        MasterDataValidation validation, IClusterClient cluster, HttpResponse response, [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        var (revision, refusal) = await VersionTags.Expected(ifMatch, $"/api/cameras/{code}", async () => (await repository.FindWithRevision(code))?.Revision);
        if (refusal is not null) return refusal;
        var (camera, errors) = await validation.Camera(input, code, user.Scope());
        if (camera is null) return errors.ToResult();
        var (saving, saved, stored) = await repository.Update(camera, user.Actor(), revision);
        var outcome = await VersionedSave<Camera>.Of(stored ?? camera, saving, saved, () => repository.ChangesSince(code, revision));
        // The grain caches its binding; tell it master data changed.
        if (outcome.Saved is not null) await cluster.GetGrain<ICameraGrain>(code).RefreshProfile();
        return outcome.Answer($"Camera '{code}'", response, c => c);
    }

    private static async Task<IResult> Delete(string code, ClaimsPrincipal user, CameraRepository repository) =>
        await repository.Delete(code, user.Actor()) ? Results.NoContent() : Problems.NotFound($"Camera '{code}'");

    private static async Task<IResult> Rotate(string code, ClaimsPrincipal user, CameraRepository repository)
    {
        var secret = await repository.RotateSecret(code, user.Actor());
        return secret is null ? Problems.NotFound($"Camera '{code}'") : Results.Ok(new CameraSecret(code, secret));
    }

    /// <summary>A camera's master data and its live status (online, last heartbeat and picture, view faults).</summary>
    public sealed record CameraWithStatus(Camera Camera, CameraStatus Status);
}
