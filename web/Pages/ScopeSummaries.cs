using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Pages;

/// <summary>
/// Every store the viewer may see with its live summary (cameras, today's traffic, compliance, a closure): what the HQ
/// board and the mobile view show. One grain call per store.
/// </summary>
public sealed class ScopeSummaries(StoreRepository stores, IClusterClient cluster)
{
    public async Task<IReadOnlyList<(Store Store, StoreSummary Summary)>> Load(AccessScope scope)
    {
        var storeList = (await stores.List(scope, null, null, null, 1, 10_000)).Items;
        var summaries = await Task.WhenAll(storeList.Select(s => cluster.GetGrain<IStoreGrain>(s.Code).GetSummary()));
        return storeList.Zip(summaries).ToList();
    }
}
