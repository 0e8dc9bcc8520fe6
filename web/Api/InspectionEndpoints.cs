using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>定时抓拍 and to-dos for integrators: tasks, the day's pictures and their review, and the stores' to-dos.</summary>
public static class InspectionEndpoints
{
    public static RouteGroupBuilder MapInspections(this RouteGroupBuilder api)
    {
        var inspections = api.MapGroup("/inspections").WithTags("Inspections");
        inspections.MapGet("/tasks", Tasks).WithSummary("定时抓拍: the inspection tasks (what to photograph, where, on which days and times)").Produces<InspectionTaskList>();
        inspections.MapPost("/tasks", CreateTask).WithSummary("Adds an inspection task").Produces<InspectionTaskShown>(StatusCodes.Status201Created).AnswersOutsideScope();
        inspections.MapPut("/tasks/{id:long}", UpdateTask).WithSummary("Changes an inspection task").Produces<InspectionTaskShown>().AnswersOutsideScope();
        inspections.MapDelete("/tasks/{id:long}", RemoveTask).WithSummary("Removes an inspection task; its pictures and to-dos stay").Produces(StatusCodes.Status204NoContent).AnswersOutsideScope();
        inspections.MapPost("/tasks/remove", RemoveTasks).WithSummary("Removes several inspection tasks at once").Produces<TasksRemoved>();
        inspections.MapPut("/tasks/{id:long}/active", SetActive).WithSummary("Pauses or resumes an inspection task").Produces<InspectionTaskShown>().AnswersOutsideScope();
        inspections.MapGet("/captures", Captures).WithSummary("A day's inspection pictures and their review state").Produces<InspectionDay>();
        inspections.MapPost("/captures/{id:long}/pass", Pass).WithSummary("Passes an inspection picture (nothing to put right)").Produces<InspectionCaptureShown>().AnswersOutsideScope();
        inspections.MapPost("/captures/{id:long}/todo", RaiseFromCapture).WithSummary("Raises a to-do for the store from an inspection picture").Produces<TodoEndpoints.TodoShown>(StatusCodes.Status201Created).AnswersOutsideScope();
        return api.MapTodos();
    }

    public sealed record ActiveInput(bool? Active);

    public sealed record RemoveInput(IReadOnlyList<long>? Ids);

    private static async Task<IResult> UpdateTask(long id, InspectionTaskInput input, ClaimsPrincipal user, InspectionPlanning planning)
    {
        var (changed, errors, outcome) = await planning.Update(id, input, user);
        return outcome switch
        {
            InspectionPlanning.Change.NotFound => Problems.NotFound($"Inspection task {id}"),
            InspectionPlanning.Change.Refused => Problems.OutOfScope($"Inspection task {id}"),
            InspectionPlanning.Change.Invalid => errors!.ToResult(),
            _ => Results.Ok(TaskJson(changed!)),
        };
    }

    /// <summary>A removed task is no longer listed or run; the pictures it took and their to-dos stay.</summary>
    private static async Task<IResult> RemoveTask(long id, ClaimsPrincipal user, InspectionTasks tasks)
    {
        var task = await tasks.Find(id);
        if (task is null) return Problems.NotFound($"Inspection task {id}");
        if (!PlanningRights.MayPlan(user.Scope(), task.RegionCode)) return Problems.OutOfScope($"Inspection task {id}");
        await tasks.Remove([id], user.Actor());
        return Results.NoContent();
    }

    /// <summary>批量删除: removes the listed tasks the caller may plan; answers which were removed.</summary>
    private static async Task<IResult> RemoveTasks(RemoveInput input, ClaimsPrincipal user, InspectionPlanning planning)
    {
        if (input.Ids is not { Count: > 0 } ids)
        {
            var errors = new FieldErrors();
            errors.Add("ids", "ids is required: the tasks to remove.", "请选择要删除的任务。");
            return errors.ToResult();
        }
        return Results.Ok(new TasksRemoved(await planning.Remove(ids, user)));
    }

    public sealed record TodoInput(string? Text, string? Due);

    private static async Task<IResult> Tasks(ClaimsPrincipal user, InspectionTasks tasks) =>
        Results.Ok(new InspectionTaskList((await tasks.List(user.Scope())).Select(TaskJson).ToList()));

    private static async Task<IResult> CreateTask(InspectionTaskInput input, ClaimsPrincipal user, InspectionPlanning planning)
    {
        var (created, errors) = await planning.Create(input, user);
        return PlanAnswer.Of(created, errors, "Planning for that region", t => $"/api/inspections/tasks/{t.Id}", TaskJson);
    }

    private static async Task<IResult> SetActive(long id, ActiveInput input, ClaimsPrincipal user, InspectionTasks tasks)
    {
        var task = await tasks.Find(id);
        if (task is null) return Problems.NotFound($"Inspection task {id}");
        if (!PlanningRights.MayPlan(user.Scope(), task.RegionCode)) return Problems.OutOfScope($"Inspection task {id}");
        if (input.Active is not { } active)
        {
            var errors = new FieldErrors();
            errors.Add("active", "active is required: true or false.");
            return errors.ToResult();
        }
        await tasks.SetActive(id, active, user.Actor());
        return Results.Ok(TaskJson(task with { Active = active }));
    }

    private static async Task<IResult> Captures(string? day, long? task, string? status, string? store, string? region, ClaimsPrincipal user,
        InspectionCaptures captures, StoreRepository stores, ReportCalendar calendar)
    {
        var errors = new FieldErrors();
        var date = calendar.Today;
        if (day is not null && !DateOnly.TryParseExact(day, "yyyy-MM-dd", out date)) errors.Add("day", $"day '{day}' must be yyyy-MM-dd.");
        if (status is not null && !CaptureStatus.All.Contains(status)) errors.Add("status", $"status '{status}' must be one of {string.Join(", ", CaptureStatus.All)}.");
        if (errors.Any) return errors.ToResult();
        var (coverage, problem) = await StoreAccess.Resolve(user.Scope(), store, region, stores);
        if (problem is not null) return problem;
        var list = await captures.OfDay(coverage!, date, task, status, 2_000);
        return Results.Ok(new InspectionDay(date.ToString("yyyy-MM-dd"), list.Select(CaptureJson).ToList()));
    }

    private static async Task<IResult> Pass(long id, ClaimsPrincipal user, InspectionCaptures captures)
    {
        var capture = await captures.Find(id);
        if (capture is null) return Problems.NotFound($"Inspection picture {id}");
        if (!InspectionRights.MayReview(user.Scope(), capture.StoreCode, capture.RegionCode)) return Problems.OutOfScope($"Inspection picture {id}");
        if (!await captures.Pass(id, user.Actor())) return NotReviewable(capture);
        return Results.Ok(CaptureJson((await captures.Find(id))!));
    }

    private static async Task<IResult> RaiseFromCapture(long id, TodoInput input, ClaimsPrincipal user, InspectionCaptures captures, StoreTodos todos, TodoDesk desk)
    {
        var capture = await captures.Find(id);
        if (capture is null) return Problems.NotFound($"Inspection picture {id}");
        if (!InspectionRights.MayReview(user.Scope(), capture.StoreCode, capture.RegionCode)) return Problems.OutOfScope($"Inspection picture {id}");
        var errors = TodoText.Check("text", input.Text);
        var due = desk.Deadline("due", input.Due, capture.TimeZone, errors);
        if (errors.Any) return errors.ToResult();
        if (await desk.Raise(capture.StoreCode, id, input.Text!.Trim(), user.Actor(), due!.Value) is not { } todoId) return NotReviewable(capture);
        return Results.Created($"/api/todos/{todoId}", TodoEndpoints.TodoJson((await todos.Find(todoId))!, []));
    }

    private static IResult NotReviewable(InspectionCapture capture) => Results.Problem(statusCode: 409, title: "Not waiting for review",
        detail: $"Inspection picture {capture.Id} is '{capture.Status}': only a captured picture not yet reviewed can be passed or raise a to-do.");

    private static InspectionTaskShown TaskJson(InspectionTask t) => new(t.Id, t.Name, t.AtLocal.ToString("HH:mm"), t.Weekdays.IsoDays().ToList(),
        t.CameraKind.ToCode(), t.Preset, t.RegionCode, t.StoreTag, t.Active, t.CreatedBy, t.CreatedUtc);

    private static InspectionCaptureShown CaptureJson(InspectionCapture c) => new(c.Id, c.TaskId, c.TaskName, c.StoreCode, c.StoreName, c.CameraCode,
        c.DayLocal.ToString("yyyy-MM-dd"), c.DueUtc, c.PicturedUtc, c.Status, c.SnapshotId is { } s ? $"/api/snapshots/{s}/image" : null,
        c.ReviewedBy, c.ReviewedUtc);

    /// <summary>The tasks removed (ids): those named that the caller may plan.</summary>
    public sealed record TasksRemoved(IReadOnlyList<long> Removed);

    public sealed record InspectionTaskList(IReadOnlyList<InspectionTaskShown> Tasks);

    /// <summary>
    /// An inspection task: photograph at <c>at</c> (store-local) on the weekdays (1 Monday … 7 Sunday) with the stores' cameras of
    /// that kind (a shelf dome at its preset), in a region or stores of a tag (both null: every store); paused while not active.
    /// </summary>
    public sealed record InspectionTaskShown(long Id, string Name, string At, IReadOnlyList<int> Weekdays, string CameraKind, int? Preset,
        string? RegionCode, string? StoreTag, bool Active, string CreatedBy, DateTime CreatedUtc);

    /// <summary>A day's inspection pictures (the store-local day) and their review state.</summary>
    public sealed record InspectionDay(string Day, IReadOnlyList<InspectionCaptureShown> Captures);

    /// <summary>An inspection picture due at a store: its picture once taken (<c>image</c>) and its state (waiting, captured, missed, passed, todo: a to-do raised).</summary>
    public sealed record InspectionCaptureShown(long Id, long TaskId, string Task, string Store, string StoreName, string Camera, string Day,
        DateTime DueUtc, DateTime? PicturedUtc, string Status, string? Image, string? ReviewedBy, DateTime? ReviewedUtc);
}
