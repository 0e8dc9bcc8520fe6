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
            Results.Ok((await menu.Shown(user.Scope().Role)).Select(i => Shown(i, user.Scope().Role)).ToList()))
            .WithSummary("The caller's menu").Produces<IReadOnlyList<MenuEntryShown>>().WithTags("Menus");

        var menus = api.MapGroup("/menus").WithTags("Menus").RequireAuthorization(AuthenticationSetup.MayEdit);
        menus.MapGet("/", async (ChainMenu menu) => Results.Ok(new ChainMenus(
            await Task.WhenAll(MenuCatalogue.Roles.Select(async role => new RoleMenu(role.ToCode(),
                (await menu.Of(role)).Select(i => new RoleMenuEntry(i.Entry.Key, i.Entry.Path, i.Shown, i.Position, i.Icon, i.Locked)).ToList()))),
            MenuIcons.Paths.Keys.ToList())))
            .WithSummary("菜单管理: every role's menu and the entries' icons").Produces<ChainMenus>();
        menus.MapPut("/{role}", async (string role, MenuDesk.RoleInput input, ClaimsPrincipal user, MenuDesk desk) =>
            !RoleCodes.TryParse(role, out var parsed) ? Problems.NotFound($"Role '{role}'")
            : await desk.SaveRole(parsed, input, user.Actor()) is { Any: true } errors ? errors.ToResult()
            : Results.NoContent())
            .WithSummary("Sets a role's menu (entries, order, names)").Produces(StatusCodes.Status204NoContent);
        // Back to the product's menu; a role never changed is already there, so that is no error.
        menus.MapDelete("/{role}", async (string role, ClaimsPrincipal user, MenuDesk desk) =>
        {
            if (!RoleCodes.TryParse(role, out var parsed)) return Problems.NotFound($"Role '{role}'");
            await desk.ResetRole(parsed, user.Actor());
            return Results.NoContent();
        }).WithSummary("Puts a role's menu back to the default").Produces(StatusCodes.Status204NoContent);
        menus.MapPut("/entries/{key}/icon", async (string key, MenuDesk.IconInput input, ClaimsPrincipal user, MenuDesk desk) =>
            MenuCatalogue.Find(key) is not { } entry ? Problems.NotFound($"Menu entry '{key}'")
            : await desk.SaveIcon(entry, input, user.Actor()) is { Any: true } errors ? errors.ToResult()
            : Results.NoContent())
            .WithSummary("图标管理: sets a menu entry's icon").Produces(StatusCodes.Status204NoContent);
        return api;
    }

    private static MenuEntryShown Shown(MenuItem item, Role role) => new(item.Entry.Key, item.Entry.Path, UiText.T(item.Entry.LabelKey(role)), item.Icon);

    /// <summary>An entry of the caller's menu, labelled in the request's language.</summary>
    public sealed record MenuEntryShown(string Key, string Path, string Label, string Icon);

    /// <summary>菜单管理: each role's menu as head office set it, and the icons an entry may take.</summary>
    public sealed record ChainMenus(IReadOnlyList<RoleMenu> Roles, IReadOnlyList<string> Icons);

    public sealed record RoleMenu(string Role, IReadOnlyList<RoleMenuEntry> Entries);

    /// <summary>An entry of a role's menu: shown or hidden, its place, its icon; a locked one cannot be hidden.</summary>
    public sealed record RoleMenuEntry(string Key, string Path, bool Shown, int Position, string Icon, bool Locked);
}
