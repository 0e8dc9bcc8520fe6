using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using SmartStore.Web.Todos;
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
    /// <summary>整改统计 lists the stores with most overdue and open to-dos, not every store of a chain.</summary>
    public const int TallyStoresShown = 20;
    /// <summary>To-dos listed at most (the oldest open first): the tiles and the tally count them all.</summary>
    public const int TodosShown = 300;

    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    [BindProperty(SupportsGet = true, Name = "task")] public long? TaskId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Store { get; set; }
    /// <summary>搜索 of the task list: a task's name or who created it.</summary>
    [BindProperty(SupportsGet = true, Name = "tq")] public string? TaskSearch { get; set; }
    /// <summary>The task whose fields the task form shows for a change.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")] public long? EditId { get; set; }

    private Dictionary<string, string>? _filters;

    public DateOnly ShownDay => Day ?? calendar.Today;
    public DateOnly Today => calendar.Today;
    public IReadOnlyList<InspectionTask> Tasks { get; private set; } = [];
    /// <summary>The day's pictures of the chosen task and store, whatever their status (the tiles count them all).</summary>
    public IReadOnlyList<InspectionCapture> DayPictures { get; private set; } = [];
    public IReadOnlyList<InspectionCapture> Pictures => Status is null ? DayPictures : DayPictures.Where(c => c.Status == Status).ToList();
    /// <summary>
    /// The to-dos listed: those that want work and those accepted in the last 7 days, or those in the chosen state (open
    /// includes overdue: both wait on the store).
    /// </summary>
    public IReadOnlyList<StoreTodo> Todos { get; private set; } = [];
    /// <summary>What the tiles count, whatever is listed.</summary>
    public TodoCounts TodoCounts { get; private set; } = new(0, 0, 0);

    public DateTime UtcNow { get; } = DateTime.UtcNow;

    /// <summary>The deadline field's first value on a new to-do, on head office's calendar (each store's own day is near it).</summary>
    public string DefaultDue => TodoDeadline.DefaultDay(Today, desk.DueInDays).ToString("yyyy-MM-dd");

    /// <summary>The deadline field's first value when sending a to-do back: its own day while ahead, else the default.</summary>
    public string ReworkDue(StoreTodo todo) =>
        TodoDeadline.DayOf(desk.ReworkDeadline(todo, null, new FieldErrors())!.Value, todo.TimeZone).ToString("yyyy-MM-dd");

    /// <summary>Whether the accept and send-back buttons show: the list holds only the viewer's stores, so the role decides (the post checks again).</summary>
    public bool MayReviewTodos => Scope.Role is Role.HqAdmin or Role.RegionManager;

    /// <summary>The page's address with the to-do list showing <paramref name="state"/> (null: all), the other filters kept.</summary>
    public string TodoQuery(string? state) => string.Join("&", Filters.Where(f => f.Key != "todo").Append(new("todo", state ?? ""))
        .Where(f => f.Value.Length > 0).Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
    /// <summary>The to-dos' rounds sent back, first first.</summary>
    public ILookup<long, TodoRejection> Rounds { get; private set; } = Array.Empty<TodoRejection>().ToLookup(r => r.TodoId);
    /// <summary>整改统计 of the last 30 days: per store, per region and in all.</summary>
    public IReadOnlyList<TodoTally> Tally { get; private set; } = [];
    /// <summary>Which to-dos are listed (<see cref="TodoStates"/>); none: all that want work, and those lately accepted.</summary>
    [BindProperty(SupportsGet = true, Name = "todo")] public string? TodoState { get; set; }
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
        ["todo"] = TodoState ?? "",
    };

    public async Task<IActionResult> OnGet()
    {
        if (Status is not null && !CaptureStatus.All.Contains(Status)) Status = null;
        if (TodoState is not null && !TodoStates.All.Contains(TodoState)) TodoState = null;
        var (coverage, problem) = await StoreAccess.Resolve(Scope, PlanningInput.Blank(Store), null, stores);
        if (problem is not null) return this.Refusal(problem);
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

    public async Task<IActionResult> OnPostTodo(long id, string? text, string? due)
    {
        var capture = await captures.Find(id);
        if (capture is null) return NotFound();
        if (!InspectionRights.MayReview(Scope, capture.StoreCode, capture.RegionCode)) return Forbid();
        var errors = TodoText.Check("text", text);
        var deadline = desk.Deadline("due", due, capture.TimeZone, errors);
        if (errors.Any) return await Refused("picture", errors.Localized.ToArray());
        return await desk.Raise(capture.StoreCode, id, text!.Trim(), User.Actor(), deadline!.Value) is not null
            ? Done(string.Format(T("todoRaised"), capture.StoreName))
            : await Refused("picture", T("notReviewable"));
    }

    public async Task<IActionResult> OnPostDone(long id, string? note, IFormFile? proof, CancellationToken cancellationToken)
    {
        var todo = await todos.Find(id);
        var store = todo is null ? null : await stores.Find(todo.StoreCode);
        if (store is null) return NotFound();
        if (!InspectionRights.MayClose(Scope, store.Code, store.RegionCode)) return Forbid();
        var errors = TodoText.Check("note", note);
        if (errors.Any) return await Refused("todo", errors.Localized.ToArray());
        var (photo, problem) = await ProofPhoto(proof, cancellationToken);
        if (problem is not null) return await Refused("todo", problem);
        return await desk.Done(todo!, note!.Trim(), User.Actor(), photo) ? Done(T("todoDone")) : await Refused("todo", T("alreadyDone"));
    }

    /// <summary>验收: the reviewer accepts what the store did.</summary>
    public async Task<IActionResult> OnPostAccept(long id)
    {
        var (todo, refusal) = await Reviewable(id);
        if (todo is null) return refusal!;
        return await desk.Accept(todo, User.Actor()) ? Done(string.Format(T("todoAccepted"), todo.StoreName)) : await Refused("todo", T("notAwaitingReview"));
    }

    /// <summary>驳回: the to-do goes back to the store with the reason, due again by the day given.</summary>
    public async Task<IActionResult> OnPostReject(long id, string? reason, string? due)
    {
        var (todo, refusal) = await Reviewable(id);
        if (todo is null) return refusal!;
        var errors = TodoText.Check("reason", reason);
        var deadline = desk.ReworkDeadline(todo, due, errors);
        if (errors.Any) return await Refused("todo", errors.Localized.ToArray());
        return await desk.Reject(todo, reason!.Trim(), deadline!.Value, User.Actor())
            ? Done(string.Format(T("todoSentBack"), todo.StoreName))
            : await Refused("todo", T("notAwaitingReview"));
    }

    /// <summary>The to-do, when the viewer may review its store's to-dos; else why not (none such, or not theirs).</summary>
    private async Task<(StoreTodo? Todo, IActionResult? Refusal)> Reviewable(long id)
    {
        var todo = await todos.Find(id);
        var store = todo is null ? null : await stores.Find(todo.StoreCode);
        if (store is null) return (null, NotFound());
        return InspectionRights.MayReview(Scope, store.Code, store.RegionCode) ? (todo, null) : (null, Forbid());
    }

    /// <summary>The photo taken to show the to-do put right (optional), or why it cannot be kept; nothing is closed then.</summary>
    private static async Task<(byte[]? Photo, string? Problem)> ProofPhoto(IFormFile? proof, CancellationToken cancellationToken)
    {
        if (proof is null || proof.Length == 0) return (null, null);
        if (proof.Length > JpegCheck.MaxBytes) return (null, string.Format(T("proofTooLarge"), JpegCheck.MaxBytes / 1024 / 1024));
        using var buffer = new MemoryStream();
        await proof.CopyToAsync(buffer, cancellationToken);
        var (photo, check) = TodoProof.Prepare(buffer.ToArray());
        return photo is not null ? (photo, null) : (null, T(check.IsJpeg ? "proofDamaged" : "proofNotJpeg"));
    }

    public async Task<IActionResult> OnPostTask(long? id, string? name, string? at, int[]? weekdays, string? cameraKind, string? regionCode, string? storeTag, int? preset)
    {
        if (!MayPlanAny) return Forbid();
        var input = new InspectionTaskInput(name, at, weekdays, cameraKind, regionCode, storeTag, preset);
        if (id is { } changing) return await ChangeTask(changing, input);
        var (created, errors) = await planning.Create(input, User);
        if (errors is not null)
        {
            TaskForm = input;
            return await Refused("task", errors.Localized.ToArray());
        }
        return created is null ? Forbid() : Done(string.Format(T("taskAdded"), created.Name));
    }

    private async Task<IActionResult> ChangeTask(long id, InspectionTaskInput input)
    {
        var (changed, errors, outcome) = await planning.Update(id, input, User);
        if (outcome == InspectionPlanning.Change.NotFound) return NotFound();
        if (outcome == InspectionPlanning.Change.Refused) return Forbid();
        if (outcome == InspectionPlanning.Change.Invalid)
        {
            (TaskForm, EditId) = (input, id);
            return await Refused("task", errors!.Localized.ToArray());
        }
        return Done(string.Format(T("taskChanged"), changed!.Name));
    }

    /// <summary>批量删除: the ticked tasks the planner may plan are removed; their pictures and to-dos stay.</summary>
    public async Task<IActionResult> OnPostRemove(long[]? ids)
    {
        if (!MayPlanAny) return Forbid();
        if (ids is not { Length: > 0 }) return await Refused("tasks", T("noTaskTicked"));
        var removed = await planning.Remove(ids, User);
        return Done(Count("tasksRemoved", removed.Count));
    }

    /// <summary>The tasks listed: all the viewer's, or those whose name or creator holds the search.</summary>
    public IReadOnlyList<InspectionTask> ListedTasks => string.IsNullOrWhiteSpace(TaskSearch) ? Tasks
        : Tasks.Where(k => k.Name.Contains(TaskSearch.Trim(), StringComparison.OrdinalIgnoreCase)
            || k.CreatedBy.Contains(TaskSearch.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();

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
        // A task opened for a change fills the form (unless a refused change already did).
        if (EditId is { } edit && ErrorsFor is null && Tasks.FirstOrDefault(k => k.Id == edit) is { } task && PlanningRights.MayPlan(Scope, task.RegionCode))
            TaskForm = new InspectionTaskInput(task.Name, task.AtLocal.ToString("HH:mm"),
                Enumerable.Range(1, 7).Where(d => ((int)task.Weekdays & (1 << (d - 1))) != 0).ToList(), task.CameraKind.ToCode(), task.RegionCode,
                task.StoreTag, task.Preset);
        else if (ErrorsFor is null) EditId = null;
        DayPictures = await captures.OfDay(coverage, ShownDay, TaskId, null, 1_000);
        Todos = await todos.Recent(coverage, TodoState, TodosShown);
        TodoCounts = await todos.Counts(coverage);
        Rounds = (await todos.Rejections(Todos.Where(t => t.Rejections > 0).Select(t => t.Id).ToList())).ToLookup(r => r.TodoId);
        Tally = await todos.Tally(coverage, calendar.StartUtc(Today.AddDays(-(TodoEndpoints.TallyDays - 1))), calendar.StartUtc(Today.AddDays(1)));
        Regions = await regions.List(Scope);
        StoreTags = await dictionary.List(DictionaryRepository.StoreTag);
    }
}
