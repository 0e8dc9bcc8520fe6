using System.Security.Claims;
using Microsoft.Extensions.Options;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Alerts;
using SmartStore.Web.Analysis;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>
/// 收银追溯 (seed 001: 客流系统绑定收银追溯): the POS integration pushes receipts one by one; each store's day at the till
/// comes back with every receipt held against the till cameras' pictures, and the visits to the till that rang nothing.
/// </summary>
public static class TillEndpoints
{
    public sealed record WatchesTillInput(bool? WatchesTill, string? Till = null);

    public static RouteGroupBuilder MapTill(this RouteGroupBuilder api)
    {
        api.MapPut("/stores/{code}/sales", Push).WithSummary("POS: a store's receipts one by one (time, till, amount, card, refunds, voids), for 收银追溯").Produces<SalesWritten>().WithTags("POS").RequireAuthorization(AuthenticationSetup.MayEdit);
        api.MapGet("/stores/{code}/till", Day).WithSummary("收银追溯: a store's day, each receipt held against the till cameras' pictures, with its findings").Produces<TillDayFindings>().WithTags("POS");
        api.MapPut("/stores/{code}/till/reviews", Review).WithSummary("Records what a finding of a store's day was (a breach, or cleared)").Produces<FindingJudged>().WithTags("POS");
        api.MapPost("/stores/{code}/till/questions", Ask).WithSummary("请门店说明: hands a finding to its store as a to-do").Produces<FindingHandedOver>(StatusCodes.Status201Created).WithTags("POS");
        api.MapGet("/till", Overview).WithSummary("收银追溯 overview: every store's findings on a day").Produces<TillOverview>().WithTags("POS");
        api.MapGet("/till.xlsx", Export).WithSummary("收银追溯 findings over a period as an Excel workbook").ProducesWorkbook().WithTags("POS");
        api.MapPut("/cameras/{code}/till", SetWatchesTill).WithSummary("Marks a camera as watching a till (or not)").Produces<TillWatch>().WithTags("POS").RequireAuthorization(AuthenticationSetup.MayEdit);
        return api;
    }

    private static async Task<IResult> Push(string code, SalesInput.Push input, ClaimsPrincipal user, StoreRepository stores, TillReceipts receipts,
        IClusterClient cluster)
    {
        var (store, refusal) = await StoreAccess.Visible(user.Scope(), code, stores);
        if (store is null) return refusal!;
        var (rung, errors) = SalesInput.Read(input, store.Code, StoreTimeZones.Find(store.TimeZone));
        // A refund of another store's sale names a store of the chain.
        foreach (var other in rung.Select(r => r.RefundStore).OfType<string>().Distinct())
            if (await stores.Find(other) is null) errors.Add("refundStore", $"refundStore '{other}' is not a store of the chain.", $"原单门店“{other}”不存在。");
        if (!errors.Any) await RefundsOfRefunds(rung, receipts, errors);
        if (errors.Any) return errors.ToResult();
        var closed = await cluster.GetGrain<IStoreGrain>(store.Code).ClosedThroughout(rung.Select(r => r.RungLocal).ToArray(), TimeSpan.Zero);
        await receipts.Write(store.Code, rung, rung.Where((_, i) => closed[i]).Select(r => r.Number).ToHashSet());
        return Results.Ok(new SalesWritten(store.Code, rung.Count));
    }

    /// <summary>
    /// A refund names the sale it gives money back on: one naming a refund (this push's, or one already sent) is refused —
    /// held against a refund, it would say nothing of the sale.
    /// </summary>
    private static async Task RefundsOfRefunds(IReadOnlyList<TillReceipt> rung, TillReceipts receipts, FieldErrors errors)
    {
        var pushed = rung.Where(r => r.IsRefund).Select(r => (r.StoreCode, r.Number)).ToHashSet();
        var named = rung.Where(r => r.IsRefund).Select(r => r.Sale).Distinct().ToList();
        var refunds = (await receipts.RefundsAmong(named)).Concat(named.Where(pushed.Contains)).ToHashSet();
        refunds.ExceptWith(rung.Where(r => !r.IsRefund).Select(r => (r.StoreCode, r.Number))); // sent again as a sale now
        for (var i = 0; i < rung.Count; i++)
            if (rung[i].IsRefund && refunds.Contains(rung[i].Sale))
                errors.Add($"receipts[{i}].refundOf", $"receipts[{i}].refundOf '{rung[i].RefundOf}' is a refund itself: name the sale it gave money back on.",
                    $"第 {i + 1} 张小票的原单“{rung[i].RefundOf}”本身是退单：请填写它所退的销售单。");
    }

    /// <summary>Records what a finding of the store's day was (head office and region managers; not the store itself).</summary>
    private static async Task<IResult> Review(string code, TillReviewDesk.ReviewInput input, ClaimsPrincipal user, StoreRepository stores, TillReviewDesk desk)
    {
        var (store, refusal) = await StoreAccess.Visible(user.Scope(), code, stores);
        if (store is null) return refusal!;
        if (!user.Scope().MayReviewTill) return Problems.NotYourRole("review a till finding: head office and region managers do");
        var errors = await desk.Review(store, input, user.Actor());
        return errors.Any ? errors.ToResult() : Results.Ok(new FindingJudged(store.Code, input.Subject?.Trim(), input.Verdict));
    }

    /// <summary>请门店说明: a finding handed to its store as a to-do (those who raise to-dos: head office's admins and the region's managers).</summary>
    private static async Task<IResult> Ask(string code, TillReviewDesk.AskInput input, ClaimsPrincipal user, StoreRepository stores, TillReviewDesk desk)
    {
        var (store, refusal) = await StoreAccess.Visible(user.Scope(), code, stores);
        if (store is null) return refusal!;
        if (!InspectionRights.MayReview(user.Scope(), store.Code, store.RegionCode))
            return Problems.NotYourRole("ask a store about a till finding: head office's admins and region managers do");
        var (todo, errors) = await desk.Ask(store, input, user.Actor());
        return todo is { } id ? Results.Created($"/api/todos/{id}", new FindingHandedOver(id, store.Code, input.Subject?.Trim())) : errors.ToResult();
    }

    private static async Task<IResult> Day(string code, string? date, bool? flagged, ClaimsPrincipal user, StoreRepository stores, TillDesk desk,
        TillReviews tillReviews, StoreTodos todos)
    {
        var (store, refusal) = await StoreAccess.Visible(user.Scope(), code, stores);
        if (store is null) return refusal!;
        var errors = new FieldErrors();
        if (TillDesk.Day(date, store, errors) is not { } day) return errors.ToResult();
        var (till, cameras) = await desk.Trace(store, day);
        var reviews = await tillReviews.Of(store.Code, day);
        var asked = await todos.OfTillDay(store.Code, day);
        var tally = ReviewTally.Of(till.FindingSubjects, reviews);
        var zone = StoreTimeZones.Find(store.TimeZone);
        return Results.Ok(new TillDayFindings(store.Code, day.ToString("yyyy-MM-dd"), till.TracedAtUtc, cameras,
            new TillDayTotals
            {
                Receipts = till.Sales.Count(),
                Amount = till.Amount,
                NoCustomer = till.Flagged(ReceiptFlags.NoCustomer),
                CardReused = till.Flagged(ReceiptFlags.CardReused),
                StaffCard = till.Flagged(ReceiptFlags.StaffCard),
                Unchecked = till.Unchecked,
                UnrungVisits = till.Unrung.Count,
                Refunds = till.Refunds.Count(),
                RefundAmount = till.RefundAmount,
                UnseenSale = till.Flagged(ReceiptFlags.UnseenSale),
                OverRefund = till.Flagged(ReceiptFlags.OverRefund),
                LateRefund = till.Flagged(ReceiptFlags.LateRefund),
                Voids = till.Voids.Count(),
                VoidAmount = till.VoidAmount,
                VoidUnattended = till.Flagged(ReceiptFlags.VoidUnattended),
                LateVoid = till.Flagged(ReceiptFlags.LateVoid),
                Confirmed = tally.Confirmed,
                Cleared = tally.Cleared,
                ToReview = tally.Open,
            },
            till.Receipts.Where(r => flagged != true || r.Flagged).Select(r => new TillReceiptFinding
            {
                Number = r.Receipt.Number,
                Subject = r.Flagged ? r.Subject : null,
                Review = ReviewOf(reviews, r.Subject),
                Asked = AskedOf(asked, r.Subject),
                RefundOf = r.Receipt.RefundOf,
                RefundStore = r.Receipt.RefundStore,
                At = r.Receipt.RungLocal.ToString("yyyy-MM-ddTHH:mm:ss"),
                Till = r.Receipt.Till,
                Cashier = r.Receipt.Cashier,
                MemberCard = r.Receipt.MemberCard,
                StaffCard = r.StaffCard is { } staff ? new StaffCardHolder(staff.Holder, staff.StoreCode) : null,
                Total = r.Receipt.Total,
                Items = r.Receipt.Lines,
                CustomersSeen = r.Customers,
                Picture = r.Picture is { } p ? Picture(p, zone) : null,
                Flags = r.Flags,
                Refunded = r.Receipt.IsRefund ? null : r.Refunded,
                Voided = r.Receipt.VoidedLocal is { } voided
                    ? new TillVoid(voided.ToString("yyyy-MM-ddTHH:mm:ss"), r.Receipt.VoidedBy, r.VoidPicture is { } v ? Picture(v, zone) : null)
                    : null,
                Sale = r.Original is { } sale
                    ? new RefundedSale(sale.StoreCode, sale.RungLocal.ToString("yyyy-MM-ddTHH:mm:ss"), sale.Total, r.OriginalCustomers)
                    : null,
            }).ToList(),
            till.Cashiers,
            till.Unrung.Select(v => new UnrungVisitFinding(v.Subject, ReviewOf(reviews, v.Subject), AskedOf(asked, v.Subject), v.CameraCode,
                v.Picture.Till, Local(v.FromUtc, zone), Local(v.ToUtc, zone), Math.Round(v.Length.TotalMinutes, 1), v.MostCustomers,
                Picture(v.Picture, zone))).ToList()));
    }

    /// <summary>
    /// Every store with a till camera the viewer may see, one day (head office's today by default): its figures, most findings
    /// first, and the findings of its last 30 days; and those stores' findings day by day over those 30 days.
    /// </summary>
    private static async Task<IResult> Overview(string? date, string? region, ClaimsPrincipal user, StoreRepository stores, TillDays days,
        ReportCalendar calendar)
    {
        var (coverage, problem) = await StoreAccess.Resolve(user.Scope(), null, region, stores);
        if (coverage is null) return problem!;
        var errors = new FieldErrors();
        if (TillDesk.Day(date, calendar.Today, errors) is not { } day) return errors.ToResult();
        var rows = await days.Day(coverage, day);
        var trend = await days.Trend(coverage, day);
        return Results.Ok(new TillOverview(day.ToString("yyyy-MM-dd"),
            trend.Select(d => new TillOverviewDay(d.Day.ToString("yyyy-MM-dd"), d.Stores, d.Receipts, d.NoCustomer, d.CardReused, d.StaffCard,
                d.Unrung, d.RefundFindings, d.VoidFindings)).ToList(),
            rows.Select(r => new TillOverviewStore
            {
                Store = r.StoreCode, Name = r.StoreName, Region = r.RegionCode, Receipts = r.Receipts, Amount = r.Amount, NoCustomer = r.NoCustomer,
                CardReused = r.CardReused, StaffCard = r.StaffCard, UnrungVisits = r.Unrung, Unchecked = r.Unchecked, Refunds = r.Refunds,
                RefundAmount = r.RefundAmount, RefundFindings = r.RefundFindings, Voids = r.Voids, VoidAmount = r.VoidAmount,
                VoidFindings = r.VoidFindings, RecentFindings = r.RecentFindings, Confirmed = r.Confirmed, Cleared = r.Cleared,
                ToReview = r.ToReview, RecentConfirmed = r.RecentConfirmed, RecentAsked = r.RecentAsked, RecentAnswered = r.RecentAnswered,
                ComputedAt = r.ComputedAt,
            }).ToList()));
    }

    /// <summary>
    /// The most days one export covers, the most receipts it reads, and the most store-days with findings it traces again
    /// because the keeper has not stored them (days traced before it stored days).
    /// </summary>
    public const int MaxExportDays = 31;
    public const int MaxExportReceipts = 300_000;
    public const int MaxExportTraced = 500;

    /// <summary>
    /// The receipts worth a look, the visits that rang nothing, each cashier's receipts and findings and the figures of the
    /// stores covered (one store, a region, or all the viewer may see) over up to 31 days, as .xlsx: each store-day as the
    /// keeper last traced it (the overview's figures), one it has not stored traced again when it has findings.
    /// </summary>
    private static async Task<IResult> Export(string? from, string? to, string? region, string? store, ClaimsPrincipal user, StoreRepository stores,
        TillDays days, TillReceipts receipts, TillDesk desk, TillReviews reviews, ReportCalendar calendar, IOptions<WebhookOptions> links,
        CancellationToken cancellationToken)
    {
        var (coverage, problem) = await StoreAccess.Resolve(user.Scope(), store, region, stores);
        if (coverage is null) return problem!;
        var errors = new FieldErrors();
        var last = TillDesk.Day(to, calendar.Today, errors);
        var first = TillDesk.Day(from, last ?? calendar.Today, errors);
        if (first > last || last?.DayNumber - first?.DayNumber >= MaxExportDays)
            errors.Add("from", $"from must be on or before to, at most {MaxExportDays} days before.", $"开始日期须不晚于结束日期，且相隔不超过 {MaxExportDays} 天。");
        if (errors.Any || first is not { } start || last is not { } end) return errors.ToResult();
        var rows = await days.Between(coverage, start, end, cancellationToken);
        if (await receipts.Count(coverage, start, end, cancellationToken) is var count and > MaxExportReceipts)
            errors.Add("from", $"{count} receipts: at most {MaxExportReceipts} an export; choose fewer days, a region or a store.",
                $"共 {count} 张小票，一次最多导出 {MaxExportReceipts} 张：请缩短日期、选择大区或门店。");
        var stored = errors.Any ? new Dictionary<(string, DateOnly), TillDay>() : await desk.Stored(coverage, start, end, cancellationToken);
        var unstored = rows.Where(r => r.Findings > 0 && !stored.ContainsKey((r.StoreCode, r.Day))).ToList();
        if (unstored.Count > MaxExportTraced)
            errors.Add("from", $"{unstored.Count} store-days with findings to trace again: at most {MaxExportTraced} an export; choose fewer days, a region or a store.",
                $"{unstored.Count} 个门店日需要重新核对，一次最多 {MaxExportTraced} 个：请缩短日期、选择大区或门店。");
        if (errors.Any) return errors.ToResult();
        var traced = new List<TillWorkbook.TracedDay>();
        foreach (var row in rows)
        {
            var zone = StoreTimeZones.Find(row.TimeZone);
            if (stored.TryGetValue((row.StoreCode, row.Day), out var day)) traced.Add(new(row, zone, day));
            else if (row.Findings > 0) traced.Add(new(row, zone, await desk.Trace(row.StoreCode, zone, row.Day, cancellationToken)));
        }
        var name = $"till-{coverage.StoreCode ?? coverage.RegionCode ?? "all"}-{start:yyyyMMdd}-{end:yyyyMMdd}.xlsx";
        var reviewed = await reviews.Between(coverage, start, end, cancellationToken);
        return Results.File(await TillWorkbook.Write(rows, traced, reviewed, PageLinks.Root(links.Value.PublicUrl), cancellationToken), Workbook.ContentType, name);
    }

    /// <summary>The store's to-do about the finding (请门店说明): its state and the store's answer, once given.</summary>
    private static FindingAsked? AskedOf(IReadOnlyDictionary<string, StoreTodo> asked, string subject) =>
        asked.GetValueOrDefault(subject) is { } t
            ? new FindingAsked(t.Id, t.StateAt(DateTime.UtcNow), t.Text, t.DueUtc, t.DoneNote, t.DoneBy, t.RaisedBy)
            : null;

    private static FindingReview? ReviewOf(IReadOnlyDictionary<string, TillReview> reviews, string subject) =>
        reviews.GetValueOrDefault(subject) is { } v ? new FindingReview(v.Verdict, v.Note, v.ReviewedBy, v.ReviewedUtc) : null;

    private static TillPicture Picture(TillFrame frame, TimeZoneInfo zone) =>
        new(frame.SnapshotId, frame.CameraCode, frame.Till, Local(frame.AtUtc, zone), frame.Customers);

    private static string Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-ddTHH:mm:ss");

    private static async Task<IResult> SetWatchesTill(string code, WatchesTillInput input, ClaimsPrincipal user, CameraRepository cameras,
        CameraScope scope, CameraDrawings drawings)
    {
        if (await scope.Check(user, code) is { } refusal) return refusal;
        if (await cameras.Find(code) is not { } camera) return Problems.NotFound($"Camera '{code}'");
        var errors = new FieldErrors();
        if (input.WatchesTill is not { } watches) errors.Add("watchesTill", "watchesTill is required: true or false.");
        else errors = await drawings.SaveWatchesTill(camera, watches, input.Till, user.Actor());
        return errors.Any ? errors.ToResult() : Results.Ok(new TillWatch(camera.Code, input.WatchesTill == true, CameraDrawings.TillOf(input.WatchesTill == true, input.Till)));
    }
}
