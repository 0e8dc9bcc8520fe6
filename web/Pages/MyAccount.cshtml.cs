using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>Anyone's own account: who they are signed in as, what they see, and their own password (after one handed over by head office).</summary>
public sealed class MyAccountModel(UserAccounts accounts, RegionRepository regions, AccountDesk desk) : PageModel
{
    public UserAccounts.Account? Account { get; private set; }
    public string Scope { get; private set; } = "";
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        await Load();
        return Account is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPost(string? currentPassword, string? password, string? repeated)
    {
        await Load();
        if (Account is null) return NotFound();
        var errors = await desk.ChangeOwnPassword(Account.Username, currentPassword, password, repeated);
        if (errors.Any)
        {
            Errors = errors.Localized;
            return Page();
        }
        // The change ends every session of the account, this one too: it signs in again under the new stamp.
        await Load();
        var claims = ScopeClaims.For(Account.Username, Account.DisplayName, Account.Scope).Append(AccountSessions.Stamp(Account.Stamp));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        Changed = true;
        return Page();
    }

    private async Task Load()
    {
        // An API key has no account of its own (and no password to change).
        Account = await accounts.Find(User.Actor());
        if (Account is not null) Scope = AccountForm.ScopeText(Account, await regions.List(User.Scope()));
    }
}
