using System.Security.Claims;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Vision.Shelves;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>Shelf display (陈列): planograms per preset, each store's live shelf, daily history and its Excel export.</summary>
public static class ShelfEndpoints
{
    /// <summary>A slot in pixels of the reference image.</summary>
    public sealed record SlotInput(string? SlotId, string? PlannedSku, int? X, int? Y, int? Width, int? Height);

    /// <summary>rows × columns slots over the shelf face (fractions of the image), planned SKUs row by row.</summary>
    public sealed record GridInput(double? X, double? Y, double? Width, double? Height, int? Rows, int? Columns,
        IReadOnlyList<string?>? PlannedSkus, string? IdPrefix);

    /// <summary>
    /// The reference photo is one of the camera's snapshots of this preset; slots or a grid are drawn on it. Without
    /// referenceSnapshotId the preset's current reference is kept (adjusting slots of an existing planogram).
    /// </summary>
    public sealed record PlanogramInput(long? ReferenceSnapshotId, IReadOnlyList<SlotInput>? Slots, GridInput? Grid);

    public static RouteGroupBuilder MapShelves(this RouteGroupBuilder api)
    {
        var shelf = api.MapGroup("").WithTags("Shelf display");
        shelf.MapGet("/cameras/{code}/planograms", List).WithSummary("A shelf camera's planograms, one per preset, with their slots").Produces<IReadOnlyList<PresetPlanogram>>();
        shelf.MapGet("/cameras/{code}/planograms/{preset:int}/reference", Reference).WithSummary("The reference picture a preset's slots are drawn on (JPEG)").ProducesJpeg();
        shelf.MapPut("/cameras/{code}/planograms/{preset:int}", Save).WithSummary("Saves a preset's planogram: its slots and the SKU planned in each").Produces<PresetPlanogram>().RequireAuthorization(AuthenticationSetup.MayEdit);
        shelf.MapDelete("/cameras/{code}/planograms/{preset:int}", Delete).WithSummary("Discards a preset's planogram").Produces(StatusCodes.Status204NoContent).RequireAuthorization(AuthenticationSetup.MayEdit);
        shelf.MapGet("/stores/{store}/shelf", StoreShelf).WithSummary("A store's shelf now: each slot's latest trustworthy reading, facings, shares, compliance, out-of-stock").Produces<ShelfStatus>();
        shelf.MapGet("/stores/{store}/shelf/alerts", StoreShelfAlerts).WithSummary("A store's shelf alerts (compliance low, out of stock, competitor in an own slot), open and ended").Produces<ShelfAlertLog>();
        shelf.MapGet("/display/report", Report).WithSummary("陈列报表: compliance and facings by region, store, category and SKU, and the trend by day").Produces<DisplayReport>();
        shelf.MapGet("/display/report.xlsx", ReportExcel).WithSummary("陈列报表 as an Excel workbook").ProducesWorkbook();
        return api;
    }

    private static async Task<IResult> List(string code, ClaimsPrincipal user, CameraScope scope, PlanogramRepository planograms)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        return Results.Ok(await planograms.ForCamera(code));
    }

    private static async Task<IResult> Reference(string code, int preset, ClaimsPrincipal user, CameraScope scope, PlanogramRepository planograms)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        return await planograms.Reference(code, preset) is { } jpeg ? Results.File(jpeg, FileAnswers.Jpeg) : Problems.NotFound($"Planogram of preset {preset} of '{code}'");
    }

    private static async Task<IResult> Save(string code, int preset, PlanogramInput input, ClaimsPrincipal user, CameraScope scope,
        PlanogramEditor editor, IClusterClient cluster)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        var (saved, errors) = await editor.Save(code, preset, input, user.Actor());
        if (saved is null) return errors.ToResult();
        if (saved.StoreCode is { } store) await cluster.GetGrain<IStoreGrain>(store).PlanChanged();
        return Results.Ok(saved.Planogram);
    }

    private static async Task<IResult> Delete(string code, int preset, ClaimsPrincipal user, CameraScope scope, PlanogramRepository planograms,
        CameraRepository cameras, IClusterClient cluster)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        if (!await planograms.Delete(code, preset, user.Actor())) return Problems.NotFound($"Planogram of preset {preset} of '{code}'");
        if ((await cameras.Find(code))?.StoreCode is { } store) await cluster.GetGrain<IStoreGrain>(store).PlanChanged();
        return Results.NoContent();
    }

    private static async Task<IResult> StoreShelf(string store, ClaimsPrincipal user, StoreRepository stores, IClusterClient cluster)
    {
        if (await StoreAccess.Resolve(user.Scope(), store, null, stores) is { Problem: { } problem }) return problem;
        return Results.Ok(await cluster.GetGrain<IStoreGrain>(store).GetShelf());
    }

    public const int MaxAlertDays = 90;

    /// <summary>
    /// 陈列告警记录: the store's shelf alerts raised or ended over the last <paramref name="days"/> (1–90, default 7), newest
    /// first, each from when to when; standing ones say so (an end not recorded: null, not standing).
    /// </summary>
    private static async Task<IResult> StoreShelfAlerts(string store, string? days, ClaimsPrincipal user, StoreRepository stores,
        ShelfAlertSpells spells, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (await StoreAccess.Resolve(user.Scope(), store, null, stores) is { Problem: { } problem }) return problem;
        var back = 7;
        if (days is not null && (!int.TryParse(days, out back) || back is < 1 or > MaxAlertDays))
        {
            var errors = new FieldErrors();
            errors.Add("days", $"days '{days}' must be a whole number of days, 1 to {MaxAlertDays}.", $"天数“{days}”须为 1 至 {MaxAlertDays} 的整数。");
            return errors.ToResult();
        }
        var standing = (await cluster.GetGrain<IStoreGrain>(store).GetShelf()).AlertKeys();
        var found = await spells.Of(store, DateTime.UtcNow.AddDays(-back), cancellationToken);
        return Results.Ok(new ShelfAlertLog(store, back,
            found.Select(s => new ShelfAlertRaised(s.Detail, s.SlotId, s.Sku, s.RaisedUtc, s.EndedUtc, s.EndedBecause, s.Stands(standing))).ToList()));
    }

    private static async Task<IResult> Report(string? store, string? region, string? sku, string? from, string? to, ClaimsPrincipal user,
        StoreRepository stores, ShelfHistory history, SkuRepository skus, ReportCalendar calendar, CancellationToken cancellationToken)
    {
        var (query, problem, _) = await DisplayQuery.Read(user.Scope(), store, region, sku, from, to, stores, calendar.Today);
        return query is null ? problem! : Results.Ok(await query.Run(history, skus, stores, cancellationToken));
    }

    private static async Task<IResult> ReportExcel(string? store, string? region, string? sku, string? from, string? to, ClaimsPrincipal user,
        StoreRepository stores, ShelfHistory history, SkuRepository skus, ReportCalendar calendar, CancellationToken cancellationToken)
    {
        var (query, problem, _) = await DisplayQuery.Read(user.Scope(), store, region, sku, from, to, stores, calendar.Today);
        if (query is null) return problem!;
        var report = await query.Run(history, skus, stores, cancellationToken);
        return Results.File(await DisplayWorkbook.Write(report, cancellationToken), Workbook.ContentType,
            $"display-{query.Coverage.StoreCode ?? query.Coverage.RegionCode ?? query.Sku ?? "chain"}-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}.xlsx");
    }

    /// <summary>陈列告警记录: a store's shelf alerts raised or ended over its last <c>days</c> days, newest first.</summary>
    public sealed record ShelfAlertLog(string Store, int Days, IReadOnlyList<ShelfAlertRaised> Alerts);

    /// <summary>
    /// An alert (compliance-low, out-of-stock, competitor-in-own-slot …) from when to when (UTC) and why it ended; standing:
    /// the store has it now (an end not recorded is null, not standing).
    /// </summary>
    public sealed record ShelfAlertRaised(string Kind, string? Slot, string? Sku, DateTime RaisedAt, DateTime? EndedAt, string? EndedBecause, bool Standing);
}
