using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Localization;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>One account for head office: its name, role and scope, disabled or not, and a new password when one is lost.</summary>
public sealed class AccountDetailModel(UserAccounts accounts, RegionRepository regions, AccountDesk desk, SignInLog signIns) : PageModel
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
    public SecretShown? Shown { get; private set; }
    public bool IsSelf => Username == User.Actor();

    public async Task<IActionResult> OnGet()
    {
        if (await Load() is { } refused) return refused;
        Form = AccountForm.Of(Account);
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (await Load() is { } refused) return refused;
        try
        {
            var (account, errors, found) = await desk.Update(Username, Form.ToInput() with { Username = null }, User.Actor());
            if (!found) return NotFound();
            if (account is not null) return RedirectToPage(new { Username, Saved = true });
            Errors = errors.Localized;
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

    private async Task<IActionResult?> Load()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        var account = await accounts.Find(Username);
        if (account is null) return NotFound();
        Account = account;
        Regions = await regions.List(User.Scope());
        SignIns = await signIns.Recent(Username, null, SignInsShown);
        return null;
    }
}
