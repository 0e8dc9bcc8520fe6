using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>AI识别报表 · 人流量: foot traffic by store, region or chain, cut by hour/day/week/month, with comparison and Excel export.</summary>
public sealed class TrafficModel(StoreRepository stores, RegionRepository regions, TrafficReport reports, ReportCalendar calendar) : PageModel
{
    [FromQuery] public string? Store { get; set; }
    [FromQuery] public string? Region { get; set; }
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }
    [FromQuery] public string? By { get; set; }
    [FromQuery] public string? Compare { get; set; }

    public TrafficResult? Result { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<Store> StoreChoices { get; private set; } = [];

    public string ExcelLink => "/api/traffic/report.xlsx" + Request.QueryString;

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        Regions = await regions.List(scope);
        StoreChoices = (await stores.List(scope, null, null, null, 1, 10_000)).Items;
        Store = string.IsNullOrWhiteSpace(Store) ? null : Store.Trim();
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region;
        // A store manager sees only their store: default to it rather than an empty chain-wide question.
        if (Store is null && Region is null && scope.Role == Role.StoreManager && scope.StoreCodes.Count > 0) Store = scope.StoreCodes[0];
        var today = calendar.Today;
        From ??= today.AddDays(-6).ToString("yyyy-MM-dd");
        To ??= today.ToString("yyyy-MM-dd");
        By ??= "day";
        Compare = string.IsNullOrWhiteSpace(Compare) ? null : Compare;
        var (query, problem, messages) = await TrafficQuery.Read(scope, Store, Region, From, To, By, Compare, stores, today);
        if (query is null)
        {
            if (messages.Count > 0)
            {
                Errors = messages;
                return Page();
            }
            return problem is IStatusCodeHttpResult { StatusCode: 404 } ? NotFound() : Forbid();
        }
        Result = await TrafficQuery.Run(query, reports, cancellationToken);
        return Page();
    }
}
