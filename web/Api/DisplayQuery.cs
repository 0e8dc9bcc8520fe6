using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>A shelf-display report request: stores in scope (store / region / chain), optionally one SKU, over days.</summary>
public sealed record DisplayQuery(StoreCoverage Coverage, string? Sku, DateOnly From, DateOnly To)
{
    /// <summary>Parses and checks a request; on failure, the API answer and (for pages) the messages of invalid fields.</summary>
    public static async Task<(DisplayQuery? Query, IResult? Problem, IReadOnlyList<string> Messages)> Read(AccessScope scope, string? store, string? region, string? sku,
        string? from, string? to, StoreRepository stores, DateOnly today)
    {
        var errors = new FieldErrors();
        var (fromDate, toDate) = ReportRequest.Period(errors, from, to, today.AddDays(-6), today);
        ReportRequest.OneTarget(errors, store, region);
        if (errors.Any) return (null, errors.ToResult(), errors.Localized);
        var (coverage, problem) = await StoreAccess.Resolve(scope, store, region, stores);
        return coverage is null ? (null, problem, []) : (new DisplayQuery(coverage, string.IsNullOrWhiteSpace(sku) ? null : sku.Trim(), fromDate, toDate), null, []);
    }

    public async Task<DisplayReport> Run(ShelfHistory history, SkuRepository skus, StoreRepository stores, CancellationToken cancellationToken)
    {
        var days = await history.Days(Coverage, From, To, cancellationToken);
        var trend = days.GroupBy(d => d.Day).OrderBy(g => g.Key).Select(g => new DisplayTrendDay(g.Key,
            Compliance(g.Sum(d => d.MatchingSlots), g.Sum(d => d.ObservedPlanned)),
            g.Sum(d => d.OwnFacings), g.Sum(d => d.CompetitorFacings), g.Sum(d => d.OutOfStock),
            Sku is null ? null : g.Sum(d => d.Facings.GetValueOrDefault(Sku)))).ToList();
        var lastDays = days.GroupBy(d => d.StoreCode).Select(g => g.OrderBy(d => d.Day).Last()).ToList();
        var latest = lastDays.OrderBy(d => d.StoreCode)
            .Select(d => new DisplayStoreRow(d.StoreCode, d.Day, d.Compliance, d.OwnFacings, d.CompetitorFacings, d.OutOfStock,
                Sku is null ? null : d.Facings.GetValueOrDefault(Sku))).ToList();
        var regions = Coverage.StoreCode is null && Coverage.RegionCode is null ? await ByRegion(lastDays, stores) : [];
        var bySku = await BySku(lastDays, skus, cancellationToken);
        return new DisplayReport(Coverage.StoreCode, Coverage.RegionCode, Sku, From, To, trend, latest, bySku, regions, await ByCategory(bySku, skus));
    }

    /// <summary>
    /// Category dimension (品类): the SKU rows added up by category — own and competitor facings, SKUs seen, the own share of
    /// the category's facings — most facings first. A SKU no longer in the master has no category and is left out.
    /// </summary>
    private static async Task<IReadOnlyList<DisplayCategoryRow>> ByCategory(IReadOnlyList<DisplaySkuRow> bySku, SkuRepository skus)
    {
        var categoryOf = await skus.Categories(bySku.Select(k => k.Sku).ToList());
        return bySku.Where(k => categoryOf.ContainsKey(k.Sku)).GroupBy(k => categoryOf[k.Sku], StringComparer.Ordinal).Select(g =>
        {
            int own = g.Where(k => !k.Competitor).Sum(k => k.Facings), competitor = g.Where(k => k.Competitor).Sum(k => k.Facings);
            return new DisplayCategoryRow(g.Key, own, competitor, g.Count(k => !k.Competitor), g.Count(k => k.Competitor),
                own + competitor == 0 ? null : Math.Round((double)own / (own + competitor), 4));
        }).OrderByDescending(c => c.OwnFacings + c.CompetitorFacings).ThenBy(c => c.Category, StringComparer.Ordinal).ToList();
    }

    /// <summary>Region dimension (区域维度), for a report over several regions: each region's stores on their latest day.</summary>
    private async Task<IReadOnlyList<DisplayRegionRow>> ByRegion(IReadOnlyList<ShelfDay> lastDays, StoreRepository stores)
    {
        var regionOf = (await stores.List(Coverage.Scope, null, null, null, 1, 10_000)).Items.ToDictionary(s => s.Code, s => s.RegionCode, StringComparer.Ordinal);
        var groups = lastDays.Where(d => regionOf.ContainsKey(d.StoreCode)).GroupBy(d => regionOf[d.StoreCode]).ToList();
        if (groups.Count < 2) return [];
        return groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new DisplayRegionRow(g.Key, g.Count(),
            Compliance(g.Sum(d => d.MatchingSlots), g.Sum(d => d.ObservedPlanned)),
            g.Sum(d => d.OwnFacings), g.Sum(d => d.CompetitorFacings), g.Sum(d => d.OutOfStock))).ToList();
    }

    /// <summary>
    /// SKU dimension (SKU 维度): each SKU on the stores' shelves on their latest day in the period — facings, stores
    /// showing it, share of all facings — most facings first.
    /// </summary>
    private static async Task<IReadOnlyList<DisplaySkuRow>> BySku(IReadOnlyList<ShelfDay> lastDays, SkuRepository skus, CancellationToken cancellationToken)
    {
        var facings = lastDays.SelectMany(d => d.Facings.Where(f => f.Value > 0)).GroupBy(f => f.Key, StringComparer.Ordinal)
            .Select(g => (Sku: g.Key, Facings: g.Sum(f => f.Value), Stores: g.Count())).ToList();
        if (facings.Count == 0) return [];
        var total = (double)facings.Sum(f => f.Facings);
        var names = await skus.Names(facings.Select(f => f.Sku).ToList());
        var competitors = await skus.CompetitorCodes(cancellationToken);
        return facings.OrderByDescending(f => f.Facings).ThenBy(f => f.Sku, StringComparer.Ordinal)
            .Select(f => new DisplaySkuRow(f.Sku, names.GetValueOrDefault(f.Sku), competitors.Contains(f.Sku), f.Facings, f.Stores, Math.Round(f.Facings / total, 4)))
            .ToList();
    }

    /// <summary>Matching over observed planned slots, summed over stores (each store's day row gives both).</summary>
    private static double? Compliance(int matching, int observedPlanned) => observedPlanned == 0 ? null : Math.Round((double)matching / observedPlanned, 4);
}

public sealed record DisplayTrendDay(DateOnly Day, double? Compliance, int OwnFacings, int CompetitorFacings, int OutOfStock, int? SkuFacings);

public sealed record DisplayStoreRow(string Store, DateOnly Day, double? Compliance, int OwnFacings, int CompetitorFacings, int OutOfStock, int? SkuFacings);

/// <param name="Name">null when the SKU is no longer in the master.</param>
/// <param name="Share">of all facings on those shelves.</param>
public sealed record DisplaySkuRow(string Sku, string? Name, bool Competitor, int Facings, int Stores, double Share);

public sealed record DisplayRegionRow(string Region, int Stores, double? Compliance, int OwnFacings, int CompetitorFacings, int OutOfStock);

/// <param name="OwnShare">own facings over all the category's facings.</param>
public sealed record DisplayCategoryRow(string Category, int OwnFacings, int CompetitorFacings, int OwnSkus, int CompetitorSkus, double? OwnShare);

/// <param name="Regions">one row per region when the report covers several (empty for one store or one region).</param>
public sealed record DisplayReport(string? Store, string? Region, string? Sku, DateOnly From, DateOnly To,
    IReadOnlyList<DisplayTrendDay> Trend, IReadOnlyList<DisplayStoreRow> Stores, IReadOnlyList<DisplaySkuRow> Skus,
    IReadOnlyList<DisplayRegionRow> Regions, IReadOnlyList<DisplayCategoryRow> Categories);
