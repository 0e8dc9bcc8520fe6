using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>Which stores a request may cover (reports, live counters, staff, shelves), checked against the viewer's scope.</summary>
public static class StoreAccess
{
    /// <summary>
    /// A blank store or region (<c>?region=</c>, as an emptied filter sends it) names nothing; a region that does not exist
    /// is a 404, not an empty report an integrator would take for a quiet region.
    /// </summary>
    public static async Task<(StoreCoverage? Coverage, IResult? Problem)> Resolve(AccessScope scope, string? store, string? region, StoreRepository stores)
    {
        store = PlanningInput.Blank(store);
        region = PlanningInput.Blank(region);
        if (store is not null)
        {
            var (found, problem) = await Visible(scope, store, stores);
            return found is null ? (null, problem) : (new StoreCoverage(scope, store, null), null);
        }
        if (region is not null)
        {
            if (!await stores.RegionExists(region)) return (null, Problems.NotFound($"Region '{region}'"));
            return scope.AllowsRegion(region) ? (new StoreCoverage(scope, null, region), null) : (null, Problems.OutOfScope($"Region '{region}'"));
        }
        // Nothing named: everything the scope allows (the chain for head office, own regions or stores for managers).
        return (new StoreCoverage(scope, null, null), null);
    }

    /// <summary>The store named, when it exists and the scope may see it; otherwise the problem to answer (404 or 403).</summary>
    public static async Task<(Store? Store, IResult? Problem)> Visible(AccessScope scope, string code, StoreRepository stores)
    {
        var store = await stores.Find(code);
        if (store is null) return (null, Problems.NotFound($"Store '{code}'"));
        return scope.AllowsStore(store.Code, store.RegionCode) ? (store, null) : (null, Problems.OutOfScope($"Store '{code}'"));
    }
}
