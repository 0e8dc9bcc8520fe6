using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Analysis;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>
/// 收银追溯: one store's day at the till — every receipt beside what its till camera saw when it was rung, the receipts
/// worth a look first, and the visits to the till that rang nothing; without a store, every store with a till camera
/// the viewer may see, one day, most findings first.
/// </summary>
public sealed class TillModel(StoreRepository stores, TillDesk desk, TillDays days, StaffCards staffCards, StaffCardDesk cardDesk, TillReviews reviews,
    TillReviewDesk reviewDesk, StoreTodos todos, ReportCalendar calendar) : PageModel
{
    /// <summary>
    /// A finding's review as its row shows it, and whether the viewer may record one; what the store was asked about it
    /// (请门店说明) and answered, and whether the viewer may ask, with the question it starts from.
    /// </summary>
    public sealed record ReviewView(string Subject, TillReview? Review, bool MayReview, string StoreCode, string? Date, bool All,
        StoreTodo? Asked = null, bool MayAsk = false, string AskText = "");

    public const int PreviewWidth = 320;

    [FromQuery(Name = "store")] public string? StoreCode { get; set; }
    [FromQuery(Name = "date")] public string? Date { get; set; }
    /// <summary>Every receipt of the day, not only those worth a look.</summary>
    [FromQuery(Name = "all")] public bool All { get; set; }

    public IReadOnlyList<Store> StoreChoices { get; private set; } = [];
    /// <summary>No store asked for: the figures of every store with a till camera the viewer may see, that day.</summary>
    public IReadOnlyList<TillDayRow>? Overview { get; private set; }
    /// <summary>Those stores' findings day by day over the 30 days up to the day shown.</summary>
    public IReadOnlyList<TillTrendDay> Trend { get; private set; } = [];
    public Store? Store { get; private set; }
    public DateOnly Day { get; private set; }
    public TillDay? Till { get; private set; }
    public IReadOnlyList<string> TillCameras { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public TillTraceOptions Options => desk.Options;
    /// <summary>The store's staff cards (内部会员卡): a sale rung on one is a finding.</summary>
    public IReadOnlyList<StaffCard> StaffCards { get; private set; } = [];
    public bool MayEdit => User.Scope().MayEditMasterData;
    /// <summary>What head office or the region found each of the day's findings to be, by subject.</summary>
    public IReadOnlyDictionary<string, TillReview> Reviews { get; private set; } = new Dictionary<string, TillReview>();
    public bool MayReview => User.Scope().MayReviewTill;

    /// <summary>The store's to-dos about the day's findings (请门店说明), by finding.</summary>
    public IReadOnlyDictionary<string, StoreTodo> Asked { get; private set; } = new Dictionary<string, StoreTodo>();
    /// <summary>Those who raise to-dos ask the store about a finding: head office's admins and the region's managers.</summary>
    public bool MayAsk => Store is { } store && InspectionRights.MayReview(User.Scope(), store.Code, store.RegionCode);

    public ReviewView ReviewOf(ReceiptTrace r) =>
        ReviewOf(r.Subject, string.Format(T("tillAskReceipt"), r.Receipt.Number, string.Join(IsChinese ? "、" : ", ", r.Flags.Select(f => T("till." + f)))));

    public ReviewView ReviewOf(UnrungVisit v) => ReviewOf(v.Subject, string.Format(T("tillAskVisit"), Local(v.FromUtc, "HH:mm"), Local(v.ToUtc, "HH:mm")));

    /// <param name="what">the finding in a few words, for the question the store is asked.</param>
    private ReviewView ReviewOf(string subject, string what) => new(subject, Reviews.GetValueOrDefault(subject), MayReview, Store!.Code, Date, All,
        Asked.GetValueOrDefault(subject), MayAsk, string.Format(T("tillAskText"), Day.ToString("MM-dd"), what));

    /// <summary>How many of the day's findings were confirmed, cleared, and are still to be looked at.</summary>
    public ReviewTally Reviewed => ReviewTally.Of(Till?.FindingSubjects ?? [], Reviews);

    public IEnumerable<ReceiptTrace> Shown => Till is null ? [] : All ? Till.Receipts : Till.Receipts.Where(r => r.Flagged);

    public async Task<IActionResult> OnGet()
    {
        var scope = User.Scope();
        StoreChoices = (await stores.List(scope, null, null, null, 1, 10_000)).Items;
        var code = string.IsNullOrWhiteSpace(StoreCode) ? StoreChoices.Count == 1 ? StoreChoices[0].Code : null : StoreCode.Trim();
        if (code is null) return await ShowOverview(scope);
        Store = await stores.Find(code);
        if (Store is null || !scope.AllowsStore(Store.Code, Store.RegionCode))
        {
            Store = null;
            Errors = [string.Format(T("tillNoStore"), code)];
            return Page();
        }
        var errors = new FieldErrors();
        if (TillDesk.Day(Date, Store, errors) is not { } day)
        {
            Errors = errors.Localized;
            return Page();
        }
        (Day, Zone) = (day, StoreTimeZones.Find(Store.TimeZone));
        (Till, TillCameras) = await desk.Trace(Store, day);
        StaffCards = await staffCards.OfStore(Store.Code);
        Reviews = await reviews.Of(Store.Code, day);
        Asked = await todos.OfTillDay(Store.Code, day);
        return Page();
    }

    /// <summary>Registers a staff member's card at the store (or renames its holder).</summary>
    public Task<IActionResult> OnPostStaffCard(string? card, string? holder) =>
        Change(MayEdit, "staff-cards", store => cardDesk.Add(store.Code, new StaffCardDesk.CardInput(card, holder), User.Actor()));

    public Task<IActionResult> OnPostRemoveStaffCard(string card) =>
        Change(MayEdit, "staff-cards", async store =>
        {
            await cardDesk.Remove(store.Code, card, User.Actor());
            return new FieldErrors();
        });

    /// <summary>Records what a finding was (违规 / 正常), or opens it again.</summary>
    public Task<IActionResult> OnPostReview(string? subject, string? verdict, string? note) =>
        Change(MayReview, Anchor(subject),
            store => reviewDesk.Review(store, new TillReviewDesk.ReviewInput(Date, subject, verdict, note), User.Actor()));

    /// <summary>请门店说明: the finding handed to the store as a to-do, answered in its note by its deadline.</summary>
    public Task<IActionResult> OnPostAsk(string? subject, string? text, string? due) =>
        Change(InspectionRights.RaisesTodos(User.Scope()), Anchor(subject),
            async store => (await reviewDesk.Ask(store, new TillReviewDesk.AskInput(Date, subject, text, due), User.Actor())).Errors);

    /// <summary>Where a finding's row is: the receipts, or the visits that rang nothing.</summary>
    private static string Anchor(string? subject) => subject?.StartsWith("visit:", StringComparison.Ordinal) == true ? "till-unrung" : "till-receipts";

    /// <summary>A change to the store by someone allowed it who may see the store: back to the page, or the page with what was wrong.</summary>
    private async Task<IActionResult> Change(bool allowed, string anchor, Func<Store, Task<FieldErrors>> change)
    {
        if (!allowed) return Forbid();
        var store = string.IsNullOrWhiteSpace(StoreCode) ? null : await stores.Find(StoreCode.Trim());
        if (store is null || !User.Scope().AllowsStore(store.Code, store.RegionCode)) return NotFound();
        var errors = await change(store);
        if (!errors.Any)
            return Redirect($"/till?store={Uri.EscapeDataString(store.Code)}" + (Date is null ? "" : $"&date={Uri.EscapeDataString(Date)}")
                + (All ? "&all=true" : "") + "#" + anchor);
        await OnGet();
        Errors = errors.Localized;
        return Page();
    }

    private async Task<IActionResult> ShowOverview(AccessScope scope)
    {
        var errors = new FieldErrors();
        if (TillDesk.Day(Date, calendar.Today, errors) is not { } day)
        {
            Errors = errors.Localized;
            return Page();
        }
        Day = day;
        var coverage = new StoreCoverage(scope, null, null);
        Overview = await days.Day(coverage, day);
        Trend = await days.Trend(coverage, day);
        return Page();
    }

    public string Local(DateTime utc, string format = "HH:mm:ss") => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone).ToString(format);

    /// <summary>The store's (or, on the overview, the viewer's stores') findings as .xlsx: the 7 days up to the day shown, or that day.</summary>
    public string ExportLink => Store is { } store
        ? $"/api/till.xlsx?store={Uri.EscapeDataString(store.Code)}&from={Day.AddDays(-6):yyyy-MM-dd}&to={Day:yyyy-MM-dd}"
        : $"/api/till.xlsx?from={Day:yyyy-MM-dd}&to={Day:yyyy-MM-dd}";

    /// <summary>This page for another day or with the other list, the rest of the query kept.</summary>
    public string Link(DateOnly day, bool all) => $"/till?store={Uri.EscapeDataString(Store!.Code)}&date={day:yyyy-MM-dd}" + (all ? "&all=true" : "");
}
