using SmartStore.Storage;

namespace SmartStore.Web.Analysis;

/// <summary>
/// 客流排名: where a store stands by entries a day over a period — among the chain's stores of its type, and among its
/// region's stores. Per day it counted traffic, so a store opened mid-month is not ranked by days it did not have.
/// </summary>
public sealed record StoreRank(double EntriesPerDay, int? InType, int TypeCount, string? Type, int? InRegion, int RegionCount)
{
    public static StoreRank? Of(string storeCode, IReadOnlyList<StoreTotal> chain)
    {
        var store = chain.FirstOrDefault(t => t.Code == storeCode);
        if (store is null) return null;
        static double PerDay(StoreTotal t) => t.Days == 0 ? 0 : (double)t.Entries / t.Days;
        var counted = chain.Where(t => t.Days > 0).ToList();
        int? Place(IEnumerable<StoreTotal> peers) => store.Days == 0 ? null : peers.Count(t => PerDay(t) > PerDay(store)) + 1;
        var type = counted.Where(t => t.Type == store.Type).ToList();
        var region = counted.Where(t => t.RegionCode == store.RegionCode).ToList();
        return new StoreRank(Math.Round(PerDay(store), 1), Place(type), type.Count, store.Type, Place(region), region.Count);
    }
}
