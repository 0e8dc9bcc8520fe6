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
/// 门店分析 (seed 001's store page): the day against its forecast, customers per staff member on duty hour by hour with
/// the store's shifts (排班), its weekday and weekend profile, its rank this month and its monthly entry-rate trend.
/// </summary>
public sealed class StoreAnalysisModel(StoreRepository stores, RegionRepository regions, StoreShifts shifts, StoreAnalysisQuery query,
    DictionaryRepository dictionary, Microsoft.Extensions.Options.IOptions<StaffingOptions> band) : PageModel
{
    public IReadOnlyList<DictionaryEntry> StoreTags { get; private set; } = [];
    public StaffingOptions Band => band.Value;
    [FromRoute] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "day")] public string? DayText { get; set; }

    public StoreAnalysis Analysis { get; private set; } = null!;
    public Region? Region { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool MayPlanShifts { get; private set; }

    public async Task<IActionResult> OnGet() => await Load() ?? Page();

    public async Task<IActionResult> OnPostShift(int[]? weekdays, string? starts, string? ends, int? staff)
    {
        var store = await stores.Find(Code);
        if (store is null) return NotFound();
        if (!StoreAnalysisEndpoints.MayPlanShifts(User.Scope(), store)) return Forbid();
        var (shift, errors) = StoreAnalysisEndpoints.Check(store.Code, new StoreAnalysisEndpoints.ShiftInput(weekdays, starts, ends, staff));
        if (shift is not null && await shifts.Add(shift, User.Actor()) is null) errors.Add("shifts", string.Format(T("tooManyShifts"), StoreShifts.MaxPerStore));
        if (!errors.Any) return RedirectToPage(new { code = Code, day = DayText });
        Errors = errors.Localized;
        return await Load() ?? Page();
    }

    public async Task<IActionResult> OnPostDeleteShift(long id)
    {
        var store = await stores.Find(Code);
        if (store is null) return NotFound();
        if (!StoreAnalysisEndpoints.MayPlanShifts(User.Scope(), store)) return Forbid();
        await shifts.Delete(store.Code, id, User.Actor());
        return RedirectToPage(new { code = Code, day = DayText });
    }

    /// <summary>"10:00" for an hour of the day.</summary>
    public static string HourLabel(int hour) => $"{hour:00}:00";

    private async Task<IActionResult?> Load()
    {
        var store = await stores.Find(Code);
        if (store is null) return NotFound();
        if (!User.Scope().AllowsStore(store.Code, store.RegionCode)) return Forbid();
        var (day, errors) = StoreAnalysisEndpoints.Day(DayText, store);
        if (errors.Any) { Errors = Errors.Concat(errors.Localized).ToList(); (day, _) = StoreAnalysisEndpoints.Day(null, store); }
        Analysis = await query.For(store, day, User.Scope());
        Region = await regions.Find(store.RegionCode);
        StoreTags = await dictionary.List(DictionaryRepository.StoreTag);
        MayPlanShifts = StoreAnalysisEndpoints.MayPlanShifts(User.Scope(), store);
        return null;
    }
}
