using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using SmartStore.Storage;

namespace SmartStore.Web.Security;

public sealed class AccountSessionOptions
{
    /// <summary>How often a signed-in session is checked against its account (disabled, password reset, role or scope changed).</summary>
    public TimeSpan RecheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Ends a signed-in session whose account changed since it signed in: the cookie carries the account's stamp and the
/// role and scope of that moment, so a disabled account, a reset password or a narrowed scope must not live on in it
/// for the cookie's life (12 hours, or 14 days on a device kept signed in). Checked at most every <see cref="AccountSessionOptions.RecheckEvery"/> per session.
/// </summary>
public static class AccountSessions
{
    public const string StampClaim = "smartstore:stamp";
    private const string CheckedAt = "smartstore.checked";

    /// <summary>Signs the account in under its current stamp, role and scope (kept on the device when <paramref name="properties"/> say so).</summary>
    public static Task SignIn(HttpContext context, UserAccounts.Account account, AuthenticationProperties? properties)
    {
        var claims = ScopeClaims.For(account.Username, account.DisplayName, account.Scope)
            .Append(new Claim(StampClaim, account.Stamp.ToString(CultureInfo.InvariantCulture)));
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
    }

    public static async Task Check(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var every = services.GetRequiredService<IOptions<AccountSessionOptions>>().Value.RecheckEvery;
        if (context.Properties.Items.TryGetValue(CheckedAt, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var last) && now - last < every)
            return;
        var name = context.Principal?.Identity?.Name ?? "";
        var account = await services.GetRequiredService<UserAccounts>().Find(name);
        if (account is null || account.Disabled || context.Principal?.FindFirstValue(StampClaim) != account.Stamp.ToString(CultureInfo.InvariantCulture))
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountSessions))
                .LogInformation("Session of {User} ended: the account changed since it signed in", name);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.Properties.Items[CheckedAt] = now.ToString("o", CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }
}
