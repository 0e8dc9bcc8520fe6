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
public sealed class MyAccountModel(UserAccounts accounts, RegionRepository regions, AccountDesk desk, SignInThrottle throttle) : PageModel
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
        // A session left open on a shared phone must not become a way to guess the password.
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsLockedOut(address, Account.Username))
        {
            Errors = [T("loginLockedOut")];
            return Page();
        }
        var (errors, currentRight) = await desk.ChangeOwnPassword(Account.Username, currentPassword, password, repeated);
        if (!currentRight) throttle.Failed(address, Account.Username);
        if (errors.Any)
        {
            Errors = errors.Localized;
            return Page();
        }
        // The change ends every session of the account, this one too: it signs in again under the new stamp, kept on the
        // device as it was.
        var kept = (await HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme)).Properties;
        await Load();
        await AccountSessions.SignIn(HttpContext, Account, kept);
        Changed = true;
        return Page();
    }

    private async Task Load()
    {
        // An API key has no account of its own (and no password to change).
        Account = await accounts.Find(User.Actor());
        if (Account is not null) Scope = Display.ScopeText(Account.Scope, await regions.List(User.Scope()));
    }
}
