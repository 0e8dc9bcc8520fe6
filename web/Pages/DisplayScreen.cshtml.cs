using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>
/// 陈列大屏: today's shelf display for the viewer's stores on a wall screen — the stores on a map coloured by
/// compliance, the region, SKU and single-store views — following the live feed. A region's bar opens the region's own
/// screen (<c>?region=</c>): its stores, the map framed on them. This week or this month (<c>?period=</c>): compliance day
/// by day over the period so far, its tiles over the period, the map and views each store's latest day in it.
/// </summary>
public sealed class DisplayScreenModel(StoreRepository stores, RegionRepository regions, SkuRepository skus, ShelfHistory history, ReportCalendar calendar)
    : PageModel
{
    public DisplayReport Report { get; private set; } = null!;
    public IReadOnlyList<Store> Stores { get; private set; } = [];
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>Today, this week or this month so far (<c>?period=week|month</c>).</summary>
    [FromQuery(Name = "period")] public string? PeriodCode { get; set; }
    public ScreenPeriod Period { get; private set; } = null!;

    /// <summary>The region shown on its own (drilled into from the regions' chart), or null: all the viewer's stores.</summary>
    [FromQuery(Name = "region")] public string? RegionCode { get; set; }
    public Region? Shown { get; private set; }
    public bool MayOpenRegions => ScreenRegion.MayOpenAny(Regions, User.Scope());

    /// <summary>Where the screen re-reads its period's figures when the live feed says a shelf changed.</summary>
    public string ReportUrl => $"/api/display/report?from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}"
        + (Shown is null ? "" : $"&region={Uri.EscapeDataString(Shown.Code)}");

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        Today = calendar.Today;
        Period = ScreenPeriod.Of(PeriodCode, Today);
        Regions = await regions.List(scope);
        (Shown, var refusal) = await ScreenRegion.Of(RegionCode, Regions, scope, regions);
        if (refusal != ScreenRegion.Refusal.None) return this.Refusal(refusal);
        var (query, _, _) = await DisplayQuery.Read(scope, null, Shown?.Code, null, Period.From.ToString("yyyy-MM-dd"), Period.To.ToString("yyyy-MM-dd"),
            stores, Today);
        if (query is null) return Forbid();
        Report = await query.Run(history, skus, stores, cancellationToken);
        Stores = (await stores.List(scope, null, Shown?.Code, null, 1, 10_000, [StoreStage.Trading])).Items;
        return Page();
    }

    /// <summary>What the screen's script draws from: today's report, and the stores and regions it may show.</summary>
    public string DataJson => JsonSerializer.Serialize(new
    {
        report = Report,
        stores = Stores.Select(s => new { code = s.Code, name = s.Name, region = s.RegionCode, city = s.City, lat = s.Latitude, lng = s.Longitude }),
        regions = Regions.Select(r => new { code = r.Code, name = Display.RegionName(r, r.Code), open = User.Scope().AllowsRegion(r.Code) }),
        shown = Shown?.Code,
        period = Period.Code,
    }, JsonSerializerOptions.Web);
}
