using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>Adds a 定时抓拍 task for the page and the API alike: the input checked, its region and tag known, the planner allowed.</summary>
public sealed class InspectionPlanning(InspectionTasks tasks, RegionRepository regions, DictionaryRepository dictionary)
{
    /// <summary>The task created; or the errors; or neither, when the planner may not plan for that region.</summary>
    public async Task<(InspectionTask? Created, FieldErrors? Errors)> Create(InspectionTaskInput input, ClaimsPrincipal user)
    {
        var (task, errors) = input.Check();
        if (task?.RegionCode is { } region && await regions.Find(region) is null) errors.Add("regionCode", $"regionCode '{region}' is not a region.");
        if (task?.StoreTag is { } tag && !(await dictionary.List(DictionaryRepository.StoreTag)).Any(e => e.Code == tag))
            errors.Add("storeTag", $"storeTag '{tag}' is not a store tag.");
        if (task is null || errors.Any) return (null, errors);
        if (!InspectionRights.MayPlan(user.Scope(), task.RegionCode)) return (null, null);
        var id = await tasks.Create(task, user.Actor());
        return (await tasks.Find(id), null);
    }
}
