using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>Which stores a request may cover (reports, live counters, staff, shelves), checked against the viewer's scope.</summary>
public static class StoreAccess
{
    public static async Task<(StoreCoverage? Coverage, IResult? Problem)> Resolve(AccessScope scope, string? store, string? region, StoreRepository stores)
    {
        if (store is not null)
        {
            var found = await stores.Find(store);
            if (found is null) return (null, Problems.NotFound($"Store '{store}'"));
            if (!scope.AllowsStore(found.Code, found.RegionCode)) return (null, Problems.OutOfScope($"Store '{store}'"));
            return (new StoreCoverage(scope, store, null), null);
        }
        if (region is not null)
            return scope.AllowsRegion(region) ? (new StoreCoverage(scope, null, region), null) : (null, Problems.OutOfScope($"Region '{region}'"));
        // Nothing named: everything the scope allows (the chain for head office, own regions or stores for managers).
        return (new StoreCoverage(scope, null, null), null);
    }
}
