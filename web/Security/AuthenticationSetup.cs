using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SmartStore.Models;

namespace SmartStore.Web.Security;

/// <summary>Cookies for people, API keys for integrators; one policy scheme picks by the request.</summary>
public static class AuthenticationSetup
{
    public const string Smart = "smart";
    public const string MayEdit = "may-edit-master-data";
    public const string MaySetUpAlerts = "may-set-up-alerts";

    public static IServiceCollection AddSmartStoreAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthentication.Presented(context.Request) is not null
                    ? ApiKeyAuthentication.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.Cookie.Name = "smartstore.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.Events.OnValidatePrincipal = AccountSessions.Check;
                // The API answers 401/403 with a reason instead of redirecting to the login page.
                o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? Problem(context.HttpContext, 401, "Sign in, or send an API key in the X-Api-Key header.")
                    : Redirect(context);
                // Pages answer 403 in place (the status page explains it) rather than redirecting.
                o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? Problem(context.HttpContext, 403, "Your role does not allow this.")
                    : Denied(context.HttpContext);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(MayEdit, p => p.RequireRole(RoleCodes.HqAdmin))
            .AddPolicy(MaySetUpAlerts, p => p.RequireAssertion(c => c.User.Scope().MaySetUpAlerts));
        return services;
    }

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/metrics");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task Denied(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static Task Problem(HttpContext context, int status, string detail) =>
        Results.Problem(statusCode: status, detail: detail).ExecuteAsync(context);
}
