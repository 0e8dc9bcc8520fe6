using SmartStore.Models;

namespace SmartStore.Web.Navigation;

/// <summary>
/// One entry of the menu: the page it opens, the paths that belong to it (closed to a role that head office hid it
/// from), the roles it is offered to at all (what each role may do stays the roles' rule; the menu can only take away),
/// and whether it can be hidden — the board is everyone's home, and 系统管理 is how an admin gets back to 菜单管理.
/// </summary>
/// <param name="Label">the words of its label (UiText), for every role but where <paramref name="LabelByRole"/> says otherwise.</param>
public sealed record MenuEntry(string Key, string Label, string Path, string DefaultIcon, IReadOnlyList<string> Paths,
    Func<AccessScope, bool> OfferedTo, Func<Role, bool> LockedFor, Func<AccessScope, string>? LabelByRole = null)
{
    public bool IsOfferedTo(Role role) => OfferedTo(AccessScope.Everything(role));

    public string LabelKey(Role role) => LabelByRole?.Invoke(AccessScope.Everything(role)) ?? Label;

    public bool Covers(PathString path) => Paths.Any(p => path.StartsWithSegments(p));
}

/// <summary>The product's pages as menu entries, in the order the menu shows them until head office changes it.</summary>
public static class MenuCatalogue
{
    private static bool Everyone(AccessScope _) => true;

    private static bool Never(Role _) => false;

    public static readonly IReadOnlyList<MenuEntry> Entries =
    [
        // Head office's board reads 总部看板, a manager's 实时看板 (their regions or store only).
        new("board", "hq", "/", "home", [], Everyone, _ => true, s => s.SeesWholeChain ? "hq" : "liveBoard"),
        new("mobile", "mobile", "/m", "phone", ["/m"], Everyone, Never),
        new("stores", "stores", "/stores", "store", ["/stores"], Everyone, Never),
        new("traffic", "traffic", "/traffic", "people", ["/traffic", "/screen/traffic"], Everyone, Never),
        new("display", "shelfDisplay", "/display", "shelf", ["/display", "/screen/display"], Everyone, Never),
        new("campaigns", "campaigns", "/campaigns", "flag", ["/campaigns"], Everyone, Never),
        new("inspections", "inspections", "/inspections", "clipboard", ["/inspections"], Everyone, Never),
        new("till", "till", "/till", "receipt", ["/till"], Everyone, Never),
        new("cameras", "cameras", "/cameras", "camera", ["/cameras"], Everyone, Never),
        new("skus", "skus", "/skus", "tag", ["/skus"], Everyone, Never),
        new("settings", "settings", "/settings", "gear", ["/settings"], s => s.SeesWholeChain, Never),
        // Head office's admins reach 消息推送 from 系统管理; managers have it as an entry of its own.
        new("webhooks", "webhooks", "/admin/webhooks", "bell", ["/admin/webhooks"], s => s.MaySetUpAlerts && !s.MayEditMasterData, Never),
        new("admin", "admin", "/admin", "shield", ["/admin", "/accounts"], s => s.MayEditMasterData, role => role == Role.HqAdmin),
    ];

    public static MenuEntry? Find(string? key) => Entries.FirstOrDefault(e => e.Key == key);

    public static IReadOnlyList<Role> Roles { get; } = Enum.GetValues<Role>();
}
