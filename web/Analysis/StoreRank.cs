using SmartStore.Storage;

namespace SmartStore.Web.Analysis;

/// <summary>
/// 客流排名: where a store stands by entries a day over a period — among the chain's stores of its type, and among its
/// region's stores. Per day it counted traffic, so a store opened mid-month is not ranked by days it did not have.
/// Also its place by average dwell time and by entry rate among the stores of its type that measured those (seed 001's
/// store page: 排名、停留时长).
/// </summary>
public sealed record StoreRank(double EntriesPerDay, int? InType, int TypeCount, string? Type, int? InRegion, int RegionCount,
    PeerPlace? Dwell = null, PeerPlace? EntryRate = null)
{
    public static StoreRank? Of(string storeCode, IReadOnlyList<StoreTotal> chain)
    {
        var store = chain.FirstOrDefault(t => t.Code == storeCode);
        if (store is null) return null;
        // Over the days each door counted whole: a day its camera was blind for a spell would sink it (门店对标 does the same).
        static double PerDay(StoreTotal t) => t.DailyEntries ?? 0;
        var counted = chain.Where(t => t.WholeDays > 0).ToList();
        int? PlaceAmong(IEnumerable<StoreTotal> peers) => store.WholeDays == 0 ? null : peers.Count(t => PerDay(t) > PerDay(store)) + 1;
        var type = counted.Where(t => t.Type == store.Type).ToList();
        var region = counted.Where(t => t.RegionCode == store.RegionCode).ToList();
        return new StoreRank(Math.Round(PerDay(store), 1), PlaceAmong(type), type.Count, store.Type, PlaceAmong(region), region.Count,
            PlaceBy(store, type, t => t.AverageDwellSeconds), PlaceBy(store, type, t => t.EntryRate));
    }

    /// <summary>The store's place by one figure (1 = highest) among the peers that measured it; none if it did not.</summary>
    private static PeerPlace? PlaceBy(StoreTotal store, IReadOnlyList<StoreTotal> peers, Func<StoreTotal, double?> figure)
    {
        if (figure(store) is not { } value) return null;
        var measured = peers.Select(figure).OfType<double>().ToList();
        return new PeerPlace(measured.Count(v => v > value) + 1, measured.Count, Math.Round(value, 4));
    }
}

/// <summary>A store's place by one figure among the stores of its type that measured it (1 = highest), and the figure.</summary>
public sealed record PeerPlace(int At, int Of, double Value);
