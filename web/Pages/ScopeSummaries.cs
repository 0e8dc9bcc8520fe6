using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Pages;

/// <summary>
/// Every store the viewer may see that has not closed for good, with its live summary (cameras, today's traffic,
/// compliance, a closure): what the HQ board, the wall screens and the mobile view show — a store closed for good is
/// history, not a row of zeros among them. One grain call per store.
/// </summary>
public sealed class ScopeSummaries(StoreRepository stores, IClusterClient cluster)
{
    /// <param name="tradingOnly">only the stores trading today, as a wall screen of their performance shows them; else those
    /// being prepared too, whose cameras go up before they open.</param>
    public async Task<IReadOnlyList<(Store Store, StoreSummary Summary)>> Load(AccessScope scope, bool tradingOnly = false)
    {
        var storeList = (await stores.List(scope, null, null, null, 1, 10_000, tradingOnly ? [StoreStage.Trading] : StoreStages.Live)).Items;
        var summaries = await Task.WhenAll(storeList.Select(s => cluster.GetGrain<IStoreGrain>(s.Code).GetSummary()));
        return storeList.Zip(summaries).ToList();
    }

    /// <summary>How many of the viewer's stores have closed for good: off the board, which then says so rather than look short.</summary>
    public async Task<int> ClosedDown(AccessScope scope) => (await stores.List(scope, null, null, null, 1, 1, [StoreStage.ClosedDown])).Total;
}
