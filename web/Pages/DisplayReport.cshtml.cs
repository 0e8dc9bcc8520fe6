using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Web.Pages;

/// <summary>陈列分析: compliance and facings by store, region or chain over days, optionally for one SKU across stores; Excel export.</summary>
public sealed class DisplayReportModel(StoreRepository storeRepository, RegionRepository regions, SkuRepository skus, ShelfHistory history, ReportCalendar calendar,
    DictionaryRepository dictionary)
    : ReportPageModel(storeRepository, regions)
{
    [FromQuery] public string? Sku { get; set; }

    public DisplayReport? Result { get; private set; }
    /// <summary>Suggestions for the SKU filter; any code can be typed (a chain's master may hold more).</summary>
    public IReadOnlyList<Sku> Skus { get; private set; } = [];
    public IReadOnlyList<DictionaryEntry> Categories { get; private set; } = [];

    public string CategoryName(string code) => Display.Label(Categories.FirstOrDefault(c => c.Code == code), code);
    protected override string ExcelPath => "/api/display/report.xlsx";

    /// <summary>The SKU table shows the SKUs with the most facings; the Excel export has them all.</summary>
    public const int SkusShown = 30;

    /// <summary>This report (same stores and days) narrowed to one SKU.</summary>
    public string LinkForSku(string sku) => Link(Store, Region, sku);

    /// <summary>This report (same SKU and days) narrowed to one region.</summary>
    public string LinkForRegion(string region) => Link(null, region, Sku);

    private string Link(string? store, string? region, string? sku) => QueryHelpers.AddQueryString("/display", new Dictionary<string, string?>
    {
        ["store"] = store, ["region"] = region, ["sku"] = sku, ["from"] = From, ["to"] = To,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var scope = await LoadFilter();
        Skus = (await skus.List(null, null, null, 1, 1000)).Items;
        Categories = await dictionary.List(DictionaryRepository.SkuCategory);
        var (query, problem, messages) = await DisplayQuery.Read(scope, Store, Region, Sku, From, To, Stores, calendar.Today);
        if (query is null) return messages.Count > 0 ? Refused(messages) : this.Refusal(problem);
        From = query.From.ToString("yyyy-MM-dd");
        To = query.To.ToString("yyyy-MM-dd");
        Result = await query.Run(history, skus, Stores, cancellationToken);
        return Page();
    }
}
