using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Localization;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>
/// A store's details for head office to correct: name, region, address, tags, staff, and the opening hours that decide
/// when it can look closed and when its cameras' views are checked — by weekday, and special hours for holidays or refits.
/// </summary>
public sealed class StoreEditModel(StoreRepository stores, RegionRepository regions, DictionaryRepository dictionary, StoreProfileDesk desk) : PageModel
{
    [FromRoute] public string Code { get; set; } = "";
    [BindProperty] public StoreProfileForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }
    /// <summary>The store's version this form was filled from: saving refuses once someone else has changed the store since.</summary>
    [BindProperty] public long? Revision { get; set; }

    public Store Store { get; private set; } = null!;
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<DictionaryEntry> Tags { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Time zones a chain in China and its neighbours meets; any IANA name may be typed.</summary>
    public static readonly string[] CommonZones = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Asia/Seoul"];

    public static string DayName(int mondayFirst) => (IsChinese ? "周" : "") + T("weekdaysShort").Split(',')[mondayFirst];

    /// <summary>A weekday in as little room as a row of seven checkboxes allows: 一 … 日, Mo … Su.</summary>
    public static string DayLetter(int mondayFirst)
    {
        var name = T("weekdaysShort").Split(',')[mondayFirst];
        return name.Length > 2 ? name[..2] : name;
    }

    public async Task<IActionResult> OnGet()
    {
        if (await Load() is { } refused) return refused;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (await Load() is { } refused) return refused;
        var errors = new FieldErrors();
        var input = Form.ToInput(errors, DayName);
        if (errors.Any)
        {
            Errors = errors.Localized;
            return Page();
        }
        StoreProfileDesk.Outcome outcome;
        try
        {
            outcome = await desk.Update(Code, input, User.Actor(), Revision);
        }
        catch (MasterDataConflict e)
        {
            Errors = [RefusalText.Of(e)];
            return Page();
        }
        if (!outcome.Found) return NotFound();
        if (outcome.ChangedMeanwhile)
        {
            // Shown as it is now: writing the typed form over it would put back what the other change replaced.
            Errors = [ChangedMeanwhile(outcome.LastChange)];
            await Load();
            Fill();
            return Page();
        }
        if (outcome.Store is null)
        {
            Errors = outcome.Errors.Localized;
            return Page();
        }
        return RedirectToPage(new { Code, Saved = true });
    }

    private string ChangedMeanwhile(AuditTrail.Entry? change) => change is null
        ? T("storeChangedMeanwhile")
        : string.Format(T("storeChangedMeanwhileBy"), change.Actor, Display.Local(change.At, Store.TimeZone, "MM-dd HH:mm:ss"));

    private void Fill()
    {
        Form = StoreProfileForm.Of(Store);
        Revision = _storeRevision;
    }

    /// <summary>The store's version as <see cref="Load"/> read it, with <see cref="Store"/>.</summary>
    private long _storeRevision;

    private async Task<IActionResult?> Load()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        if (await stores.FindWithRevision(Code) is not { } found) return NotFound();
        var (store, revision) = found;
        if (!User.Scope().AllowsStore(store.Code, store.RegionCode)) return Forbid();
        Store = store;
        _storeRevision = revision;
        Regions = await regions.List(User.Scope());
        Tags = await dictionary.List(DictionaryRepository.StoreTag);
        return null;
    }
}
