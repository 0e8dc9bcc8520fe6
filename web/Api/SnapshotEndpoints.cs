using System.Security.Claims;
using System.Text.Json;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Vision.Intake;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>A camera's stored snapshots and their images, within the viewer's scope.</summary>
public static class SnapshotEndpoints
{
    public static RouteGroupBuilder MapSnapshots(this RouteGroupBuilder api)
    {
        api.MapGet("/cameras/{code}/snapshots", List).WithSummary("A camera's latest snapshots and their analysis state").Produces<IReadOnlyList<SnapshotRepository.Snapshot>>().WithTags("Snapshots");
        api.MapGet("/cameras/{code}/history", History).WithSummary("A camera's pictures on a day, paged").Produces<SnapshotHistory>().WithTags("Snapshots");
        api.MapGet("/cameras/{code}/ingestion", Ingestion).WithSummary("A camera's uploads: accepted, rejected and why").Produces<CameraIngestion>().WithTags("Snapshots");
        api.MapGet("/cameras/{code}/incidents", Incidents).WithSummary("A camera's offline spells and view faults").Produces<CameraIncidentLog>().WithTags("Cameras");
        api.MapGet("/snapshots/{id:long}/image", Image).WithSummary("A snapshot's picture (JPEG)").ProducesJpeg().WithTags("Snapshots").AnswersOutsideScope();
        api.MapGet("/snapshots/{id:long}/analysis", Analysis).WithSummary("What was recognised in a snapshot: people with boxes and tracks, or shelf slots").Produces<SnapshotAnalysis>().WithTags("Snapshots").AnswersOutsideScope();
        return api;
    }

    private static async Task<IResult> List(string code, int? limit, ClaimsPrincipal user, CameraScope scope, SnapshotRepository snapshots)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        return Results.Ok(await snapshots.Latest(code, Math.Clamp(limit ?? 20, 1, 200)));
    }

    /// <summary>回看: the camera's snapshots received from <paramref name="from"/> up to <paramref name="to"/> (UTC), oldest first, a page at a time.</summary>
    private static async Task<IResult> History(string code, DateTime? from, DateTime? to, int? page, int? pageSize, ClaimsPrincipal user,
        CameraScope scope, SnapshotRepository snapshots)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        var errors = new FieldErrors();
        if (from is null) errors.Required("from");
        if (to is null) errors.Required("to");
        if (from is not null && to is not null && to <= from) errors.Add("to", "to must be after from.", "结束时间须晚于开始时间。");
        if (!Paging.TryRead(page, pageSize, out var number, out var size, out var bad)) return bad!;
        if (errors.Any) return errors.ToResult();
        var (frames, total) = await snapshots.Between(code, Utc(from!.Value), Utc(to!.Value), (number - 1) * size, size);
        return Results.Ok(new SnapshotHistory(total, number, size, frames));
    }

    /// <summary>设备运维: the camera's offline spells and view faults, newest first, and its offline count and time over the last 7 days.</summary>
    private static async Task<IResult> Incidents(string code, int? limit, ClaimsPrincipal user, CameraScope scope, CameraIncidents incidents)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        var week = await incidents.Offline(code, DateTime.UtcNow.AddDays(-7), DateTime.UtcNow);
        return Results.Ok(new CameraIncidentLog(await incidents.Recent(code, Math.Clamp(limit ?? 50, 1, 500)),
            new OfflineSpells(week.Count, Math.Round(week.Total.TotalMinutes, 1))));
    }

    private static DateTime Utc(DateTime t) => t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime();

    private static async Task<IResult> Ingestion(string code, ClaimsPrincipal user, CameraScope scope, IClusterClient cluster)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        return Results.Ok(await cluster.GetGrain<ICameraGrain>(code).GetIngestion());
    }

    /// <summary>Per-image detail (人流量识别详情): the boxes found in the snapshot with their scores and track ids.</summary>
    private static async Task<IResult> Analysis(long id, ClaimsPrincipal user, CameraScope scope, SnapshotRepository snapshots)
    {
        var snapshot = await snapshots.Find(id);
        if (snapshot is null) return Problems.NotFound($"Snapshot {id}");
        if (await scope.Check(user, snapshot.CameraCode) is { } refusal) return refusal;
        var text = await snapshots.Analysis(id);
        if (text is null) return Results.Ok(new SnapshotAnalysis(snapshot, null));
        using var analysis = JsonDocument.Parse(text);
        return Results.Ok(new SnapshotAnalysis(snapshot, analysis.RootElement.Clone()));
    }

    /// <summary>Previews are 160 to 1,280 pixels wide; a snapshot never changes, so the browser may keep them.</summary>
    public const int MinPreviewWidth = 160, MaxPreviewWidth = 1280;

    /// <summary>Why a preview width cannot be served (null: it can, or none was asked for).</summary>
    public static IResult? PreviewWidthRefusal(int? width)
    {
        if (width is not { } w || (w >= MinPreviewWidth && w <= MaxPreviewWidth)) return null;
        var errors = new FieldErrors();
        errors.Add("width", $"width must be {MinPreviewWidth} to {MaxPreviewWidth} pixels, not {w}.");
        return errors.ToResult();
    }
    private static readonly JpegIntake PreviewIntake = new();

    private static async Task<IResult> Image(long id, int? width, ClaimsPrincipal user, CameraScope scope, SnapshotRepository snapshots,
        WebSettings settings, HttpResponse response, CancellationToken cancellationToken)
    {
        if (PreviewWidthRefusal(width) is { } refused) return refused;
        var snapshot = await snapshots.Find(id);
        if (snapshot is null) return Problems.NotFound($"Snapshot {id}");
        if (await scope.Check(user, snapshot.CameraCode) is { } refusal) return refusal;
        var file = Path.GetFullPath(Path.Combine(settings.ImagesRoot, snapshot.Path));
        // The row's path is ours (date/camera/sha256.jpg); still, never serve anything outside the images folder.
        if (!file.StartsWith(settings.ImagesRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
            return Problems.NotFound($"The image of snapshot {id} (retention may have removed it)");
        if (width is null)
        {
            response.Headers.CacheControl = "private, max-age=86400";
            return Results.File(file, FileAnswers.Jpeg, enableRangeProcessing: false);
        }
        byte[] preview;
        try
        {
            preview = PhotoPreview.Scale(PreviewIntake, await File.ReadAllBytesAsync(file, cancellationToken), width.Value);
        }
        catch (ImageRejectedException e)
        {
            // Accepted uploads are whole JPEGs; a file damaged on disk since is a fault here, said as such, not served half.
            return Results.Problem(statusCode: 500, title: "Stored image unreadable", detail: $"The stored image of snapshot {id} cannot be read: {e.Message}");
        }
        response.Headers.CacheControl = "private, max-age=86400";
        return Results.File(preview, FileAnswers.Jpeg);
    }

    /// <summary>回看: a page of a camera's pictures received in a span, oldest first, each with the people counted in it (null: not analysed).</summary>
    public sealed record SnapshotHistory(int Total, int Page, int PageSize, IReadOnlyList<SnapshotRepository.Frame> Items);

    /// <summary>A camera's recent offline spells and view faults, newest first, and how often and long it was offline over 7 days.</summary>
    public sealed record CameraIncidentLog(IReadOnlyList<CameraIncidents.Incident> Incidents, OfflineSpells OfflineLast7Days);

    public sealed record OfflineSpells(int Count, double Minutes);

    /// <summary>A snapshot and what its analysis found, as the analysis wrote it (null while not analysed).</summary>
    public sealed record SnapshotAnalysis(SnapshotRepository.Snapshot Snapshot, JsonElement? Analysis);
}

/// <summary>The camera-visibility rule as an API answer: null when allowed, else 404 or 403 with a reason.</summary>
public sealed class CameraScope(CameraVisibility visibility)
{
    public async Task<IResult?> Check(ClaimsPrincipal user, string cameraCode) => await visibility.Allows(user.Scope(), cameraCode) switch
    {
        null => Problems.NotFound($"Camera '{cameraCode}'"),
        true => null,
        false => Problems.OutOfScope($"Camera '{cameraCode}'"),
    };
}
