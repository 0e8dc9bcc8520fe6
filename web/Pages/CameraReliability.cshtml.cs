using Microsoft.AspNetCore.Mvc;
using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Web.Pages;

/// <summary>
/// 设备运维报表: which cameras of the chain (or a region, or a store) were offline or had view faults over a period, how long
/// within opening hours, worst first — the list an operations team works through, not one camera page at a time.
/// </summary>
public sealed class CameraReliabilityModel(StoreRepository stores, RegionRepository regions, CameraReliabilityReport report)
    : ReportPageModel(stores, regions)
{
    /// <summary>Cameras listed on the page; the Excel export has them all.</summary>
    public const int RowsShown = 200;

    public CameraReliabilityResult? Result { get; private set; }
    protected override string ExcelPath => "/api/cameras/reliability.xlsx";

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var scope = await LoadFilter();
        var (result, problem, messages) = await report.Run(scope, Store, Region, From, To, cancellationToken);
        if (result is null) return messages.Count > 0 ? Refused(messages) : this.Refusal(problem);
        Result = result;
        From = result.From.ToString("yyyy-MM-dd");
        To = result.To.ToString("yyyy-MM-dd");
        return Page();
    }

    /// <summary>A time lost as people say it; none at all is a dash, not "under a minute".</summary>
    public static string Minutes(double minutes) => minutes <= 0 ? "—" : Display.Duration(TimeSpan.FromMinutes(minutes));
}
