using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Live;

/// <summary>
/// <c>/hubs/live</c>. A connection joins only the groups its scope allows: <c>hq</c> for head office,
/// <c>region:{code}</c> for a region manager, <c>store:{code}</c> for a store manager. Routing is done by
/// the server, so a browser never receives another region's data.
/// </summary>
[Authorize]
public sealed class LiveHub : Hub
{
    public const string Path = "/hubs/live";
    public const string HqGroup = "hq";

    public static string RegionGroup(string code) => $"region:{code}";

    public static string StoreGroup(string code) => $"store:{code}";

    public static string CameraGroup(string code) => $"camera:{code}";

    /// <summary>A camera page asks for that camera's snapshots; granted only within the viewer's scope.</summary>
    public async Task<bool> WatchCamera(string cameraCode, CameraVisibility visibility)
    {
        var allowed = await visibility.Allows(Context.User!.Scope(), cameraCode) == true;
        if (allowed) await Groups.AddToGroupAsync(Context.ConnectionId, CameraGroup(cameraCode));
        return allowed;
    }

    public override async Task OnConnectedAsync()
    {
        var scope = Context.User!.Scope();
        foreach (var group in GroupsFor(scope))
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        await base.OnConnectedAsync();
    }

    public static IEnumerable<string> GroupsFor(AccessScope scope) => scope.Role switch
    {
        Role.HqAdmin or Role.HqAnalyst => [HqGroup],
        Role.RegionManager => scope.RegionCodes.Select(RegionGroup).Concat(scope.StoreCodes.Select(StoreGroup)),
        _ => scope.StoreCodes.Select(StoreGroup),
    };

    /// <summary>The groups an update goes to: everyone above it in the chain who may see it.</summary>
    public static IEnumerable<string> GroupsOf(LiveUpdate update)
    {
        if (update.Topic == LiveUpdate.CameraSnapshotTopic)
        {
            if (update.Camera is not null) yield return CameraGroup(update.Camera.CameraCode);
            yield break;
        }
        yield return HqGroup;
        if (update.RegionCode is not null) yield return RegionGroup(update.RegionCode);
        if (update.StoreCode is not null) yield return StoreGroup(update.StoreCode);
    }
}
