using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>When a store is told it stands out from its peers or from its own previous period (setting section StoreBenchmark).</summary>
public sealed record StoreBenchmarkOptions
{
    /// <summary>How far from its peers' average, either way, a store's entries a day or entry rate must be: 0.3 = 30 %.</summary>
    public double PeerDeviation { get; init; } = 0.3;
    /// <summary>How much a store's entries a day must rise or fall against the period before.</summary>
    public double PeriodChange { get; init; } = 0.3;
    /// <summary>
    /// Entries a day the baseline (the peers' average, or the store's period before) must reach before a store is judged
    /// against it: below it, a handful of people more or less are most of the difference.
    /// </summary>
    public double MinDailyEntries { get; init; } = 20;
    /// <summary>
    /// A day the store's door cameras were offline or had a view fault for more than this share of its opening hours is
    /// partly counted: left out of its entries a day (its peers' average included), and the store flagged partly-counted.
    /// </summary>
    public double MaxDoorBlindShare { get; init; } = DoorGaps.MaxBlindShare;
    /// <summary>
    /// The share of everyone coming in that came while the store was closed by its hours, and how many a day, from which a
    /// store is flagged off-hours-entries: staff arriving and a cleaner are a few a day; more says the hours kept for it are
    /// wrong (customers before the opening time it has on file are not counted) or it trades outside them.
    /// </summary>
    public double OffHoursShare { get; init; } = 0.2;
    public double MinOffHoursDaily { get; init; } = 10;
}

/// <summary>
/// Stores of one type (their first tag) that reported traffic in the period: their average entries a day, and the average
/// entry rate of the <paramref name="RatedStores"/> among them that count passers-by.
/// </summary>
public sealed record PeerGroup(string? Type, int Stores, double DailyEntries, int RatedStores, double? EntryRate);

/// <summary>
/// One store against its peers and its own period before: entries a day as a share of its peers' average
/// (<see cref="PeerIndex"/>, 1 = average), its entry rate as a share of theirs, the change in entries a day, and
/// the flags a region manager follows up (below-peers, entry-rate-low, entries-drop … ; no-traffic: nothing counted;
/// looked-closed: on <see cref="ClosedDays"/> days nobody came in for a spell of its opening hours while many walked past;
/// partly-counted: on <see cref="PartlyCountedDays"/> days its door cameras were blind for a spell, which its entries a
/// day leave out; off-hours-entries: many of <see cref="OffHoursEntries"/>, people coming in while it was closed by its hours).
/// </summary>
public sealed record StoreStanding(
    string Code, string Name, string RegionCode, string? Type, int Days, int Entries, double? DailyEntries, int PassersBy,
    double? EntryRate, int UniqueVisitors, double? AverageDwellSeconds, PeerGroup? Peers, double? PeerIndex,
    double? EntryRateIndex, double? EntriesChange, int ClosedDays, int PartlyCountedDays, IReadOnlyList<string> Flags, int OffHoursEntries = 0)
{
    public const string NoTraffic = "no-traffic", PartlyCounted = "partly-counted", OffHours = "off-hours-entries";

    /// <summary>The flags for something it did (below or above its peers, a drop …), not for what its cameras could not count.</summary>
    public IEnumerable<string> DoingFlags => Flags.Where(f => f is not (NoTraffic or PartlyCounted));

    /// <summary>Flagged for something it did, not only for what its cameras could not count.</summary>
    public bool StandsOut => DoingFlags.Any();
}

/// <summary>
/// 门店对标 (seed 001): each store's traffic against the average of the chain's stores of its type — the flagship mall
/// store counting far below the other mall stores is where head office looks first (it found staff closing at 19:50) —
/// and against its own period before (进店环比). Pure arithmetic over <see cref="StoreTotals"/>.
/// </summary>
public static class StoreBenchmark
{
    public static (IReadOnlyList<PeerGroup> Groups, IReadOnlyList<StoreStanding> Stores) Compare(
        IReadOnlyList<StoreTotal> now, IReadOnlyList<StoreTotal> before, StoreBenchmarkOptions options)
    {
        var groups = now.Where(s => s.WholeDays > 0).GroupBy(s => s.Type)
            .Select(g => new PeerGroup(g.Key, g.Count(), g.Average(s => s.DailyEntries!.Value), g.Count(s => s.EntryRate is not null), Mean(g.Select(s => s.EntryRate))))
            .ToList();
        var earlier = before.ToDictionary(s => s.Code);
        var stores = now.Where(s => s.Covered)
            .Select(s => Stand(s, groups.FirstOrDefault(g => g.Type == s.Type), earlier.GetValueOrDefault(s.Code), options))
            // Those that counted nobody first, then the furthest below their peers: what a long list is read for.
            .OrderBy(s => s.Days == 0 ? -1 : s.PeerIndex ?? double.MaxValue).ThenBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        return (groups.OrderBy(g => g.Type, StringComparer.Ordinal).ToList(), stores);
    }

    private static StoreStanding Stand(StoreTotal store, PeerGroup? peers, StoreTotal? before, StoreBenchmarkOptions options)
    {
        var flags = new List<string>();
        double? daily = store.DailyEntries, rate = store.EntryRate;
        if (store.Days == 0) flags.Add(StoreStanding.NoTraffic);
        // Alone in its type, a store is its own average: nothing to compare with.
        var judged = peers is { Stores: >= 2 } && peers.DailyEntries >= options.MinDailyEntries;
        double? index = judged && daily is { } d ? d / peers!.DailyEntries : null;
        double? rateIndex = judged && rate is { } r && peers!.RatedStores >= 2 && peers.EntryRate is { } pr and > 0 ? r / pr : null;
        Flag(flags, index, options.PeerDeviation, "below-peers", "above-peers");
        Flag(flags, rateIndex, options.PeerDeviation, "entry-rate-low", "entry-rate-high");
        double? change = daily is { } now && before?.DailyEntries is { } was && was >= options.MinDailyEntries ? now / was - 1 : null;
        Flag(flags, change + 1, options.PeriodChange, "entries-drop", "entries-jump");
        if (store.ClosedDays > 0) flags.Add("looked-closed");
        if (store.PartlyCountedDays > 0) flags.Add(StoreStanding.PartlyCounted);
        if (ManyOffHours(store, options)) flags.Add(StoreStanding.OffHours);
        return new StoreStanding(store.Code, store.Name, store.RegionCode, store.Type, store.Days, store.Entries, Round(daily),
            store.PassersBy, Round(rate), store.UniqueVisitors, store.AverageDwellSeconds, peers, Round(index), Round(rateIndex), Round(change),
            store.ClosedDays, store.PartlyCountedDays, flags, store.OffHoursEntries);
    }

    private static bool ManyOffHours(StoreTotal store, StoreBenchmarkOptions options) =>
        store.OffHoursEntries >= options.OffHoursShare * (store.Entries + store.OffHoursEntries)
        && store.OffHoursEntries >= options.MinOffHoursDaily * Math.Max(1, store.Days);

    private static void Flag(List<string> flags, double? ratio, double deviation, string low, string high)
    {
        if (ratio <= 1 - deviation) flags.Add(low);
        else if (ratio >= 1 + deviation) flags.Add(high);
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToList();
        return known.Count == 0 ? null : known.Average();
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
