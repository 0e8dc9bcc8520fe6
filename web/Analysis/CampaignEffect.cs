using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Analysis;

/// <summary>
/// A group of stores over a period: how many, the store-days their doors counted traffic on whole, and their entries and
/// passers-by on those days — a day a door camera was blind for a spell (<see cref="DoorGaps"/>) would read as a drop.
/// </summary>
public sealed record StoreGroupFigures(int Stores, int StoreDays, int Entries, int PassersBy)
{
    public double? EntriesPerStoreDay => StoreDays == 0 ? null : Math.Round((double)Entries / StoreDays, 1);
    public double? EntryRate => TrafficCounters.EntryRateOf(Entries, PassersBy) is { } rate ? Math.Round(rate, 4) : null;

    public static StoreGroupFigures Of(IEnumerable<StoreTotal> totals)
    {
        var list = totals.ToList();
        return new StoreGroupFigures(list.Count, list.Sum(t => t.WholeDays), list.Sum(t => t.WholeEntries), list.Sum(t => t.WholePassersBy));
    }
}

/// <summary>
/// The campaign's period against an earlier one (<c>before</c>: the same number of days just before; <c>last-year</c>: the
/// same dates a year earlier, seed 001's 同期), for the campaign's stores and for the chain's other stores — only stores
/// that counted traffic in both periods (like-for-like). <see cref="Lift"/>: how much more the campaign's stores grew than
/// the others, (1 + theirs) ÷ (1 + others') − 1, so the season and the holiday that every store had are taken out.
/// </summary>
public sealed record CampaignComparison(string Kind, DateOnly From, DateOnly To,
    StoreGroupFigures CampaignThen, StoreGroupFigures CampaignNow, StoreGroupFigures OthersThen, StoreGroupFigures OthersNow)
{
    public double? CampaignChange => Change(CampaignNow, CampaignThen);
    public double? OthersChange => Change(OthersNow, OthersThen);
    public double? Lift => CampaignChange is { } c && OthersChange is { } o ? Math.Round((1 + c) / (1 + o) - 1, 4) : null;

    private static double? Change(StoreGroupFigures now, StoreGroupFigures then) =>
        now.EntriesPerStoreDay is { } n && then.EntriesPerStoreDay is { } t && t > 0 ? Math.Round(n / t - 1, 4) : null;
}

/// <summary>A campaign's effect on foot traffic: its days so far (a running campaign: up to yesterday) against two baselines.</summary>
public sealed record CampaignEffect(Campaign Campaign, DateOnly? Through, StoreGroupFigures InCampaign, StoreGroupFigures Others,
    CampaignComparison? Before, CampaignComparison? LastYear)
{
    /// <summary>
    /// Judges the days of the campaign that are over: <paramref name="now"/>, <paramref name="before"/> and
    /// <paramref name="lastYear"/> are every store's totals over the campaign's days, the days before and a year earlier.
    /// The campaign's stores are those of them the viewer sees (<see cref="StoreTotal.Covered"/>); the others, the chain's
    /// other stores, are the benchmark whoever looks, as the peers of 门店对标 are.
    /// </summary>
    public static CampaignEffect Judge(Campaign campaign, DateOnly through, IReadOnlySet<string> campaignStores,
        IReadOnlyList<StoreTotal> now, IReadOnlyList<StoreTotal> before, IReadOnlyList<StoreTotal> lastYear)
    {
        var seen = now.Where(t => t.Covered).Select(t => t.Code).ToHashSet();
        var inCampaign = campaignStores.Where(seen.Contains).ToHashSet();
        var days = through.DayNumber - campaign.From.DayNumber + 1;
        return new CampaignEffect(campaign, through,
            StoreGroupFigures.Of(now.Where(t => inCampaign.Contains(t.Code) && t.WholeDays > 0)),
            StoreGroupFigures.Of(now.Where(t => !campaignStores.Contains(t.Code) && t.WholeDays > 0)),
            Compare("before", campaign.From.AddDays(-days), campaign.From.AddDays(-1), inCampaign, campaignStores, now, before),
            Compare("last-year", campaign.From.AddYears(-1), through.AddYears(-1), inCampaign, campaignStores, now, lastYear));
    }

    /// <summary>Nothing to judge yet: the campaign starts today or later.</summary>
    public static CampaignEffect NotStarted(Campaign campaign) =>
        new(campaign, null, new StoreGroupFigures(0, 0, 0, 0), new StoreGroupFigures(0, 0, 0, 0), null, null);

    private static CampaignComparison? Compare(string kind, DateOnly from, DateOnly to, IReadOnlySet<string> inCampaign,
        IReadOnlySet<string> campaignStores, IReadOnlyList<StoreTotal> now, IReadOnlyList<StoreTotal> then)
    {
        var counted = then.Where(t => t.WholeDays > 0).Select(t => t.Code).ToHashSet();
        var both = now.Where(t => t.WholeDays > 0 && counted.Contains(t.Code)).Select(t => t.Code).ToHashSet();
        if (both.Count == 0) return null;
        StoreGroupFigures Group(IEnumerable<StoreTotal> totals, Func<string, bool> member) =>
            StoreGroupFigures.Of(totals.Where(t => both.Contains(t.Code) && member(t.Code)));
        bool Other(string code) => !campaignStores.Contains(code);
        return new CampaignComparison(kind, from, to, Group(then, inCampaign.Contains), Group(now, inCampaign.Contains), Group(then, Other), Group(now, Other));
    }
}

/// <summary>Loads a campaign's three periods and judges them, for the page and the API alike.</summary>
public sealed class CampaignEffectQuery(Campaigns campaigns, StoreTotals totals)
{
    public async Task<CampaignEffect> For(Campaign campaign, AccessScope scope, DateOnly today, CancellationToken cancellationToken = default)
    {
        // Only whole days: today is still going, and compared with a whole day it would always look like a drop.
        var through = campaign.To < today ? campaign.To : today.AddDays(-1);
        if (through < campaign.From) return CampaignEffect.NotStarted(campaign);
        var days = through.DayNumber - campaign.From.DayNumber + 1;
        var chain = new StoreCoverage(scope, null, null);
        var stores = await campaigns.StoresOf(campaign, cancellationToken);
        var now = await totals.Over(chain, campaign.From, through, cancellationToken);
        var before = await totals.Over(chain, campaign.From.AddDays(-days), campaign.From.AddDays(-1), cancellationToken);
        var lastYear = await totals.Over(chain, campaign.From.AddYears(-1), through.AddYears(-1), cancellationToken);
        return CampaignEffect.Judge(campaign, through, stores, now, before, lastYear);
    }
}
