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
/// 营销活动 (seed 001: promotions and holidays judged by their traffic against the same period): the chain's campaigns, and
/// the chosen one's effect — its stores against the days before and the same dates last year, net of the other stores.
/// </summary>
public sealed class CampaignsModel(Campaigns campaigns, CampaignPlanning planning, CampaignEffectQuery effects, RegionRepository regions,
    DictionaryRepository dictionary, ReportCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "id")] public long? Id { get; set; }

    public IReadOnlyList<Campaign> List { get; private set; } = [];
    public CampaignEffect? Effect { get; private set; }
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<DictionaryEntry> StoreTags { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public AccessScope Scope => User.Scope();
    public bool MayPlanAny => PlanningRights.MayPlanAny(Scope);
    public DateOnly Today => calendar.Today;

    public async Task<IActionResult> OnGet()
    {
        await Load();
        return Id is not null && Effect is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostCampaign(string? name, string? from, string? to, string? regionCode, string? storeTag)
    {
        if (!MayPlanAny) return Forbid();
        var (created, errors) = await planning.Create(new CampaignEndpoints.CampaignInput(name, from, to, regionCode, storeTag), User);
        if (errors is not null)
        {
            Errors = errors.Localized;
            await Load();
            return Page();
        }
        return created is null ? Forbid() : RedirectToPage(new { id = created.Id });
    }

    public async Task<IActionResult> OnPostDelete(long id)
    {
        var campaign = await campaigns.Find(id);
        if (campaign is null) return NotFound();
        if (!PlanningRights.MayPlan(Scope, campaign.RegionCode)) return Forbid();
        await campaigns.Delete(id, User.Actor());
        return RedirectToPage(new { id = (long?)null });
    }

    /// <summary>Where a campaign runs, in words: its region (or every store) and its store type.</summary>
    public string Reach(Campaign c)
    {
        var region = c.RegionCode is null ? T("allStores") : Display.RegionName(Regions.FirstOrDefault(r => r.Code == c.RegionCode), c.RegionCode);
        return c.StoreTag is null ? region : $"{region} · {Display.Label(StoreTags.FirstOrDefault(t => t.Code == c.StoreTag), c.StoreTag)}";
    }

    private async Task Load()
    {
        List = await campaigns.List(Scope);
        Regions = await regions.List(Scope);
        StoreTags = await dictionary.List(DictionaryRepository.StoreTag);
        // The one asked for, else the latest that has begun.
        var shown = Id is { } id ? List.FirstOrDefault(c => c.Id == id) : List.FirstOrDefault(c => c.From < Today);
        if (shown is not null) Effect = await effects.For(shown, Scope, Today);
    }
}
