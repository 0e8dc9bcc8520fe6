using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;
using SmartStore.Web.Todos;

namespace SmartStore.Web.Api;

/// <summary>
/// 整改 for integrators: a store's to-dos raised with a deadline, marked done by the store (with a photo), accepted or
/// sent back by the reviewer; and the tally of how stores put them right.
/// </summary>
public static class TodoEndpoints
{
    /// <summary>The tally's period when none is given: the last 30 days, today included.</summary>
    public const int TallyDays = 30;

    public static RouteGroupBuilder MapTodos(this RouteGroupBuilder api)
    {
        var todos = api.MapGroup("/todos").WithTags("Inspections");
        todos.MapGet("/", Todos).WithSummary("整改: the stores' to-dos, by store, region or state").Produces<TodoList>();
        todos.MapPost("/", RaiseTodo).WithSummary("Raises a to-do for a store").Produces<TodoShown>(StatusCodes.Status201Created).AnswersOutsideScope();
        todos.MapGet("/summary", Summary).WithSummary("整改统计: to-dos raised in a period, done on time, overdue, per store and region").Produces<TodoSummary>();
        todos.MapPost("/{id:long}/done", Done).WithSummary("The store marks a to-do done, with a note").Produces<TodoShown>().AnswersOutsideScope();
        todos.MapPost("/{id:long}/accept", Accept).WithSummary("验收: the reviewer accepts a done to-do").Produces<TodoShown>().AnswersOutsideScope();
        todos.MapPost("/{id:long}/reject", Reject).WithSummary("驳回: the reviewer sends a done to-do back with a reason").Produces<TodoShown>().AnswersOutsideScope();
        todos.MapPut("/{id:long}/proof", AttachProof).WithSummary("整改照片: the photo of a done to-do (JPEG)").AcceptsJpeg().Produces<TodoShown>().AnswersOutsideScope();
        todos.MapGet("/{id:long}/proof", Proof).WithSummary("A done to-do's photo (JPEG)").ProducesJpeg().AnswersOutsideScope();
        return api;
    }

    /// <param name="Due">the store-local day it is due by the end of (yyyy-MM-dd); none: the default (tomorrow).</param>
    public sealed record NewTodoInput(string? Store, string? Text, string? Due);

    public sealed record DoneInput(string? Note);

    /// <param name="Due">the new deadline; none: the one it had while still ahead, else the default.</param>
    public sealed record RejectInput(string? Reason, string? Due);

    private static async Task<IResult> RaiseTodo(NewTodoInput input, ClaimsPrincipal user, StoreRepository stores, StoreTodos todos, TodoDesk desk)
    {
        var errors = TodoText.Check("text", input.Text);
        if (string.IsNullOrWhiteSpace(input.Store)) errors.Add("store", "store is required.");
        if (errors.Any) return errors.ToResult();
        var store = await stores.Find(input.Store!.Trim());
        if (store is null) return Problems.NotFound($"Store '{input.Store}'");
        if (!InspectionRights.MayReview(user.Scope(), store.Code, store.RegionCode)) return Problems.OutOfScope($"Store '{store.Code}'");
        var due = desk.Deadline("due", input.Due, store.TimeZone, errors);
        if (errors.Any) return errors.ToResult();
        var todoId = (await desk.Raise(store.Code, null, input.Text!.Trim(), user.Actor(), due!.Value))!.Value;
        return Results.Created($"/api/todos/{todoId}", TodoJson((await todos.Find(todoId))!, []));
    }

    /// <param name="open">true: open ones only (as <c>state=open</c>).</param>
    /// <param name="state">open, overdue, review (done, awaiting acceptance) or accepted (the last 30 days).</param>
    private static async Task<IResult> Todos(string? store, string? region, bool? open, string? state, ClaimsPrincipal user, StoreRepository stores,
        StoreTodos todos)
    {
        if (state is not null && !TodoStates.All.Contains(state))
        {
            var errors = new FieldErrors();
            errors.Add("state", $"state '{state}' must be one of {string.Join(", ", TodoStates.All)}.");
            return errors.ToResult();
        }
        var (coverage, problem) = await StoreAccess.Resolve(user.Scope(), store, region, stores);
        if (problem is not null) return problem;
        var list = await todos.Recent(coverage!, state ?? (open == true ? TodoStates.Open : null), 1_000);
        var rounds = (await todos.Rejections(list.Where(t => t.Rejections > 0).Select(t => t.Id).ToList())).ToLookup(r => r.TodoId);
        return Results.Ok(new TodoList(list.Select(t => TodoJson(t, rounds[t.Id])).ToList()));
    }

    /// <summary>整改统计: to-dos raised from <paramref name="from"/> to <paramref name="to"/> (head office's days, default the last <see cref="TallyDays"/>) per store and region.</summary>
    private static async Task<IResult> Summary(string? from, string? to, string? store, string? region, ClaimsPrincipal user, StoreRepository stores,
        StoreTodos todos, ReportCalendar calendar)
    {
        var errors = new FieldErrors();
        var (fromDay, toDay) = ReportRequest.Period(errors, from, to, calendar.Today.AddDays(-(TallyDays - 1)), calendar.Today);
        ReportRequest.OneTarget(errors, store, region);
        if (errors.Any) return errors.ToResult();
        var (coverage, problem) = await StoreAccess.Resolve(user.Scope(), store, region, stores);
        if (problem is not null) return problem;
        var tally = await todos.Tally(coverage!, calendar.StartUtc(fromDay), calendar.StartUtc(toDay.AddDays(1)));
        return Results.Ok(new TodoSummary(fromDay.ToString("yyyy-MM-dd"), toDay.ToString("yyyy-MM-dd"),
            tally.Where(t => t.StoreCode is not null).Select(TallyJson).ToList(),
            tally.Where(t => t.StoreCode is null && t.RegionCode is not null).Select(TallyJson).ToList(),
            tally.Where(t => t.RegionCode is null).Select(TallyJson).FirstOrDefault()));
    }

    private static async Task<IResult> Done(long id, DoneInput input, ClaimsPrincipal user, StoreRepository stores, StoreTodos todos, TodoDesk desk)
    {
        var (todo, problem) = await Find(id, InspectionRights.MayClose, user, stores, todos);
        if (problem is not null) return problem;
        var errors = TodoText.Check("note", input.Note);
        if (errors.Any) return errors.ToResult();
        if (!await desk.Done(todo!, input.Note!.Trim(), user.Actor()))
            return Results.Problem(statusCode: 409, title: "Already done", detail: $"To-do {id} was marked done already.");
        return Results.Ok(TodoJson((await todos.Find(id))!, []));
    }

    /// <summary>验收: the reviewer (who may raise the store's to-dos) accepts a done to-do.</summary>
    private static async Task<IResult> Accept(long id, ClaimsPrincipal user, StoreRepository stores, StoreTodos todos, TodoDesk desk)
    {
        var (todo, problem) = await Find(id, InspectionRights.MayReview, user, stores, todos);
        if (problem is not null) return problem;
        if (!await desk.Accept(todo!, user.Actor())) return NotAwaitingReview(todo!);
        return Results.Ok(await Json(id, todos));
    }

    /// <summary>驳回: the reviewer sends a done to-do back with a reason; it is open again, its round kept.</summary>
    private static async Task<IResult> Reject(long id, RejectInput input, ClaimsPrincipal user, StoreRepository stores, StoreTodos todos, TodoDesk desk)
    {
        var (todo, problem) = await Find(id, InspectionRights.MayReview, user, stores, todos);
        if (problem is not null) return problem;
        var errors = TodoText.Check("reason", input.Reason);
        var due = desk.ReworkDeadline(todo!, input.Due, errors);
        if (errors.Any) return errors.ToResult();
        if (!await desk.Reject(todo!, input.Reason!.Trim(), due!.Value, user.Actor())) return NotAwaitingReview(todo!);
        return Results.Ok(await Json(id, todos));
    }

    /// <summary>The to-do, when the caller has <paramref name="right"/> over its store; else the problem (none such, or not theirs).</summary>
    private static async Task<(StoreTodo? Todo, IResult? Problem)> Find(long id, Func<AccessScope, string, string, bool> right, ClaimsPrincipal user,
        StoreRepository stores, StoreTodos todos, CancellationToken cancellationToken = default)
    {
        var todo = await todos.Find(id, cancellationToken);
        if (todo is null) return (null, Problems.NotFound($"To-do {id}"));
        var store = (await stores.Find(todo.StoreCode))!;
        return right(user.Scope(), store.Code, store.RegionCode) ? (todo, null) : (null, Problems.OutOfScope($"To-do {id}"));
    }

    private static bool Sees(AccessScope scope, string storeCode, string regionCode) => scope.AllowsStore(storeCode, regionCode);

    private static IResult NotAwaitingReview(StoreTodo todo) => Results.Problem(statusCode: 409, title: "Not awaiting review",
        detail: $"To-do {todo.Id} is '{todo.StateAt(DateTime.UtcNow)}': only a to-do marked done and not yet accepted can be accepted or sent back.");

    private static async Task<TodoShown> Json(long id, StoreTodos todos) =>
        TodoJson((await todos.Find(id))!, await todos.Rejections([id]));

    /// <summary>整改照片 of a done to-do, sent by whoever may close it (an integration closes first, then sends the photo).</summary>
    private static async Task<IResult> AttachProof(long id, HttpRequest request, ClaimsPrincipal user, StoreRepository stores, StoreTodos todos,
        CancellationToken cancellationToken)
    {
        var (todo, refused) = await Find(id, InspectionRights.MayClose, user, stores, todos, cancellationToken);
        if (refused is not null) return refused;
        // ReadBody has checked it is a whole JPEG: only the scaling is left.
        var (jpeg, _, problem) = await JpegCheck.ReadBody(request, cancellationToken);
        if (problem is not null) return problem;
        if (!await todos.AttachProof(id, TodoProof.Kept(jpeg!), user.Actor()))
            return Results.Problem(statusCode: 409, title: todo!.Accepted ? "Accepted" : "Not done", detail: todo.Accepted
                ? $"To-do {id} is accepted: its photo stays the one accepted."
                : $"To-do {id} is open: close it first (POST /api/todos/{id}/done).");
        return Results.Ok(TodoJson((await todos.Find(id, cancellationToken))!, []));
    }

    /// <param name="width">a smaller copy for a list (160–1,280 pixels wide, as snapshots' previews).</param>
    /// <param name="round">a round sent back (its id in <c>rejections</c>): the photo shown then.</param>
    private static async Task<IResult> Proof(long id, int? width, long? round, ClaimsPrincipal user, StoreRepository stores, StoreTodos todos,
        HttpResponse response, CancellationToken cancellationToken)
    {
        if (SnapshotEndpoints.PreviewWidthRefusal(width) is { } refused) return refused;
        var (_, problem) = await Find(id, Sees, user, stores, todos, cancellationToken);
        if (problem is not null) return problem;
        var photo = round is { } r ? await todos.RejectedProof(id, r, cancellationToken) : await todos.Proof(id, cancellationToken);
        if (photo is null) return Problems.NotFound($"A photo of to-do {id}");
        response.Headers.CacheControl = "private, max-age=300";
        return Results.File(width is { } shown ? TodoProof.Smaller(photo, shown) : photo, FileAnswers.Jpeg);
    }

    public static TodoShown TodoJson(StoreTodo t, IEnumerable<TodoRejection> rounds) => new()
    {
        Id = t.Id, Store = t.StoreCode, StoreName = t.StoreName, Text = t.Text, CaptureId = t.CaptureId, Task = t.TaskName,
        Image = t.SnapshotId is { } s ? $"/api/snapshots/{s}/image" : null,
        RaisedBy = t.RaisedBy, RaisedUtc = t.RaisedUtc, State = t.StateAt(DateTime.UtcNow),
        Due = t.DueUtc is { } d ? TodoDeadline.DayOf(d, t.TimeZone).ToString("yyyy-MM-dd") : null, DueUtc = t.DueUtc,
        Open = t.Open, DoneUtc = t.DoneUtc, DoneBy = t.DoneBy, DoneNote = t.DoneNote,
        Proof = t.HasProof ? $"/api/todos/{t.Id}/proof" : null,
        AcceptedUtc = t.AcceptedUtc, AcceptedBy = t.AcceptedBy,
        Rejections = rounds.Select(r => new TodoRound(r.Id, r.DoneUtc, r.DoneBy, r.DoneNote, r.HasProof ? $"/api/todos/{t.Id}/proof?round={r.Id}" : null,
            r.RejectedUtc, r.RejectedBy, r.Reason, r.DueUtc)).ToList(),
        RejectionCount = t.Rejections,
    };

    private static TodoTallyShown TallyJson(TodoTally t) => new(t.StoreCode, t.StoreName, t.RegionCode, t.Raised, t.Accepted, t.AcceptedOnTime,
        t.Accepted == 0 ? null : Math.Round((double)t.AcceptedOnTime / t.Accepted, 3), t.Open, t.Overdue, t.AwaitingReview, t.Rejections,
        t.MedianHoursToAccept is { } h ? Math.Round(h, 1) : null);

    public sealed record TodoList(IReadOnlyList<TodoShown> Todos);

    /// <summary>
    /// A store's to-do (整改): raised from an inspection picture, a 收银追溯 finding or by hand; due by the end of <c>due</c>
    /// (store-local day); done by the store with a note and a photo; accepted, or sent back (each round in <c>rejections</c>).
    /// State: open, overdue, review (done, awaiting acceptance) or accepted.
    /// </summary>
    public sealed record TodoShown
    {
        public long Id { get; init; }
        public required string Store { get; init; }
        public required string StoreName { get; init; }
        public required string Text { get; init; }
        public long? CaptureId { get; init; }
        public string? Task { get; init; }
        public string? Image { get; init; }
        public required string RaisedBy { get; init; }
        public DateTime RaisedUtc { get; init; }
        public required string State { get; init; }
        public string? Due { get; init; }
        public DateTime? DueUtc { get; init; }
        public bool Open { get; init; }
        public DateTime? DoneUtc { get; init; }
        public string? DoneBy { get; init; }
        public string? DoneNote { get; init; }
        public string? Proof { get; init; }
        public DateTime? AcceptedUtc { get; init; }
        public string? AcceptedBy { get; init; }
        public required IReadOnlyList<TodoRound> Rejections { get; init; }
        public int RejectionCount { get; init; }
    }

    /// <summary>A round the reviewer sent back: what the store had done then (note, photo) and why it was rejected.</summary>
    public sealed record TodoRound(long Id, DateTime DoneUtc, string DoneBy, string? DoneNote, string? Proof, DateTime RejectedUtc, string RejectedBy,
        string Reason, DateTime? DueUtc);

    /// <summary>整改统计 over a period: per store, per region, and the total (null when nothing was raised).</summary>
    public sealed record TodoSummary(string From, string To, IReadOnlyList<TodoTallyShown> Stores, IReadOnlyList<TodoTallyShown> Regions, TodoTallyShown? Total);

    /// <summary>To-dos raised in the period and how they were put right; a region's row has no store, the total neither.</summary>
    public sealed record TodoTallyShown(string? Store, string? StoreName, string? Region, int Raised, int Accepted, int AcceptedOnTime, double? OnTimeRate,
        int Open, int Overdue, int AwaitingReview, int Rejections, double? MedianHoursToAccept);
}
