using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>
/// Adds, changes and removes 定时抓拍 tasks for the page and the API alike: the input checked, its region and tag known, the
/// planner allowed (for a change, over the task as it was and as it will be).
/// </summary>
public sealed class InspectionPlanning(InspectionTasks tasks, StoreReachCheck reach)
{
    /// <summary>The task created; or the errors; or neither, when the planner may not plan for that region.</summary>
    public async Task<(InspectionTask? Created, FieldErrors? Errors)> Create(InspectionTaskInput input, ClaimsPrincipal user)
    {
        var (task, errors) = input.Check();
        if (task is not null) await reach.Check(task.RegionCode, task.StoreTag, errors);
        if (task is null || errors.Any) return (null, errors);
        if (!PlanningRights.MayPlan(user.Scope(), task.RegionCode)) return (null, null);
        var id = await tasks.Create(task, user.Actor());
        return (await tasks.Find(id), null);
    }

    public enum Change { Changed, Invalid, NotFound, Refused }

    /// <summary>The task as changed, or why not: Invalid with the errors; NotFound; Refused when the planner may not plan its region (before or after).</summary>
    public async Task<(InspectionTask? Changed, FieldErrors? Errors, Change Outcome)> Update(long id, InspectionTaskInput input, ClaimsPrincipal user)
    {
        var existing = await tasks.Find(id);
        if (existing is null) return (null, null, Change.NotFound);
        if (!PlanningRights.MayPlan(user.Scope(), existing.RegionCode)) return (null, null, Change.Refused);
        var (task, errors) = input.Check();
        if (task is not null) await reach.Check(task.RegionCode, task.StoreTag, errors);
        if (task is null || errors.Any) return (null, errors, Change.Invalid);
        if (!PlanningRights.MayPlan(user.Scope(), task.RegionCode)) return (null, null, Change.Refused);
        if (!await tasks.Update(task with { Id = id }, user.Actor())) return (null, null, Change.NotFound);
        return (await tasks.Find(id), null, Change.Changed);
    }

    /// <summary>Removes the tasks the planner may plan; returns the ids removed (others are left: unknown, or not theirs).</summary>
    public async Task<IReadOnlyList<long>> Remove(IReadOnlyCollection<long> ids, ClaimsPrincipal user)
    {
        var theirs = new List<long>();
        foreach (var id in ids.Distinct())
            if (await tasks.Find(id) is { } task && PlanningRights.MayPlan(user.Scope(), task.RegionCode)) theirs.Add(id);
        return theirs.Count == 0 ? [] : await tasks.Remove(theirs, user.Actor());
    }
}
