using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Pages;

/// <summary>The region a wall screen opens on its own (<c>?region=</c>), for the traffic and the display screens alike.</summary>
public static class ScreenRegion
{
    /// <summary>Why a screen does not open the region asked for.</summary>
    public enum Refusal { None, Unknown, OutsideScope }

    /// <summary>
    /// The region asked for, or null for all the viewer's stores (no code, or an empty one). A code that is no region is
    /// Unknown (404); a region the viewer may not open is OutsideScope (403, as the other pages and the API answer) — a
    /// store manager sees the regions' names but opens none.
    /// </summary>
    public static async Task<(Region? Shown, Refusal Refusal)> Of(string? code, IReadOnlyList<Region> regions, AccessScope scope, RegionRepository repository)
    {
        if (string.IsNullOrEmpty(code)) return (null, Refusal.None);
        // The viewer's list holds only the regions they may see; one outside it may still exist.
        var region = regions.FirstOrDefault(r => r.Code == code) ?? await repository.Find(code);
        if (region is null) return (null, Refusal.Unknown);
        return scope.AllowsRegion(region.Code) ? (region, Refusal.None) : (null, Refusal.OutsideScope);
    }

    /// <summary>Whether the viewer may open any region (the regions' chart then says a tap opens one).</summary>
    public static bool MayOpenAny(IReadOnlyList<Region> regions, AccessScope scope) => regions.Any(r => scope.AllowsRegion(r.Code));
}
