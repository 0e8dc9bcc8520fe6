using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartStore.Storage;

namespace SmartStore.Silo.Ingest;

/// <summary>
/// <c>POST /api/ingest/{camera}</c> on the silo, for cameras and gateways that push over HTTP: a raw
/// <c>image/jpeg</c> body or a multipart form with one file. Authenticated by the camera's own credentials
/// (HTTP Basic) or an integrator's API key whose scope covers the camera's store. 202 only once the
/// snapshot is durable, exactly like FTP's 226.
/// </summary>
public static class HttpIngestEndpoint
{
    public static IEndpointRouteBuilder MapHttpIngest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ingest/{camera}", Ingest);
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok", role = "silo" }));
        return app;
    }

    private static async Task<IResult> Ingest(string camera, HttpContext context, SnapshotInbox inbox,
        CameraRepository cameras, CameraVisibility visibility, ApiKeys keys)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var refusal = await Authenticate(camera, context.Request, cameras, visibility, keys);
        if (refusal is not null)
        {
            await inbox.Refuse(new UploadOrigin(camera, "", address, "http"), UploadRejection.WrongPassword, refusal.Value.Detail);
            return Results.Problem(statusCode: refusal.Value.Status, detail: refusal.Value.Detail);
        }
        if (context.Request.ContentLength > inbox.MaxUploadBytes)
            return await Refused(inbox, camera, address, UploadRejection.TooLarge, $"Content-Length {context.Request.ContentLength} is over {inbox.MaxUploadBytes} bytes.");

        var (content, fileName) = await Body(context.Request);
        if (content is null) return Results.Problem(statusCode: 415, detail: "Send the snapshot as image/jpeg, or as multipart/form-data with one file.");
        var verdict = await inbox.Receive(new UploadOrigin(camera, fileName, address, "http"), content, context.RequestAborted);
        if (verdict.Accepted)
            return Results.Accepted($"/api/snapshots/{verdict.SnapshotId}/image", new { snapshotId = verdict.SnapshotId, duplicate = verdict.Duplicate });
        // A closed store's camera is no bad request: the store it sends for is gone (403, as a camera without rights).
        return Results.Problem(statusCode: verdict.Reason switch { UploadRejection.TooLarge => 413, UploadRejection.StoreClosedDown => 403, _ => 400 },
            title: $"Rejected ({verdict.Reason})", detail: verdict.Detail);
    }

    private static async Task<IResult> Refused(SnapshotInbox inbox, string camera, string address, UploadRejection reason, string detail)
    {
        await inbox.Refuse(new UploadOrigin(camera, "", address, "http"), reason, detail);
        return Results.Problem(statusCode: 413, detail: detail);
    }

    private static async Task<(Stream? Content, string FileName)> Body(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var file = form.Files.FirstOrDefault();
            return file is null ? (null, "") : (file.OpenReadStream(), file.FileName);
        }
        var type = request.ContentType ?? "";
        return type.StartsWith("image/jpeg", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            ? (request.Body, request.Headers["X-File-Name"].FirstOrDefault() ?? "")
            : (null, "");
    }

    private static async Task<(int Status, string Detail)?> Authenticate(string camera, HttpRequest request,
        CameraRepository cameras, CameraVisibility visibility, ApiKeys keys)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var apiKey))
        {
            var key = await keys.Verify(apiKey.ToString());
            if (key is null) return (401, "The API key is unknown or revoked.");
            return await visibility.Allows(key.Scope, camera) switch
            {
                null => (404, $"Camera '{camera}' does not exist."),
                true => null,
                false => (403, $"Camera '{camera}' is outside the API key's scope."),
            };
        }
        var credentials = CameraCredentials.FromBasicHeader(request.Headers.Authorization);
        if (credentials is null)
            return (401, "Send the camera's credentials (HTTP Basic, user = camera code) or an API key in X-Api-Key.");
        return credentials.CameraCode == camera && await cameras.VerifySecret(camera, credentials.Secret)
            ? null
            : (401, $"The credentials do not match camera '{camera}'.");
    }
}
