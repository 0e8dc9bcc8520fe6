using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>设备运维报表 as the API, its Excel export and the page ask for it: a period (default the last 7 days) and a store or region.</summary>
public sealed class CameraReliabilityReport(StoreRepository stores, CameraIncidents incidents, ReportCalendar calendar)
{
    /// <summary>The report, or the API answer and (for the page) the messages of the fields that could not be read.</summary>
    public async Task<(CameraReliabilityResult? Result, IResult? Problem, IReadOnlyList<string> Messages)> Run(AccessScope scope, string? store,
        string? region, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var today = calendar.Today;
        var (fromDate, toDate) = ReportRequest.Period(errors, from, to, today.AddDays(-6), today);
        ReportRequest.OneTarget(errors, store, region);
        if (errors.Any) return (null, errors.ToResult(), errors.Localized);
        var (coverage, problem) = await StoreAccess.Resolve(scope, store, region, stores);
        if (coverage is null) return (null, problem, []);

        var cameras = await incidents.Cameras(coverage, cancellationToken);
        var covered = coverage.StoreCode is { } one
            ? (await stores.Find(one) is { } found ? [found] : [])
            : (await stores.List(scope, null, coverage.RegionCode, null, 1, 100_000)).Items;
        // Wide enough for every time zone; each store's own period is cut from it on its clock.
        var happened = await incidents.During(coverage, fromDate.AddDays(-2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            toDate.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), cancellationToken);
        return (CameraReliability.Of(coverage.StoreCode, coverage.RegionCode, fromDate, toDate, cameras, covered.ToDictionary(s => s.Code), happened, DateTime.UtcNow), null, []);
    }
}
