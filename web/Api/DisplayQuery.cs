using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>A shelf-display report request: stores in scope (store / region / chain), optionally one SKU, over days.</summary>
public sealed record DisplayQuery(StoreCoverage Coverage, string? Sku, DateOnly From, DateOnly To)
{
    public static async Task<(DisplayQuery? Query, IResult? Problem)> Read(AccessScope scope, string? store, string? region, string? sku,
        string? from, string? to, StoreRepository stores, DateOnly today)
    {
        var errors = new FieldErrors();
        var (fromDate, toDate) = ReportRequest.Period(errors, from, to, today.AddDays(-6), today);
        ReportRequest.OneTarget(errors, store, region);
        if (errors.Any) return (null, errors.ToResult());
        var (coverage, problem) = await StoreAccess.Resolve(scope, store, region, stores);
        return coverage is null ? (null, problem) : (new DisplayQuery(coverage, string.IsNullOrWhiteSpace(sku) ? null : sku.Trim(), fromDate, toDate), null);
    }

    public async Task<DisplayReport> Run(ShelfHistory history, CancellationToken cancellationToken)
    {
        var days = await history.Days(Coverage, From, To, cancellationToken);
        var trend = days.GroupBy(d => d.Day).OrderBy(g => g.Key).Select(g => new DisplayTrendDay(g.Key,
            Compliance(g.Sum(d => d.MatchingSlots), g.Sum(d => d.ObservedPlanned)),
            g.Sum(d => d.OwnFacings), g.Sum(d => d.CompetitorFacings), g.Sum(d => d.OutOfStock),
            Sku is null ? null : g.Sum(d => d.Facings.GetValueOrDefault(Sku)))).ToList();
        var latest = days.GroupBy(d => d.StoreCode).Select(g => g.OrderBy(d => d.Day).Last()).OrderBy(d => d.StoreCode)
            .Select(d => new DisplayStoreRow(d.StoreCode, d.Day, d.Compliance, d.OwnFacings, d.CompetitorFacings, d.OutOfStock,
                Sku is null ? null : d.Facings.GetValueOrDefault(Sku))).ToList();
        return new DisplayReport(Coverage.StoreCode, Coverage.RegionCode, Sku, From, To, trend, latest);
    }

    /// <summary>Matching over observed planned slots, summed over stores (each store's day row gives both).</summary>
    private static double? Compliance(int matching, int observedPlanned) => observedPlanned == 0 ? null : Math.Round((double)matching / observedPlanned, 4);
}

public sealed record DisplayTrendDay(DateOnly Day, double? Compliance, int OwnFacings, int CompetitorFacings, int OutOfStock, int? SkuFacings);

public sealed record DisplayStoreRow(string Store, DateOnly Day, double? Compliance, int OwnFacings, int CompetitorFacings, int OutOfStock, int? SkuFacings);

public sealed record DisplayReport(string? Store, string? Region, string? Sku, DateOnly From, DateOnly To,
    IReadOnlyList<DisplayTrendDay> Trend, IReadOnlyList<DisplayStoreRow> Stores);
