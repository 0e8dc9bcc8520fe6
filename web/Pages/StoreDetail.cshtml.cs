using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Localization;
using SmartStore.Web.Security;
using SmartStore.Web.Todos;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>One store for its manager's phone: today's foot traffic live, by hour, its cameras and enrolled staff.</summary>
public sealed class StoreDetailModel(StoreRepository stores, RegionRepository regions, TrafficRepository traffic, StaffRoster roster, SkuRepository skus,
    StaffEnrolment enrolment, StoreClosures closures, StoreTodos todos, TodoDesk todoDesk, PlanogramRepository planograms, AuditDesk audit, IClusterClient cluster,
    ShelfAlertSpells shelfAlerts, StoreLifecycleDesk lifecycle) : PageModel
{
    [FromRoute] public string Code { get; set; } = "";

    public Store Store { get; private set; } = null!;
    public Region? Region { get; private set; }

    /// <summary>陈列告警记录: the store's shelf alerts of the last week, newest first (one more than shown, when there are).</summary>
    public IReadOnlyList<ShelfAlertSpell> AlertSpells { get; private set; } = [];
    public const int AlertDaysShown = 7, AlertSpellsShown = 20;
    public TrafficCounters Today { get; private set; } = TrafficCounters.Zero;
    public IReadOnlyList<TrafficHour> Hours { get; private set; } = [];
    public IReadOnlyList<CameraStatus> Cameras { get; private set; } = [];
    /// <summary>The store looks closed during its opening hours now (营业时间内疑似关门); and its latest such spells.</summary>
    public StoreClosure? LooksClosed { get; private set; }
    public IReadOnlyList<StoreClosure> Closures { get; private set; } = [];
    /// <summary>The store's open to-dos (待办), raised from inspection pictures or on their own.</summary>
    public IReadOnlyList<StoreTodo> OpenTodos { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public ShelfStatus? Shelf { get; private set; }
    public IReadOnlyDictionary<string, string> SkuNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>Planograms of presets taken off their dome's patrol: kept, but out of the store's plan until the preset is back.</summary>
    public IReadOnlyList<PresetPlanogram> SetAsidePlanograms { get; private set; } = [];

    /// <summary>The store's latest saves with what each changed: a manager whose opening hours moved sees who moved them and how.</summary>
    public RecentChanges RecentChanges { get; private set; } = null!;

    /// <summary>The SKUs with the most facings on the store's shelves, most first (the page names these).</summary>
    public IReadOnlyList<(string Sku, int Facings)> TopFacings { get; private set; } = [];
    public IReadOnlyList<StaffRoster.StaffMember> Staff { get; private set; } = [];
    /// <summary>What the last action did: said on this answer, or carried over a redirect.</summary>
    public string? Notice { get => _notice ?? TempData["notice"] as string; private set => _notice = value; }
    private string? _notice;
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool MayEdit => User.Scope().MayEditMasterData;

    /// <summary>The door camera whose pictures show a closure (the first entrance camera that has reported).</summary>
    public string? EntranceCamera => Cameras.FirstOrDefault(c => c.Kind == CameraKind.Entrance)?.CameraCode;


    public async Task<IActionResult> OnGet() => await Load() ?? Page();

    public async Task<IActionResult> OnPostEnrol(string? name, IFormFile? photo, CancellationToken cancellationToken)
    {
        if (!MayEdit) return Forbid();
        if (await Load() is { } refused) return refused;
        var errors = new FieldErrors();
        errors.Text("name", name, 80);
        if (photo is null || photo.Length == 0) errors.Add("photo", T("staffPhotoMissing"));
        else if (photo.Length > JpegCheck.MaxBytes) errors.Add("photo", string.Format(T("staffPhotoTooLarge"), JpegCheck.MaxBytes / 1024 / 1024));
        byte[]? jpeg = null;
        if (!errors.Any)
        {
            using var buffer = new MemoryStream();
            await photo!.CopyToAsync(buffer, cancellationToken);
            jpeg = buffer.ToArray();
            if (JpegCheck.Inspect(jpeg) is { Ok: false } check) errors.Add("photo", T(check.IsJpeg ? "staffPhotoDamaged" : "staffPhotoNotJpeg"));
        }
        if (!errors.Any && await enrolment.Enrol(Code, name!.Trim(), jpeg!, User.Actor()) is null) errors.Add("photo", T("noPersonInPhoto"));
        if (errors.Any)
        {
            Errors = errors.Localized;
            return Page();
        }
        await Load();
        Notice = string.Format(T("staffEnrolled"), name!.Trim());
        return Page();
    }

    /// <summary>Those above the store (HQ admins, its region manager) send it a to-do from what they see here.</summary>
    public bool MayRaiseTodo => InspectionRights.MayReview(User.Scope(), Store.Code, Store.RegionCode);

    /// <summary>What a to-do about the store's suspected closure would say, ready to send or change.</summary>
    public string SuggestedTodo => LooksClosed is { } closed
        ? string.Format(T("todoAboutClosure"), TimeZoneInfo.ConvertTimeFromUtc(closed.SinceUtc, Zone).ToString("HH:mm"))
        : "";

    public async Task<IActionResult> OnPostTodo(string? text, string? due)
    {
        if (await Load() is { } refused) return refused;
        if (!MayRaiseTodo) return Forbid();
        var errors = TodoText.Check("text", text);
        var deadline = todoDesk.Deadline("due", due, Store.TimeZone, errors);
        if (errors.Any)
        {
            TodoErrors = errors.Localized;
            return Page();
        }
        await todoDesk.Raise(Code, null, text!.Trim(), User.Actor(), deadline!.Value);
        // Redirected, so a reload does not send the to-do again.
        TempData["notice"] = string.Format(T("todoRaised"), Store.Name);
        return RedirectToPage(new { Code });
    }

    public IReadOnlyList<string> TodoErrors { get; private set; } = [];
    public DateTime UtcNow { get; } = DateTime.UtcNow;
    /// <summary>The store's own today, the earliest deadline it can be given.</summary>
    public string StoreToday => TodoDeadline.Today(Store.TimeZone, UtcNow).ToString("yyyy-MM-dd");
    /// <summary>The deadline field's first value, on the store's own calendar.</summary>
    public string DefaultDue => TodoDeadline.DefaultDay(TodoDeadline.Today(Store.TimeZone, UtcNow), todoDesk.DueInDays).ToString("yyyy-MM-dd");

    /// <summary>What was wrong with an opening or closing date sent (开业 / 闭店), in the reader's language.</summary>
    public IReadOnlyList<string> LifecycleErrors { get; private set; } = [];

    /// <summary>HQ sets the store's first trading day (开业日期): before it, the store is being prepared.</summary>
    public Task<IActionResult> OnPostSetOpening(string? opensOn) =>
        ChangeLifecycle("opensOn", opensOn, date => lifecycle.SetOpening(Code, date, User.Actor()), s => string.Format(T("storeOpeningSaved"), s.OpeningHours.OpensFrom?.ToString("yyyy-MM-dd")));

    /// <summary>HQ clears the opening date: the store trades from now.</summary>
    public Task<IActionResult> OnPostClearOpening() => ChangeLifecycle(null, null, _ => lifecycle.ClearOpening(Code, User.Actor()), _ => T("storeOpeningCleared"));

    /// <summary>HQ closes the store for good from a store-local date (today, or planned ahead).</summary>
    public Task<IActionResult> OnPostCloseDown(string? closedOn) =>
        ChangeLifecycle("closedOn", closedOn, date => lifecycle.Close(Code, date, User.Actor()), s => string.Format(T("storeClosedDownSaved"), Display.Closing(s)));

    /// <summary>HQ reopens a store closed for good, or withdraws a planned closing.</summary>
    public Task<IActionResult> OnPostReopen() => ChangeLifecycle(null, null, _ => lifecycle.Reopen(Code, User.Actor()), _ => T("storeReopened"));

    /// <param name="field">the date field sent (null: a handler that clears one); a text that is no date is refused here.</param>
    /// <param name="said">the notice the page then shows, from the store as changed.</param>
    private async Task<IActionResult> ChangeLifecycle(string? field, string? typed, Func<DateOnly?, Task<StoreLifecycleDesk.Outcome>> change, Func<Store, string> said)
    {
        if (!MayEdit) return Forbid();
        if (await Load() is { } refused) return refused;
        DateOnly? date = DateOnly.TryParseExact(typed?.Trim(), "yyyy-MM-dd", out var parsed) ? parsed : null;
        var errors = new FieldErrors();
        if (field is not null && date is null && !string.IsNullOrWhiteSpace(typed))
            errors.Add(field, $"{field} '{typed}' is no date.", $"{FieldNames.Zh(field)}“{typed}”不是日期。");
        var outcome = errors.Any ? new StoreLifecycleDesk.Outcome(Store, errors) : await change(date);
        if (outcome.Store is null) return NotFound();
        if (outcome.Errors.Any)
        {
            LifecycleErrors = outcome.Errors.Localized;
            return Page();
        }
        TempData["notice"] = said(outcome.Store);
        return RedirectToPage(new { Code });
    }

    public async Task<IActionResult> OnPostRemoveStaff(long id)
    {
        if (!MayEdit) return Forbid();
        if (await Load() is { } refused) return refused;
        if (!await roster.Remove(Code, id, User.Actor())) return NotFound();
        await cluster.GetGrain<IStoreGrain>(Code).StaffChanged();
        return RedirectToPage(new { Code });
    }

    private async Task<IActionResult?> Load()
    {
        var store = await stores.Find(Code);
        if (store is null) return NotFound();
        if (!User.Scope().AllowsStore(store.Code, store.RegionCode)) return Forbid();
        Store = store;
        Region = await regions.Find(store.RegionCode);
        var grain = cluster.GetGrain<IStoreGrain>(Code);
        var summary = await grain.GetSummary();
        (Today, Cameras, LooksClosed) = (summary.Today, summary.Cameras, summary.LooksClosed);
        Closures = await closures.Recent(Code, 5);
        OpenTodos = await todos.Recent(new StoreCoverage(User.Scope(), Code, null), TodoStates.Open, 20);
        Shelf = await grain.GetShelf();
        TopFacings = Shelf.Figures.FacingsBySku.OrderByDescending(kv => kv.Value).Take(12).Select(kv => (kv.Key, kv.Value)).ToList();
        SkuNames = await skus.Names(TopFacings.Select(f => f.Sku).ToList());
        SetAsidePlanograms = (await planograms.ForStore(Code)).Where(p => !p.InPlan).ToList();
        // One more than shown: the count then says there are more.
        AlertSpells = (await shelfAlerts.Of(Code, DateTime.UtcNow.AddDays(-AlertDaysShown))).Take(AlertSpellsShown + 1).ToList();
        RecentChanges = await Pages.RecentChanges.Of(audit, "store", Code, store.TimeZone, MayEdit);
        var zone = Zone = StoreTimeZones.Find(store.TimeZone);
        var day = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone).Date;
        Hours = await traffic.Hours(Code, day, day.AddDays(1));
        Staff = await roster.List(Code);
        return null;
    }
}
