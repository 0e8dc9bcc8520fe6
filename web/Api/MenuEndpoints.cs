using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Web.Localization;
using SmartStore.Web.Navigation;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>菜单管理 and 图标管理 for head office's admins; the caller's own menu for anyone signed in.</summary>
public static class MenuEndpoints
{
    public static RouteGroupBuilder MapMenus(this RouteGroupBuilder api)
    {
        api.MapGet("/menu", async (ClaimsPrincipal user, ChainMenu menu) =>
            Results.Ok((await menu.Shown(user.Scope().Role)).Select(i => Shown(i, user.Scope().Role))))
            .WithSummary("The caller's menu").WithTags("Menus");

        var menus = api.MapGroup("/menus").WithTags("Menus").RequireAuthorization(AuthenticationSetup.MayEdit);
        menus.MapGet("/", async (ChainMenu menu) => Results.Ok(new
        {
            roles = await Task.WhenAll(MenuCatalogue.Roles.Select(async role => new
            {
                role = role.ToCode(),
                entries = (await menu.Of(role)).Select(i => new { i.Entry.Key, i.Entry.Path, i.Shown, i.Position, i.Icon, i.Locked }),
            })),
            icons = MenuIcons.Paths.Keys,
        })).WithSummary("菜单管理: every role's menu and the entries' icons");
        menus.MapPut("/{role}", async (string role, MenuDesk.RoleInput input, ClaimsPrincipal user, MenuDesk desk) =>
            !RoleCodes.TryParse(role, out var parsed) ? Problems.NotFound($"Role '{role}'")
            : await desk.SaveRole(parsed, input, user.Actor()) is { Any: true } errors ? errors.ToResult()
            : Results.NoContent())
            .WithSummary("Sets a role's menu (entries, order, names)");
        // Back to the product's menu; a role never changed is already there, so that is no error.
        menus.MapDelete("/{role}", async (string role, ClaimsPrincipal user, MenuDesk desk) =>
        {
            if (!RoleCodes.TryParse(role, out var parsed)) return Problems.NotFound($"Role '{role}'");
            await desk.ResetRole(parsed, user.Actor());
            return Results.NoContent();
        }).WithSummary("Puts a role's menu back to the default");
        menus.MapPut("/entries/{key}/icon", async (string key, MenuDesk.IconInput input, ClaimsPrincipal user, MenuDesk desk) =>
            MenuCatalogue.Find(key) is not { } entry ? Problems.NotFound($"Menu entry '{key}'")
            : await desk.SaveIcon(entry, input, user.Actor()) is { Any: true } errors ? errors.ToResult()
            : Results.NoContent())
            .WithSummary("图标管理: sets a menu entry's icon");
        return api;
    }

    private static object Shown(MenuItem item, Role role) => new
    {
        item.Entry.Key,
        item.Entry.Path,
        label = UiText.T(item.Entry.LabelKey(role)),
        item.Icon,
    };
}
