using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Web.Navigation;

/// <summary>菜单管理's changes, checked field by field, saved with who made them, and seen by this host's menu at once.</summary>
public sealed class MenuDesk(ChainMenuSettings settings, ChainMenu menu)
{
    public sealed record EntryInput(string? Key, bool? Shown, int? Position);

    public sealed record RoleInput(IReadOnlyList<EntryInput>? Entries);

    public sealed record IconInput(string? Icon);

    public const int MaxPosition = 99;

    /// <summary>
    /// One role's menu: each entry named is one offered to the role, once, with its place 1–99; an entry left out keeps
    /// the product's place and shows. The board, and 系统管理 for admins, cannot be hidden.
    /// </summary>
    public async Task<FieldErrors> SaveRole(Role role, RoleInput input, string actor)
    {
        var errors = new FieldErrors();
        var entries = input.Entries ?? [];
        if (input.Entries is null) errors.Required("entries");
        var rows = new List<ChainMenuSettings.RoleEntry>();
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"entries[{i}]";
            var (key, shown, position) = entries[i];
            var entry = MenuCatalogue.Find(key);
            if (entry is null || !entry.IsOfferedTo(role))
                errors.Add($"{field}.key", $"'{key}' is not a menu entry of role {role.ToCode()}.", $"“{key}”不是该角色的菜单项。");
            else if (rows.Any(r => r.Entry == entry.Key))
                errors.Add($"{field}.key", $"'{key}' is listed twice.", $"“{key}”重复出现。");
            else if (shown is null) errors.Required($"{field}.shown");
            else if (shown == false && entry.LockedFor(role))
                errors.Add($"{field}.shown", $"'{key}' cannot be hidden from {role.ToCode()}.", $"“{key}”不能对该角色隐藏。");
            else if (position is not { } place || place < 1 || place > MaxPosition)
                errors.Add($"{field}.position", $"{field}.position must be 1..{MaxPosition}.", $"顺序须为 1 至 {MaxPosition}。");
            else rows.Add(new ChainMenuSettings.RoleEntry(role.ToCode(), entry.Key, shown.Value, place));
        }
        if (errors.Any) return errors;
        await settings.SaveRole(role.ToCode(), rows, actor);
        menu.Changed();
        return errors;
    }

    public async Task ResetRole(Role role, string actor)
    {
        await settings.ResetRole(role.ToCode(), actor);
        menu.Changed();
    }

    /// <summary>图标管理: one of <see cref="MenuIcons"/> for an entry, for every role's menu.</summary>
    public async Task<FieldErrors> SaveIcon(MenuEntry entry, IconInput input, string actor)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Icon)) errors.Required("icon");
        else if (!MenuIcons.Exists(input.Icon))
            errors.Add("icon", $"'{input.Icon}' is not one of the icons: {string.Join(", ", MenuIcons.Paths.Keys)}.", $"没有名为“{input.Icon}”的图标。");
        if (errors.Any) return errors;
        await settings.SaveIcon(entry.Key, input.Icon!, actor);
        menu.Changed();
        return errors;
    }
}
