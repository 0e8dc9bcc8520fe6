using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>Foot traffic (客流): door lines, counting areas, live counters, reports with period comparison, Excel export.</summary>
public static class TrafficEndpoints
{
    /// <summary>A door line in fractions (0..1) of the frame: the two ends, and any point on the store's side.</summary>
    public sealed record DoorLineInput(float? Ax, float? Ay, float? Bx, float? By, float? InsideX, float? InsideY);

    /// <summary>An in-store camera's counting area: its corners in order, in fractions (0..1) of the frame.</summary>
    public sealed record CountingAreaInput(IReadOnlyList<AreaPointInput?>? Points);

    public sealed record AreaPointInput(float? X, float? Y);

    public static RouteGroupBuilder MapTraffic(this RouteGroupBuilder api)
    {
        api.MapPut("/cameras/{code}/door-line", SetDoorLine).WithSummary("Draws an entrance camera's door line (which side is inside)").Produces<DoorLine>().WithTags("Foot traffic").RequireAuthorization(AuthenticationSetup.MayEdit);
        api.MapDelete("/cameras/{code}/door-line", ClearDoorLine).WithSummary("Clears an entrance camera's door line").Produces(StatusCodes.Status204NoContent).WithTags("Foot traffic").RequireAuthorization(AuthenticationSetup.MayEdit);
        api.MapPut("/cameras/{code}/counting-area", SetCountingArea).WithSummary("Draws an in-store camera's counting area (the shop floor counted)").Produces<CountingArea>().WithTags("Foot traffic").RequireAuthorization(AuthenticationSetup.MayEdit);
        api.MapDelete("/cameras/{code}/counting-area", ClearCountingArea).WithSummary("Clears an in-store camera's counting area").Produces(StatusCodes.Status204NoContent).WithTags("Foot traffic").RequireAuthorization(AuthenticationSetup.MayEdit);
        var traffic = api.MapGroup("/traffic").WithTags("Foot traffic");
        traffic.MapGet("/live", Live).WithSummary("Today's foot traffic now: a store's, a region's or the whole chain's").Produces<TrafficNow>();
        traffic.MapGet("/report", Report).WithSummary("客流报表: entries, exits, passers-by, visitors, dwell, occupancy by hour, day, week or month, with a comparison period").Produces<TrafficResult>();
        traffic.MapGet("/report.xlsx", ReportExcel).WithSummary("客流报表 as an Excel workbook").ProducesWorkbook();
        traffic.MapGet("/stores", Stores).WithSummary("门店对标: each store's traffic against stores of its type and the period before, with flags").Produces<StoreBenchmarkResult>();
        traffic.MapGet("/entry-rate-trend", Trend).WithSummary("Monthly entry rate per store, the months up to `to`").Produces<EntryRateMonths>();
        return api;
    }

    private static async Task<IResult> SetDoorLine(string code, DoorLineInput input, ClaimsPrincipal user, CameraRepository cameras,
        CameraScope scope, CameraDrawings drawings)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        var camera = await cameras.Find(code);
        if (camera is null) return Problems.NotFound($"Camera '{code}'");
        var missing = new FieldErrors();
        foreach (var (field, value) in new[] { ("ax", input.Ax), ("ay", input.Ay), ("bx", input.Bx), ("by", input.By), ("insideX", input.InsideX), ("insideY", input.InsideY) })
            if (value is null) missing.Add(field, $"{field} is required.");
        if (missing.Any) return missing.ToResult();
        var line = new DoorLine(input.Ax!.Value, input.Ay!.Value, input.Bx!.Value, input.By!.Value, input.InsideX!.Value, input.InsideY!.Value);
        var errors = await drawings.SaveDoorLine(camera, line, user.Actor());
        return errors.Any ? errors.ToResult() : Results.Ok(line);
    }

    private static async Task<IResult> ClearDoorLine(string code, ClaimsPrincipal user, CameraScope scope, CameraDrawings drawings)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        return await drawings.ClearDoorLine(code, user.Actor()) ? Results.NoContent() : Problems.NotFound($"Camera '{code}'");
    }

    private static async Task<IResult> SetCountingArea(string code, CountingAreaInput input, ClaimsPrincipal user, CameraRepository cameras,
        CameraScope scope, CameraDrawings drawings)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        var camera = await cameras.Find(code);
        if (camera is null) return Problems.NotFound($"Camera '{code}'");
        var missing = new FieldErrors();
        if (input.Points is null) missing.Add("points", "points is required: the area's corners in order, each {\"x\": …, \"y\": …}.");
        else
            for (var i = 0; i < input.Points.Count; i++)
                if (input.Points[i] is not { X: not null, Y: not null }) missing.Add($"points[{i}]", $"points[{i}] needs x and y.");
        if (missing.Any) return missing.ToResult();
        var area = new CountingArea(input.Points!.Select(p => new AreaPoint(p!.X!.Value, p.Y!.Value)).ToList());
        var errors = await drawings.SaveCountingArea(camera, area, user.Actor());
        return errors.Any ? errors.ToResult() : Results.Ok(area);
    }

    private static async Task<IResult> ClearCountingArea(string code, ClaimsPrincipal user, CameraScope scope, CameraDrawings drawings)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        return await drawings.ClearCountingArea(code, user.Actor()) ? Results.NoContent() : Problems.NotFound($"Camera '{code}'");
    }

    /// <summary>Today's live counters of a store, a region or (for head office) the chain.</summary>
    private static async Task<IResult> Live(string? store, string? region, ClaimsPrincipal user, StoreRepository stores, IClusterClient cluster)
    {
        var (coverage, problem) = await StoreAccess.Resolve(user.Scope(), store, region, stores);
        if (coverage is null) return problem!;
        var today = coverage.StoreCode is { } one ? await cluster.GetGrain<IStoreGrain>(one).GetTraffic()
            : coverage.RegionCode is { } named ? await cluster.GetGrain<IRegionGrain>(named).GetTraffic()
            : user.Scope().SeesWholeChain ? await cluster.GetGrain<IHqGrain>(IHqGrain.Key).GetTraffic()
            : null;
        if (today is null) return Results.Problem(statusCode: 400, title: "Scope needed", detail: "Name a store or region you may see.");
        return Results.Ok(new TrafficNow(coverage.StoreCode, coverage.RegionCode, today, today.EntryRate, today.AverageDwellSeconds));
    }

    private static async Task<IResult> Report(string? store, string? region, string? from, string? to, string? by, string? compare,
        ClaimsPrincipal user, StoreRepository stores, TrafficReport reports, StoreReceipts receipts, IOptions<PosOptions> pos, ReportCalendar calendar,
        CancellationToken cancellationToken)
    {
        var (query, problem, _) = await TrafficQuery.Read(user.Scope(), store, region, from, to, by, compare, stores, calendar.Today);
        if (query is null) return problem!;
        return Results.Ok(await TrafficQuery.Run(query, reports, receipts, pos.Value, cancellationToken));
    }

    private static async Task<IResult> ReportExcel(string? store, string? region, string? from, string? to, string? by, string? compare,
        ClaimsPrincipal user, StoreRepository stores, TrafficReport reports, StoreReceipts receipts, IOptions<PosOptions> pos, StoreTotals totals,
        StoreMonths months, IOptions<StoreBenchmarkOptions> benchmark, ReportCalendar calendar, CancellationToken cancellationToken)
    {
        var (query, problem, _) = await TrafficQuery.Read(user.Scope(), store, region, from, to, by, compare, stores, calendar.Today);
        if (query is null) return problem!;
        var result = await TrafficQuery.Run(query, reports, receipts, pos.Value, cancellationToken);
        var standings = await TrafficQuery.Benchmark(query, totals, benchmark.Value, calendar.Today, cancellationToken);
        var name = $"traffic-{query.Coverage.StoreCode ?? query.Coverage.RegionCode ?? "chain"}-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}.xlsx";
        var trend = await EntryRateTrend.Of(query.Coverage, query.To, months, cancellationToken);
        return Results.File(await TrafficWorkbook.Write(result, standings, trend, cancellationToken), Workbook.ContentType, name);
    }

    /// <summary>进店率月度趋势: each store covered, its entry rate over the seven months up to the period's end.</summary>
    private static async Task<IResult> Trend(string? store, string? region, string? to, ClaimsPrincipal user, StoreRepository stores, StoreMonths months,
        ReportCalendar calendar, CancellationToken cancellationToken)
    {
        var (query, problem, _) = await TrafficQuery.Read(user.Scope(), store, region, to, to, null, null, stores, calendar.Today);
        if (query is null) return problem!;
        var trend = await EntryRateTrend.Of(query.Coverage, query.To, months, cancellationToken);
        return Results.Ok(new EntryRateMonths(trend.Months.Select(m => m.ToString("yyyy-MM")).ToList(), trend.Stores));
    }

    /// <summary>
    /// 门店对标: each store covered (one, a region's, or all the viewer may see) against the chain's stores of its type and
    /// against the same number of days just before, with the flags to follow up.
    /// </summary>
    private static async Task<IResult> Stores(string? store, string? region, string? from, string? to, ClaimsPrincipal user,
        StoreRepository stores, StoreTotals totals, IOptions<StoreBenchmarkOptions> benchmark, ReportCalendar calendar, CancellationToken cancellationToken)
    {
        var (query, problem, _) = await TrafficQuery.Read(user.Scope(), store, region, from, to, null, null, stores, calendar.Today);
        if (query is null) return problem!;
        return Results.Ok(await TrafficQuery.Benchmark(query, totals, benchmark.Value, calendar.Today, cancellationToken));
    }

    /// <summary>Today's counters so far (store-local day) of a store, a region (both null: the chain), with the entry rate and mean dwell.</summary>
    public sealed record TrafficNow(string? Store, string? Region, TrafficCounters Today, double? EntryRate, double? AverageDwellSeconds);

    /// <summary>进店率月度趋势: the months (yyyy-MM) and each store's entry rate and entries in them.</summary>
    public sealed record EntryRateMonths(IReadOnlyList<string> Months, IReadOnlyList<StoreTrend> Stores);
}
