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
    /// <summary>The competitor SKUs now, to compare with after a change that may flip some (<see cref="TellIfChanged"/>).</summary>
    public Task<IReadOnlySet<string>> Now() => skus.CompetitorCodes();

    /// <summary>Tells the stores with shelf plans when the competitor SKUs are no longer <paramref name="before"/>.</summary>
    public async Task TellIfChanged(IReadOnlySet<string> before)
    {
        if ((await skus.CompetitorCodes()).SetEquals(before)) return;
        await ChangedGrains.Tell(await planograms.StoresWithPlans(), store => cluster.GetGrain<IStoreGrain>(store).PlanChanged());
    }
}
