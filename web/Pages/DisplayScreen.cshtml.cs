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
/// screen (<c>?region=</c>): its stores, the map framed on them.
/// </summary>
public sealed class DisplayScreenModel(StoreRepository stores, RegionRepository regions, SkuRepository skus, ShelfHistory history, ReportCalendar calendar)
    : PageModel
{
    public DisplayReport Report { get; private set; } = null!;
    public IReadOnlyList<Store> Stores { get; private set; } = [];
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>The region shown on its own (drilled into from the regions' chart), or null: all the viewer's stores.</summary>
    [FromQuery(Name = "region")] public string? RegionCode { get; set; }
    public Region? Shown { get; private set; }
    public bool MayOpenRegions => ScreenRegion.MayOpenAny(Regions, User.Scope());

    /// <summary>Where the screen re-reads today's figures when the live feed says a shelf changed.</summary>
    public string ReportUrl => $"/api/display/report?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}"
        + (Shown is null ? "" : $"&region={Uri.EscapeDataString(Shown.Code)}");

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        Today = calendar.Today;
        Regions = await regions.List(scope);
        // A region the viewer may not open is no screen of theirs.
        (Shown, var refused) = ScreenRegion.Of(RegionCode, Regions, scope);
        if (refused) return NotFound();
        var day = Today.ToString("yyyy-MM-dd");
        var (query, _, _) = await DisplayQuery.Read(scope, null, Shown?.Code, null, day, day, stores, Today);
        if (query is null) return Forbid();
        Report = await query.Run(history, skus, stores, cancellationToken);
        Stores = (await stores.List(scope, null, Shown?.Code, null, 1, 10_000)).Items;
        return Page();
    }

    /// <summary>What the screen's script draws from: today's report, and the stores and regions it may show.</summary>
    public string DataJson => JsonSerializer.Serialize(new
    {
        report = Report,
        stores = Stores.Select(s => new { code = s.Code, name = s.Name, region = s.RegionCode, city = s.City, lat = s.Latitude, lng = s.Longitude }),
        regions = Regions.Select(r => new { code = r.Code, name = Display.RegionName(r, r.Code), open = User.Scope().AllowsRegion(r.Code) }),
        shown = Shown?.Code,
    }, JsonSerializerOptions.Web);
}
