namespace SmartStore.Web.Localization;

public static partial class UiText
{
    /// <summary>菜单管理 and 图标管理's words.</summary>
    private static readonly Dictionary<string, (string Zh, string En)> MenuWords = new()
    {
        ["menus"] = ("菜单管理", "Menus"),
        ["menusHint"] = ("按角色决定菜单显示哪些功能、以什么顺序：例如不用收银追溯的连锁可对店长隐藏它。隐藏的菜单其页面也对该角色关闭；角色本身能做什么不变，菜单只能收窄，不能放宽。", "Per role, which entries the menu shows and in what order — a chain without POS data can hide Till trace from store managers. A hidden entry's pages are closed to that role too; what a role may do is unchanged: the menu can narrow it, never widen it."),
        ["menuOfRole"] = ("{0}的菜单", "The menu of: {0}"),
        ["menuPreview"] = ("该角色看到的菜单", "What this role sees"),
        ["menuPosition"] = ("顺序", "Order"),
        ["menuIcon"] = ("图标", "Icon"),
        ["menuEntry"] = ("菜单", "Entry"),
        ["menuPage"] = ("页面", "Page"),
        ["menuShown"] = ("显示", "Shown"),
        ["menuShow"] = ("显示", "show"),
        ["menuLocked"] = ("始终显示", "always shown"),
        ["menuSaved"] = ("已保存{0}的菜单。", "The menu of {0} is saved."),
        ["menuReset"] = ("{0}的菜单已恢复默认。", "The menu of {0} is back to the default."),
        ["menuResetButton"] = ("恢复默认菜单", "Back to the default menu"),
        ["menuResetConfirm"] = ("将{0}的菜单恢复为默认（全部显示、默认顺序）？", "Put the menu of {0} back to the default (everything shown, the product's order)?"),
        ["menuClosesHint"] = ("看板始终显示（各角色的首页），系统管理对总部管理员始终显示（以免无法回到菜单管理）。改动在本服务器立即生效，其他 Web 服务器 15 秒内生效。接口（API）不受菜单影响，按角色权限回答。", "The board always shows (it is each role's home), and Administration for head office's admins (so they can get back here). A change shows at once on this web server and within 15 s on others. The API does not follow the menu: it answers by the roles' rules."),
        ["menuIcons"] = ("图标管理", "Icons"),
        ["menuIconsHint"] = ("每个菜单项的图标，所有角色相同。", "The icon of each menu entry, the same for every role."),
        ["menuIconChange"] = ("更换图标", "Change icon"),
        ["menuIconSaved"] = ("已更换“{0}”的图标。", "The icon of “{0}” is changed."),
        ["menuClosed"] = ("此功能已关闭", "This is turned off"),
        ["menuClosedHint"] = ("总部已在菜单管理中对你的角色关闭了“{0}”。如需使用，请联系总部管理员。", "Head office has turned “{0}” off for your role (菜单管理). Ask head office's admin if you need it."),
    };
}
