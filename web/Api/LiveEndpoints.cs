using System.Security.Claims;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>The current live picture for the viewer's scope, read from the grains (the page then follows /hubs/live).</summary>
public static class LiveEndpoints
{
    public sealed record StoreCameras(string StoreCode, string StoreName, string RegionCode, string City, IReadOnlyList<CameraStatus> Cameras);

    public static RouteGroupBuilder MapLive(this RouteGroupBuilder api)
    {
        api.MapGet("/live/cameras", async (ClaimsPrincipal user, StoreRepository stores, IClusterClient cluster) =>
            Results.Ok(await CameraBoard(user.Scope(), stores, cluster)))
            .WithSummary("Every camera in the caller's scope: online, offline, view faults, last picture").Produces<IReadOnlyList<LiveEndpoints.StoreCameras>>().WithTags("Live");
        return api;
    }

    public static async Task<IReadOnlyList<StoreCameras>> CameraBoard(AccessScope scope, StoreRepository stores, IClusterClient cluster)
    {
        var page = await stores.List(scope, null, null, null, 1, 10_000, StoreStages.Live);
        var tasks = page.Items.Select(async s =>
            new StoreCameras(s.Code, s.Name, s.RegionCode, s.City, await cluster.GetGrain<IStoreGrain>(s.Code).GetCameras()));
        return await Task.WhenAll(tasks);
    }
}
