using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>
/// 定时抓拍 (seed 001): the day's inspection pictures of the viewer's stores, looked at and passed or turned into a to-do
/// for the store; the stores' to-dos, marked done by the store; and the tasks that take the pictures.
/// </summary>
public sealed class InspectionsModel(InspectionTasks tasks, InspectionCaptures captures, StoreTodos todos, TodoDesk desk, InspectionPlanning planning,
    StoreRepository stores, RegionRepository regions, DictionaryRepository dictionary, ReportCalendar calendar) : PageModel
{
    public const int PreviewWidth = 480;

    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    [BindProperty(SupportsGet = true, Name = "task")] public long? TaskId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Store { get; set; }

    private Dictionary<string, string>? _filters;

    public DateOnly ShownDay => Day ?? calendar.Today;
    public DateOnly Today => calendar.Today;
    public IReadOnlyList<InspectionTask> Tasks { get; private set; } = [];
    /// <summary>The day's pictures of the chosen task and store, whatever their status (the tiles count them all).</summary>
    public IReadOnlyList<InspectionCapture> DayPictures { get; private set; } = [];
    public IReadOnlyList<InspectionCapture> Pictures => Status is null ? DayPictures : DayPictures.Where(c => c.Status == Status).ToList();
    public IReadOnlyList<StoreTodo> Todos { get; private set; } = [];
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<DictionaryEntry> StoreTags { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public AccessScope Scope => User.Scope();
    public bool MayPlanAny => PlanningRights.MayPlanAny(Scope);

    /// <summary>The filters, carried by every form so a review keeps the reviewer where they were; built once a request.</summary>
    public Dictionary<string, string> Filters => _filters ??= new()
    {
        ["day"] = ShownDay.ToString("yyyy-MM-dd"),
        ["task"] = TaskId?.ToString() ?? "",
        ["status"] = Status ?? "",
        ["store"] = Store ?? "",
    };

    public async Task<IActionResult> OnGet()
    {
        if (Status is not null && !CaptureStatus.All.Contains(Status)) Status = null;
        var (coverage, problem) = await StoreAccess.Resolve(Scope, PlanningInput.Blank(Store), null, stores);
        if (problem is not null) return NotFound();
        await Load(coverage!);
        return Page();
    }

    public async Task<IActionResult> OnPostPass(long id)
    {
        var capture = await captures.Find(id);
        if (capture is null) return NotFound();
        if (!InspectionRights.MayReview(Scope, capture.StoreCode, capture.RegionCode)) return Forbid();
        return await captures.Pass(id, User.Actor()) ? Done(T("status.passed")) : await Refused("picture", T("notReviewable"));
    }

    public async Task<IActionResult> OnPostTodo(long id, string? text)
    {
        var capture = await captures.Find(id);
        if (capture is null) return NotFound();
        if (!InspectionRights.MayReview(Scope, capture.StoreCode, capture.RegionCode)) return Forbid();
        var errors = TodoText.Check("text", text);
        if (errors.Any) return await Refused("picture", errors.Localized.ToArray());
        return await desk.Raise(capture.StoreCode, id, text!.Trim(), User.Actor()) is not null
            ? Done(string.Format(T("todoRaised"), capture.StoreName))
            : await Refused("picture", T("notReviewable"));
    }

    public async Task<IActionResult> OnPostDone(long id, string? note)
    {
        var todo = await todos.Find(id);
        var store = todo is null ? null : await stores.Find(todo.StoreCode);
        if (store is null) return NotFound();
        if (!InspectionRights.MayClose(Scope, store.Code, store.RegionCode)) return Forbid();
        var errors = TodoText.Check("note", note);
        if (errors.Any) return await Refused("todo", errors.Localized.ToArray());
        return await desk.Done(todo!, note!.Trim(), User.Actor()) ? Done(T("todoDone")) : await Refused("todo", T("alreadyDone"));
    }

    public async Task<IActionResult> OnPostTask(string? name, string? at, int[]? weekdays, string? cameraKind, string? regionCode, string? storeTag, int? preset)
    {
        if (!MayPlanAny) return Forbid();
        var input = new InspectionTaskInput(name, at, weekdays, cameraKind, regionCode, storeTag, preset);
        var (created, errors) = await planning.Create(input, User);
        if (errors is not null)
        {
            TaskForm = input;
            return await Refused("task", errors.Localized.ToArray());
        }
        return created is null ? Forbid() : Done(string.Format(T("taskAdded"), created.Name));
    }

    public async Task<IActionResult> OnPostActive(long id, bool active)
    {
        var task = await tasks.Find(id);
        if (task is null) return NotFound();
        if (!PlanningRights.MayPlan(Scope, task.RegionCode)) return Forbid();
        await tasks.SetActive(id, active, User.Actor());
        return Done(null);
    }

    /// <summary>What a task covers, in words: its region (or every store) and its store type.</summary>
    public string Coverage(InspectionTask task)
    {
        var region = task.RegionCode is null ? T("allStores") : Display.RegionName(Regions.FirstOrDefault(r => r.Code == task.RegionCode), task.RegionCode);
        return task.StoreTag is null ? region : $"{region} · {Display.Label(StoreTags.FirstOrDefault(t => t.Code == task.StoreTag), task.StoreTag)}";
    }

    /// <summary>The new-task form's fields: what was sent, when it was refused, so the planner corrects rather than retypes.</summary>
    public InspectionTaskInput TaskForm { get; private set; } = new(null, "10:00", [1, 2, 3, 4, 5, 6, 7], "entrance", null, null);

    public string? Notice => TempData["notice"] as string;
    public string? ErrorsFor { get; private set; }

    private IActionResult Done(string? notice)
    {
        if (notice is not null) TempData["notice"] = notice;
        return RedirectToPage(Filters.Where(f => f.Value.Length > 0).ToDictionary(f => f.Key, f => (string?)f.Value));
    }

    private async Task<IActionResult> Refused(string form, params string[] errors)
    {
        Errors = errors;
        ErrorsFor = form;
        var (coverage, _) = await StoreAccess.Resolve(Scope, PlanningInput.Blank(Store), null, stores);
        await Load(coverage ?? new StoreCoverage(Scope, null, null));
        return Page();
    }

    private async Task Load(StoreCoverage coverage)
    {
        Tasks = await tasks.List(Scope);
        DayPictures = await captures.OfDay(coverage, ShownDay, TaskId, null, 1_000);
        Todos = await todos.Recent(coverage, openOnly: false, 200);
        Regions = await regions.List(Scope);
        StoreTags = await dictionary.List(DictionaryRepository.StoreTag);
    }
}
