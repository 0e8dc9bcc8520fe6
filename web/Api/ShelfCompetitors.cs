using SmartStore.GrainInterfaces;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Which SKUs are competitors' decides each store's share of shelf and its "competitor in an own slot" alerts. When a
/// SKU's flag changes (its page, the API, a sheet), the stores with shelf plans re-read the list at once, instead of at
/// their next ten-minute re-read.
/// </summary>
public sealed class ShelfCompetitors(SkuRepository skus, PlanogramRepository planograms, IClusterClient cluster)
{
    /// <summary>
    /// Runs a change of SKUs and, when it changed which SKUs are competitors', tells the stores with shelf plans; the
    /// change's own answer comes back.
    /// </summary>
    public async Task<T> Around<T>(Func<Task<T>> change)
    {
        var before = await skus.CompetitorCodes();
        var outcome = await change();
        if (!(await skus.CompetitorCodes()).SetEquals(before))
            await ChangedGrains.Tell(await planograms.StoresWithPlans(), store => cluster.GetGrain<IStoreGrain>(store).PlanChanged());
        return outcome;
    }
}
