using System.Text.Json;
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
    /// <summary>The form as the page showed it, so a refused save can tell this person's changes from the other one's.</summary>
    [BindProperty] public string? Opened { get; set; }

    public Store Store { get; private set; } = null!;
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<DictionaryEntry> Tags { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>Set when a save was refused because the store changed meanwhile: who and when, what was put back, what clashed.</summary>
    public ChangedMeanwhileNotice? ChangedMeanwhile { get; private set; }

    public sealed record ChangedMeanwhileNotice(string Said, IReadOnlyList<StoreEditCarryOver.Carried> Put, IReadOnlyList<StoreEditCarryOver.Clash> Clashes);

    /// <summary>How a field of the form is marked after a refused save: put back from what was typed, or left as the other change set it.</summary>
    public string? Mark(string field) =>
        ChangedMeanwhile?.Put.Any(p => p.Field == field) == true ? "put-back"
        : ChangedMeanwhile?.Clashes.Any(c => c.Field == field) == true ? "clashed"
        : null;

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
        VersionedSave<Store> outcome;
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
            // Filled from the store as it is now, this person's own changes put back where the other change left them alone:
            // writing the typed form over it would put back what the other change replaced.
            var typed = Form;
            var opened = Read(Opened);
            await Load();
            Fill();
            var carried = opened is null ? null : StoreEditCarryOver.Apply(opened, typed, Form, CarryOverWords());
            if (carried is not null) Form = carried.Form;
            ChangedMeanwhile = new(Said(outcome.LastChange), carried?.Put ?? [], carried?.Clashes ?? []);
            return Page();
        }
        if (outcome.Saved is null)
        {
            Errors = outcome.Errors.Localized;
            return Page();
        }
        return RedirectToPage(new { Code, Saved = true });
    }

    private string Said(AuditTrail.Entry? change) => change is null
        ? T("storeChangedMeanwhile")
        : string.Format(T("storeChangedMeanwhileBy"), change.Actor, Display.Local(change.At, Store.TimeZone, "MM-dd HH:mm:ss"));

    private static StoreEditCarryOver.Words CarryOverWords() => new(T, DayName, T("closedDay"), T("remove"), T("rangeChangedMeanwhile"));

    private void Fill()
    {
        Form = StoreProfileForm.Of(Store);
        Revision = _storeRevision;
        Opened = JsonSerializer.Serialize(Form, JsonSerializerOptions.Web);
    }

    /// <summary>The form as opened, or null when not sent or not readable: then nothing typed is put back.</summary>
    private static StoreProfileForm? Read(string? opened)
    {
        if (string.IsNullOrWhiteSpace(opened)) return null;
        try { return JsonSerializer.Deserialize<StoreProfileForm>(opened, JsonSerializerOptions.Web); }
        catch (JsonException) { return null; }
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
