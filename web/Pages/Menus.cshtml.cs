using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Web.Navigation;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>
/// 菜单管理 and 图标管理 for head office's admins: per role, which menu entries show and in what order (a hidden entry's
/// pages closed to that role), and the icon each entry carries.
/// </summary>
public sealed class MenusModel(ChainMenu menu, MenuDesk desk) : PageModel
{
    [FromQuery(Name = "role")] public string? RoleCode { get; set; }

    /// <summary>The form: each entry's place, and the entries ticked to show.</summary>
    [BindProperty] public Dictionary<string, int?> Positions { get; set; } = [];
    [BindProperty] public List<string> ShownKeys { get; set; } = [];

    public Role Role { get; private set; } = Role.HqAdmin;
    public IReadOnlyList<MenuItem> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Icons { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        if (Refusal() is { } refusal) return refusal;
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostSave()
    {
        if (Refusal() is { } refusal) return refusal;
        var entries = Positions.Select(p => new MenuDesk.EntryInput(p.Key, ShownKeys.Contains(p.Key), p.Value)).ToList();
        var errors = await desk.SaveRole(Role, new MenuDesk.RoleInput(entries), User.Actor());
        return await Done(errors.Any ? null : string.Format(T("menuSaved"), T(Role.ToCode())), errors.Localized);
    }

    public async Task<IActionResult> OnPostReset()
    {
        if (Refusal() is { } refusal) return refusal;
        await desk.ResetRole(Role, User.Actor());
        return await Done(string.Format(T("menuReset"), T(Role.ToCode())), []);
    }

    public async Task<IActionResult> OnPostIcon(string? entry, string? icon)
    {
        if (Refusal() is { } refusal) return refusal;
        if (MenuCatalogue.Find(entry) is not { } found) return NotFound();
        var errors = await desk.SaveIcon(found, new MenuDesk.IconInput(icon), User.Actor());
        return await Done(errors.Any ? null : string.Format(T("menuIconSaved"), T(found.LabelKey(Role))), errors.Localized);
    }

    /// <summary>Every catalogue entry with the icon it carries now, for 图标管理 (icons are the chain's, not a role's).</summary>
    public IEnumerable<(MenuEntry Entry, string Icon)> IconRows => MenuCatalogue.Entries.Select(e => (e, Icons[e.Key]));

    private async Task<IActionResult> Done(string? notice, IReadOnlyList<string> errors)
    {
        Notice = notice;
        Errors = errors;
        await Load();
        return Page();
    }

    /// <summary>Head office's admins only, and a role that exists (none named: HQ admin's menu).</summary>
    private IActionResult? Refusal() => !User.Scope().MayEditMasterData ? Forbid() : !ChooseRole() ? NotFound() : null;

    private bool ChooseRole()
    {
        if (string.IsNullOrWhiteSpace(RoleCode)) return true;
        if (!RoleCodes.TryParse(RoleCode, out var role)) return false;
        Role = role;
        return true;
    }

    private async Task Load()
    {
        Items = await menu.Of(Role);
        Icons = await menu.Icons();
    }
}
