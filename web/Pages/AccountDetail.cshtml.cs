using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Localization;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>One account for head office: its name, role and scope, disabled or not, and a new password when one is lost.</summary>
public sealed class AccountDetailModel(UserAccounts accounts, RegionRepository regions, AccountDesk desk, SignInLog signIns, ReportCalendar calendar,
    AuditDesk audit)
    : PageModel
{
    [FromRoute] public string Username { get; set; } = "";
    [BindProperty] public AccountForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    public UserAccounts.Account Account { get; private set; } = null!;
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>The account's latest sign-ins (登录日志), failures too: an admin resetting a password sees whether someone was guessing.</summary>
    public IReadOnlyList<SignInLog.Entry> SignIns { get; private set; } = [];
    public const int SignInsShown = 10;
    /// <summary>Its latest changes (role, scope, disabled; a password reset), on head office's clock.</summary>
    public RecentChanges RecentChanges { get; private set; } = null!;
    public SecretShown? Shown { get; private set; }
    public bool IsSelf => Username == User.Actor();
    /// <summary>The account's version the form was filled from: saved only while the account is still at it.</summary>
    [BindProperty] public long? Revision { get; set; }
    /// <summary>Set when the account was changed meanwhile (another admin, a sheet): who, when, and each field typed otherwise.</summary>
    public TypedBesideNow.Notice? ChangedMeanwhile { get; private set; }
    public IReadOnlyList<StoreEditCarryOver.Clash> Clashes => ChangedMeanwhile?.Clashes ?? TypedBesideNow.None;

    public async Task<IActionResult> OnGet()
    {
        if (await Load() is { } refused) return refused;
        Form = AccountForm.Of(Account);
        return Page();
    }

    /// <summary>
    /// Saves name, role, scope and status. Refused when the account changed after the page was opened: what was typed stays
    /// in the form, the notice says who changed it and which fields differ, and saving again puts them over knowingly.
    /// </summary>
    public async Task<IActionResult> OnPost()
    {
        // As posted: loading the account (below) reads its version as it is now.
        var opened = Revision;
        if (await Load() is { } refused) return refused;
        try
        {
            var outcome = await desk.Update(Username, Form.ToInput() with { Username = null }, User.Actor(), opened);
            if (!outcome.Found) return NotFound();
            if (outcome.Saved is not null) return RedirectToPage(new { Username, Saved = true });
            if (outcome.ChangedMeanwhile) ChangedMeanwhileSince(outcome.LastChange);
            else Revision = opened;
            Errors = outcome.Errors.Localized;
        }
        catch (MasterDataConflict e)
        {
            Errors = [RefusalText.Of(e)];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostReset()
    {
        if (await Load() is { } refused) return refused;
        var password = await desk.ResetPassword(Username, User.Actor());
        if (password is null) return NotFound();
        Shown = AccountsModel.FirstPassword(Username, password);
        Response.Headers.CacheControl = "no-store";
        Form = AccountForm.Of(Account);
        return Page();
    }

    /// <summary>A disabled account removed for good; back to the list, which says so.</summary>
    public async Task<IActionResult> OnPostRemove()
    {
        if (await Load() is { } refused) return refused;
        if (await accounts.Remove(Username, User.Actor()) == UserAccounts.Removal.Removed) return Redirect($"/accounts?removed={Uri.EscapeDataString(Username)}");
        Errors = [UiText.T("accountRemoveEnabled")];
        Form = AccountForm.Of(Account);
        return Page();
    }

    /// <summary>Told what changed, the person may save again: against the version the page now shows.</summary>
    private void ChangedMeanwhileSince(AuditTrail.Entry? last)
    {
        var now = AccountForm.Of(Account);
        var said = string.Format(UiText.T("accountChangedMeanwhile"), last?.Actor ?? "?",
            last is null ? "" : Display.Local(last.At, calendar.ZoneId, "MM-dd HH:mm:ss"));
        ChangedMeanwhile = new("account-changed-meanwhile", said, TypedBesideNow.Differing(
            new("DisplayName", UiText.T("displayName"), Form.DisplayName, now.DisplayName), new("Role", UiText.T("role"), UiText.T(Form.Role), UiText.T(now.Role)),
            new("Regions", UiText.T("regionsOfManager"), string.Join(", ", Form.Regions.Order()), string.Join(", ", now.Regions.Order())),
            new("Stores", UiText.T("storesOfManager"), Codes(Form), Codes(now)),
            new("Disabled", UiText.T("status"), Status(Form.Disabled), Status(now.Disabled))));
    }

    private static string Status(bool disabled) => UiText.T(disabled ? "accountDisabled" : "accountEnabled");

    /// <summary>A form's stores as the save reads them, in order: typed "S0004 S0006" is the same as "S0006, S0004".</summary>
    private static string Codes(AccountForm form) => string.Join(", ", (form.ToInput().StoreCodes ?? []).Order());

    private async Task<IActionResult?> Load()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        if (await accounts.FindWithRevision(Username) is not var (account, revision)) return NotFound();
        Account = account;
        Revision = revision;
        Regions = await regions.List(User.Scope());
        SignIns = await signIns.Recent(Username, null, SignInsShown);
        RecentChanges = await Pages.RecentChanges.Of(audit, "user", Username, calendar.ZoneId, mayReadLog: true);
        return null;
    }
}
