using SmartStore.Web.Security;

namespace SmartStore.Web.Navigation;

/// <summary>
/// Closes a page to a role head office hid its menu entry from: a link kept elsewhere (a bookmark, a card on the board)
/// then answers 403 saying so, rather than opening what the menu no longer offers. The API is not closed: a page's
/// own data calls and the chain's integrations answer by the roles' rules, as before.
/// </summary>
public static class MenuGate
{
    public const string ClosedEntry = "menu-closed-entry";

    public static IApplicationBuilder UseMenuGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && !AuthenticationSetup.IsApi(context.Request)
            && await context.RequestServices.GetRequiredService<ChainMenu>().ClosedTo(context.User.Scope().Role, context.Request.Path, context.RequestAborted) is { } closed)
        {
            context.Items[ClosedEntry] = closed.Key;
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await next(context);
    });
}
