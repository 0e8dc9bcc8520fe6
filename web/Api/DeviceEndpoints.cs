using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Endpoints cameras call themselves. They authenticate with the camera's own credentials (HTTP Basic,
/// user = camera code, password = its secret), never with a user cookie.
/// </summary>
public static class DeviceEndpoints
{
    public sealed record HeartbeatInput(string? Firmware);

    public static RouteGroupBuilder MapDevices(this RouteGroupBuilder api)
    {
        api.MapPost("/devices/{camera}/heartbeat", Heartbeat).WithSummary("A camera's heartbeat, signed with its secret (no key needed)").Produces<CameraStatus>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).AllowAnonymous().WithTags("Devices");
        return api;
    }

    private static async Task<IResult> Heartbeat(string camera, HttpRequest request, CameraRepository cameras,
        IClusterClient cluster, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger("SmartStore.Devices");
        var credentials = CameraCredentials.FromBasicHeader(request.Headers.Authorization);
        if (credentials is null)
            return Results.Problem(statusCode: 401, title: "Camera credentials required",
                detail: "Send the camera's credentials with HTTP Basic authentication (user = camera code).");
        if (credentials.CameraCode != camera || !await cameras.VerifySecret(camera, credentials.Secret))
        {
            log.LogWarning("Heartbeat for {Camera} from {Address} rejected: wrong credentials", camera, request.HttpContext.Connection.RemoteIpAddress);
            return Results.Problem(statusCode: 401, title: "Wrong camera credentials",
                detail: $"The credentials do not match camera '{camera}'.");
        }
        var firmware = await ReadFirmware(request);
        var beat = new Heartbeat(DateTime.UtcNow, firmware, request.HttpContext.Connection.RemoteIpAddress?.ToString());
        var status = await cluster.GetGrain<ICameraGrain>(camera).Heartbeat(beat);
        return Results.Ok(status);
    }

    /// <summary>The body is optional (many cameras send none); when present it must be small JSON.</summary>
    private static async Task<string?> ReadFirmware(HttpRequest request)
    {
        if (request.ContentLength is null or 0 || request.ContentLength > 4096 || !request.HasJsonContentType()) return null;
        try
        {
            var input = await request.ReadFromJsonAsync<HeartbeatInput>();
            return input?.Firmware is { Length: <= 60 } firmware ? firmware : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
