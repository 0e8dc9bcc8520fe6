using Dapper;

namespace SmartStore.Storage;

/// <summary>
/// What head office changed of the menu (菜单管理, 图标管理): per role, each entry's shown flag and position; per entry,
/// its icon. Entries and roles are named by code; which exist is the web's catalogue, not this table's.
/// </summary>
public sealed class ChainMenuSettings(SmartStoreDatabase database)
{
    public sealed record RoleEntry(string Role, string Entry, bool Shown, int Position);

    public sealed record EntryIcon(string Entry, string Icon);

    public sealed record Settings(IReadOnlyList<RoleEntry> Roles, IReadOnlyList<EntryIcon> Icons);

    public async Task<Settings> Load(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var roles = await connection.QueryAsync<RoleEntry>(new CommandDefinition(
            "SELECT role, entry, shown, position FROM menu_roles", cancellationToken: cancellationToken));
        var icons = await connection.QueryAsync<EntryIcon>(new CommandDefinition(
            "SELECT entry, icon FROM menu_icons", cancellationToken: cancellationToken));
        return new Settings(roles.ToList(), icons.ToList());
    }

    /// <summary>Replaces one role's menu (every entry offered to it) and records who did it, in one transaction.</summary>
    public Task SaveRole(string role, IReadOnlyList<RoleEntry> entries, string actor) => database.InTransaction(async (c, t) =>
    {
        await c.ExecuteAsync("DELETE FROM menu_roles WHERE role = @role", new { role }, t);
        await c.ExecuteAsync("""
            INSERT INTO menu_roles (role, entry, shown, position, updated_by) VALUES (@Role, @Entry, @Shown, @Position, @actor)
            """, entries.Select(e => new { e.Role, e.Entry, e.Shown, e.Position, actor }), t);
        await AuditTrail.Record(c, t, actor, "menu", "menu_role", role,
            new { shown = entries.Where(e => e.Shown).OrderBy(e => e.Position).Select(e => e.Entry), hidden = entries.Where(e => !e.Shown).Select(e => e.Entry) });
        return true;
    });

    /// <summary>Back to the product's menu for one role: its rows go; false when it had none.</summary>
    public Task<bool> ResetRole(string role, string actor) => database.InTransaction(async (c, t) =>
    {
        var removed = await c.ExecuteAsync("DELETE FROM menu_roles WHERE role = @role", new { role }, t);
        if (removed > 0) await AuditTrail.Record(c, t, actor, "menu-reset", "menu_role", role);
        return removed > 0;
    });

    public Task SaveIcon(string entry, string icon, string actor) => database.InTransaction(async (c, t) =>
    {
        await c.ExecuteAsync("""
            INSERT INTO menu_icons (entry, icon, updated_by) VALUES (@entry, @icon, @actor)
            ON CONFLICT (entry) DO UPDATE SET icon = excluded.icon, updated_at = now(), updated_by = excluded.updated_by
            """, new { entry, icon, actor }, t);
        await AuditTrail.Record(c, t, actor, "icon", "menu_entry", entry, new { icon });
        return true;
    });
}
