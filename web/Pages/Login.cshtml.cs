using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

[AllowAnonymous]
public sealed class LoginModel(UserAccounts accounts, SignInThrottle throttle, SignInLog log, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Remember { get; set; }
    public bool Failed { get; private set; }
    public bool LockedOut { get; private set; }
    public bool Disabled { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPost()
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var user = Username ?? "";
        if (throttle.IsLockedOut(address, user))
        {
            logger.LogWarning("Sign-in for {User} from {Address} refused: locked out after repeated failures", user, address);
            LockedOut = true;
            await Note(user, address, "locked-out");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var account = string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password) ? null : await accounts.SignIn(Username, Password);
        if (account is null)
        {
            logger.LogWarning("Failed sign-in for {User} from {Address}", user, address);
            throttle.Failed(address, user);
            Failed = true;
            await Note(user, address, "failed");
            return Page();
        }
        throttle.Succeeded(address, user);
        if (account.Disabled)
        {
            logger.LogWarning("Sign-in for disabled account {User} from {Address} refused", user, address);
            Disabled = true;
            await Note(user, address, "disabled");
            return Page();
        }
        // Kept on this device for two weeks of use (sliding) when asked: a manager's phone should not ask every morning.
        var properties = new AuthenticationProperties { IsPersistent = Remember };
        if (Remember) properties.ExpiresUtc = DateTimeOffset.UtcNow.Add(RememberFor);
        await AccountSessions.SignIn(HttpContext, account, properties);
        await Note(account.Username, address, "ok");
        return LocalRedirect(Landing(account.Role));
    }

    /// <summary>The sign-in log is a record: a write that fails is logged and never decides the sign-in.</summary>
    private async Task Note(string username, string address, string outcome)
    {
        try
        {
            await log.Record(username, address, Request.Headers.UserAgent.ToString(), outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Sign-in of {User} ({Outcome}) not written to the sign-in log", username, outcome);
        }
    }

    public static readonly TimeSpan RememberFor = TimeSpan.FromDays(14);

    /// <summary>
    /// Where a sign-in goes: the page asked for; else, for store and region managers on a phone, 随身看 (/m) rather than
    /// the wide HQ board.
    /// </summary>
    private string Landing(Role role)
    {
        var asked = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        var phone = Request.Headers.UserAgent.ToString().Contains("Mobi", StringComparison.Ordinal);
        return asked == "/" && phone && role is Role.StoreManager or Role.RegionManager ? "/m" : asked;
    }
}
