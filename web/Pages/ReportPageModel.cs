using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>What the report pages (foot traffic, shelf display) share: the store / region / period filter and its choices.</summary>
public abstract class ReportPageModel(StoreRepository stores, RegionRepository regions) : PageModel
{
    [FromQuery] public string? Store { get; set; }
    [FromQuery] public string? Region { get; set; }
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public string RegionName(string code) => Display.RegionName(Regions.FirstOrDefault(r => r.Code == code), code);
    public IReadOnlyList<Store> StoreChoices { get; private set; } = [];

    /// <summary>Why the filter could not be read (a date typed wrong, a period that ends before it starts).</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The same report as an .xlsx workbook: the API's export with this page's query.</summary>
    public string ExcelLink => ExcelPath + Request.QueryString;

    protected abstract string ExcelPath { get; }

    /// <summary>For the report query's check that a named store exists and may be seen.</summary>
    protected StoreRepository Stores => stores;

    /// <summary>The page with its filter and the reasons, and no report.</summary>
    protected IActionResult Refused(IReadOnlyList<string> messages)
    {
        Errors = messages;
        return Page();
    }

    /// <summary>Loads the filter's choices within the viewer's scope and tidies the filter; returns the scope.</summary>
    protected async Task<AccessScope> LoadFilter()
    {
        var scope = User.Scope();
        Regions = await regions.List(scope);
        StoreChoices = (await stores.List(scope, null, null, null, 1, 10_000)).Items;
        Store = string.IsNullOrWhiteSpace(Store) ? null : Store.Trim();
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region;
        // A store manager sees only their store: default to it rather than an empty chain-wide question.
        if (Store is null && Region is null && scope.Role == Role.StoreManager && scope.StoreCodes.Count > 0) Store = scope.StoreCodes[0];
        return scope;
    }
}
