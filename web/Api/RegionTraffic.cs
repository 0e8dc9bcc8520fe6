namespace SmartStore.Web.Api;

/// <summary>
/// 区域维度人流量: a region's stores added up over a report's period — how many counted, entries, passers-by, entry rate,
/// unique visitors and entries per store a day — so head office compares regions before it compares stores.
/// </summary>
public sealed record RegionTraffic(string RegionCode, int Stores, int StoresCounted, int Entries, int PassersBy, double? EntryRate,
    int UniqueVisitors, double? DailyEntriesPerStore, int StoresFlagged)
{
    /// <summary>The covered stores' standings by region, busiest region first.</summary>
    public static IReadOnlyList<RegionTraffic> Of(IReadOnlyList<StoreStanding> stores) =>
        stores.GroupBy(s => s.RegionCode).Select(g =>
        {
            var counted = g.Where(s => s.Days > 0).ToList();
            int entries = g.Sum(s => s.Entries), passers = g.Sum(s => s.PassersBy);
            return new RegionTraffic(g.Key, g.Count(), counted.Count, entries, passers,
                entries + passers == 0 ? null : Math.Round((double)entries / (entries + passers), 4),
                g.Sum(s => s.UniqueVisitors),
                counted.Count == 0 ? null : Math.Round(counted.Average(s => s.DailyEntries ?? 0), 1),
                g.Count(s => s.StandsOut));
        }).OrderByDescending(r => r.Entries).ThenBy(r => r.RegionCode, StringComparer.Ordinal).ToList();
}
