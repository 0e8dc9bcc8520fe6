using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>Adds a 定时抓拍 task for the page and the API alike: the input checked, its region and tag known, the planner allowed.</summary>
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
}
