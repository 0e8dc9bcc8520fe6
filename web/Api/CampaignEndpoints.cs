using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Analysis;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>营销活动 for integrators: the chain's campaigns and the traffic effect of each.</summary>
public static class CampaignEndpoints
{
    public sealed record CampaignInput(string? Name, string? From, string? To, string? RegionCode, string? StoreTag);

    public const int MaxDays = 366;

    public static RouteGroupBuilder MapCampaigns(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("Foot traffic");
        campaigns.MapGet("/", List).WithSummary("营销活动: the chain's campaigns").Produces<CampaignList>();
        campaigns.MapPost("/", Create).WithSummary("Adds a campaign (its days, and the region or store tag it runs in)").Produces<Campaign>(StatusCodes.Status201Created).AnswersOutsideScope();
        campaigns.MapDelete("/{id:long}", Delete).WithSummary("Removes a campaign").Produces(StatusCodes.Status204NoContent).AnswersOutsideScope();
        campaigns.MapGet("/{id:long}/effect", Effect).WithSummary("A campaign's effect: its stores' traffic against the period before and against stores without it").Produces<CampaignEffect>();
        return api;
    }

    private static async Task<IResult> List(ClaimsPrincipal user, Campaigns campaigns) =>
        Results.Ok(new CampaignList(await campaigns.List(user.Scope())));

    private static async Task<IResult> Create(CampaignInput input, ClaimsPrincipal user, CampaignPlanning planning)
    {
        var (created, errors) = await planning.Create(input, user);
        return PlanAnswer.Of(created, errors, "Planning a campaign for that region", c => $"/api/campaigns/{c.Id}", c => c);
    }

    private static async Task<IResult> Delete(long id, ClaimsPrincipal user, Campaigns campaigns)
    {
        var campaign = await campaigns.Find(id);
        if (campaign is null) return Problems.NotFound($"Campaign {id}");
        if (!PlanningRights.MayPlan(user.Scope(), campaign.RegionCode)) return Problems.OutOfScope($"Campaign {id}");
        await campaigns.Delete(id, user.Actor());
        return Results.NoContent();
    }

    private static async Task<IResult> Effect(long id, ClaimsPrincipal user, Campaigns campaigns, CampaignEffectQuery query, ReportCalendar calendar)
    {
        var campaign = await campaigns.Find(id, user.Scope());
        if (campaign is null) return Problems.NotFound($"Campaign {id}");
        // Its days, groups and comparisons as they are: dates as yyyy-MM-dd, changes and lift as fractions (0.12: 12 % more).
        return Results.Ok(await query.For(campaign, user.Scope(), calendar.Today));
    }

    public sealed record CampaignList(IReadOnlyList<Campaign> Campaigns);
}

/// <summary>Adds a campaign for the page and the API alike: the input checked, its region and tag known, the planner allowed.</summary>
public sealed class CampaignPlanning(Campaigns campaigns, StoreReachCheck reach)
{
    public async Task<(Campaign? Created, FieldErrors? Errors)> Create(CampaignEndpoints.CampaignInput input, ClaimsPrincipal user)
    {
        var errors = new FieldErrors();
        errors.Text("name", input.Name?.Trim(), 60);
        var from = PlanningInput.Date("from", input.From, errors);
        var to = PlanningInput.Date("to", input.To, errors);
        if (from is { } f && to is { } t && (t < f || t.DayNumber - f.DayNumber >= CampaignEndpoints.MaxDays))
            errors.Add("to", $"to must be on or after from, and a campaign at most {CampaignEndpoints.MaxDays} days.", $"结束日期不能早于开始日期，活动最长 {CampaignEndpoints.MaxDays} 天。");
        var region = PlanningInput.Blank(input.RegionCode);
        var tag = PlanningInput.Blank(input.StoreTag);
        await reach.Check(region, tag, errors);
        if (errors.Any) return (null, errors);
        if (!PlanningRights.MayPlan(user.Scope(), region)) return (null, null);
        var campaign = new Campaign(0, input.Name!.Trim(), from!.Value, to!.Value, region, tag, user.Actor());
        return (campaign with { Id = await campaigns.Create(campaign, user.Actor()) }, null);
    }
}
