using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>账号与权限: who may sign in, as which role over which regions or stores; new accounts with a first password shown once.</summary>
public sealed class AccountsModel(UserAccounts accounts, RegionRepository regions, AccountDesk desk) : PageModel
{
    [BindProperty] public AccountForm Form { get; set; } = new();

    public IReadOnlyList<UserAccounts.Account> Accounts { get; private set; } = [];
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public SecretShown? Shown { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        try
        {
            var (account, password, errors) = await desk.Create(Form.ToInput(), User.Actor());
            if (account is null) Errors = errors.Localized;
            else
            {
                Shown = FirstPassword(account.Username, password!);
                Response.Headers.CacheControl = "no-store";
                Form = new AccountForm();
            }
        }
        catch (MasterDataConflict e) when (e.Reason == MasterDataConflict.Refusal.Duplicate)
        {
            Errors = [string.Format(T("usernameTaken"), e.Code)];
        }
        await Load();
        return Page();
    }

    /// <summary>A password to hand over once (a new account, or one reset): the person signs in with it and then chooses their own.</summary>
    public static SecretShown FirstPassword(string username, string password) =>
        new(string.Format(T("passwordIssued"), username), username, password, T("username"), T("password"), T("passwordShownOnce"));

    public string ScopeText(UserAccounts.Account account) => Display.ScopeText(account.Scope, Regions);

    private async Task Load()
    {
        Accounts = await accounts.List();
        Regions = await regions.List(User.Scope());
    }
}
