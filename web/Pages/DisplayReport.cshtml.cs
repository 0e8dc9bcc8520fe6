using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>陈列分析: compliance and facings by store, region or chain over days, optionally for one SKU across stores; Excel export.</summary>
public sealed class DisplayReportModel(StoreRepository stores, RegionRepository regions, SkuRepository skus, ShelfHistory history, ReportCalendar calendar) : PageModel
{
    [FromQuery] public string? Store { get; set; }
    [FromQuery] public string? Region { get; set; }
    [FromQuery] public string? Sku { get; set; }
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }

    public DisplayReport? Result { get; private set; }
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<Store> StoreChoices { get; private set; } = [];
    public IReadOnlyList<Sku> Skus { get; private set; } = [];
    public string ExcelLink => "/api/display/report.xlsx" + Request.QueryString;

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        Regions = await regions.List(scope);
        StoreChoices = (await stores.List(scope, null, null, null, 1, 10_000)).Items;
        Skus = (await skus.List(null, null, null, 1, 1000)).Items;
        Store = string.IsNullOrWhiteSpace(Store) ? null : Store.Trim();
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region;
        if (Store is null && Region is null && scope.Role == Role.StoreManager && scope.StoreCodes.Count > 0) Store = scope.StoreCodes[0];
        var (query, problem) = await DisplayQuery.Read(scope, Store, Region, Sku, From, To, stores, calendar.Today);
        if (query is null) return problem is IStatusCodeHttpResult { StatusCode: 404 } ? NotFound() : problem is IStatusCodeHttpResult { StatusCode: 403 } ? Forbid() : BadRequest();
        From = query.From.ToString("yyyy-MM-dd");
        To = query.To.ToString("yyyy-MM-dd");
        Result = await query.Run(history, cancellationToken);
        return Page();
    }
}
