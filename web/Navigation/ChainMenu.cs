using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Navigation;

/// <summary>One entry as a role's menu has it: shown or hidden, its place, its icon.</summary>
public sealed record MenuItem(MenuEntry Entry, bool Shown, int Position, string Icon, bool Locked);

/// <summary>
/// The menu each role sees, from the catalogue and head office's changes. Every page asks it (the layout draws the menu,
/// the gate closes hidden pages), so the changes are kept for <see cref="Fresh"/> and read again after; a change made
/// on this web host is seen at once, one made on another within that time.
/// </summary>
public sealed class ChainMenu(ChainMenuSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(15);

    private sealed record Kept(ChainMenuSettings.Settings Settings, DateTimeOffset Until);

    // Replaced whole, never changed in place: a page reading it while another host's change arrives sees one or the other.
    private volatile Kept? _kept;

    // Counts this host's changes: a read begun before a change must not keep what it read as fresh after it.
    private int _changes;

    /// <summary>Every entry offered to the role, hidden ones too, in the role's order.</summary>
    public async Task<IReadOnlyList<MenuItem>> Of(Role role, CancellationToken cancellationToken = default)
    {
        var current = await Current(cancellationToken);
        var code = role.ToCode();
        var icons = IconsOf(current);
        var chosen = current.Roles.Where(r => r.Role == code).ToDictionary(r => r.Entry);
        // Two entries at the same place keep the product's order between them.
        return MenuCatalogue.Entries
            .Select((entry, index) => (entry, index))
            .Where(e => e.entry.IsOfferedTo(role))
            .Select(e =>
            {
                var locked = e.entry.LockedFor(role);
                var mine = chosen.GetValueOrDefault(e.entry.Key);
                return (Item: new MenuItem(e.entry, locked || (mine?.Shown ?? true), mine?.Position ?? DefaultPosition(e.index), icons[e.entry.Key], locked), e.index);
            })
            .OrderBy(e => e.Item.Position).ThenBy(e => e.index)
            .Select(e => e.Item)
            .ToList();
    }

    /// <summary>图标管理: every entry's icon (head office's choice, else the product's), the same in every role's menu.</summary>
    public async Task<IReadOnlyDictionary<string, string>> Icons(CancellationToken cancellationToken = default) => IconsOf(await Current(cancellationToken));

    private static Dictionary<string, string> IconsOf(ChainMenuSettings.Settings settings)
    {
        var chosen = settings.Icons.Where(i => MenuIcons.Exists(i.Icon)).ToDictionary(i => i.Entry, i => i.Icon);
        return MenuCatalogue.Entries.ToDictionary(e => e.Key, e => chosen.GetValueOrDefault(e.Key, e.DefaultIcon));
    }

    /// <summary>What the menu bar shows the role.</summary>
    public async Task<IReadOnlyList<MenuItem>> Shown(Role role, CancellationToken cancellationToken = default) =>
        (await Of(role, cancellationToken)).Where(i => i.Shown).ToList();

    /// <summary>The entry a path belongs to when head office hid it from the role; null when the path is open to it.</summary>
    public async Task<MenuEntry?> ClosedTo(Role role, PathString path, CancellationToken cancellationToken = default)
    {
        var entry = MenuCatalogue.Entries.Where(e => e.Covers(path)).MaxBy(e => e.Paths.Max(p => p.Length));
        if (entry is null || !entry.IsOfferedTo(role)) return null;
        var item = (await Of(role, cancellationToken)).First(i => i.Entry == entry);
        return item.Shown ? null : entry;
    }

    /// <summary>Forgets what it read, after a change on this host.</summary>
    public void Changed()
    {
        Interlocked.Increment(ref _changes);
        _kept = null;
    }

    public static int DefaultPosition(int index) => (index + 1) * 5;

    private async Task<ChainMenuSettings.Settings> Current(CancellationToken cancellationToken)
    {
        if (_kept is { } kept && kept.Until > clock.GetUtcNow()) return kept.Settings;
        var changes = Volatile.Read(ref _changes);
        var loaded = await settings.Load(cancellationToken);
        if (changes == Volatile.Read(ref _changes)) _kept = new Kept(loaded, clock.GetUtcNow() + Fresh);
        return loaded;
    }
}
