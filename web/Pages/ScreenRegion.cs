using SmartStore.Models;

namespace SmartStore.Web.Pages;

/// <summary>The region a wall screen opens on its own (<c>?region=</c>), for the traffic and the display screens alike.</summary>
public static class ScreenRegion
{
    /// <summary>
    /// The region asked for, or null for all the viewer's stores (no code, or an empty one); Refused when the code is no
    /// region the viewer may open — a store manager sees the regions' names but opens none.
    /// </summary>
    public static (Region? Shown, bool Refused) Of(string? code, IReadOnlyList<Region> regions, AccessScope scope)
    {
        if (string.IsNullOrEmpty(code)) return (null, false);
        var region = regions.FirstOrDefault(r => r.Code == code);
        return region is not null && scope.AllowsRegion(region.Code) ? (region, false) : (null, true);
    }

    /// <summary>Whether the viewer may open any region (the regions' chart then says a tap opens one).</summary>
    public static bool MayOpenAny(IReadOnlyList<Region> regions, AccessScope scope) => regions.Any(r => scope.AllowsRegion(r.Code));
}
