using Microsoft.AspNetCore.Mvc;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Web.Pages;

/// <summary>陈列分析: compliance and facings by store, region or chain over days, optionally for one SKU across stores; Excel export.</summary>
public sealed class DisplayReportModel(StoreRepository storeRepository, RegionRepository regions, SkuRepository skus, ShelfHistory history, ReportCalendar calendar)
    : ReportPageModel(storeRepository, regions)
{
    [FromQuery] public string? Sku { get; set; }

    public DisplayReport? Result { get; private set; }
    /// <summary>Suggestions for the SKU filter; any code can be typed (a chain's master may hold more).</summary>
    public IReadOnlyList<Sku> Skus { get; private set; } = [];
    protected override string ExcelPath => "/api/display/report.xlsx";

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var scope = await LoadFilter();
        Skus = (await skus.List(null, null, null, 1, 1000)).Items;
        var (query, problem) = await DisplayQuery.Read(scope, Store, Region, Sku, From, To, Stores, calendar.Today);
        if (query is null) return problem is IStatusCodeHttpResult { StatusCode: 404 } ? NotFound() : problem is IStatusCodeHttpResult { StatusCode: 403 } ? Forbid() : BadRequest();
        From = query.From.ToString("yyyy-MM-dd");
        To = query.To.ToString("yyyy-MM-dd");
        Result = await query.Run(history, cancellationToken);
        return Page();
    }
}
