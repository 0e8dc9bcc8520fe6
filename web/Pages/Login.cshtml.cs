using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

[AllowAnonymous]
public sealed class LoginModel(UserAccounts accounts, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    public bool Failed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPost()
    {
        var account = string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password) ? null : await accounts.SignIn(Username, Password);
        if (account is null)
        {
            logger.LogWarning("Failed sign-in for {User} from {Address}", Username, HttpContext.Connection.RemoteIpAddress);
            Failed = true;
            return Page();
        }
        var identity = new ClaimsIdentity(ScopeClaims.For(account.Username, account.DisplayName, account.Scope), CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
