namespace SmartStore.Web.Navigation;

/// <summary>
/// 图标管理: the icons a menu entry can carry, drawn as 24 × 24 outline paths so they take the text's colour and need no
/// file of their own. A chain picks from these; an icon of its own would need its licence checked, so none is uploaded.
/// </summary>
public static class MenuIcons
{
    public static readonly IReadOnlyDictionary<string, string> Paths = new Dictionary<string, string>
    {
        ["home"] = "M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z",
        ["screen"] = "M3 4h18v12H3zM8 20h8M12 16v4",
        ["phone"] = "M7 2h10v20H7zM11 18h2",
        ["store"] = "M3 9l2-5h14l2 5M4 9v11h16V9M3 9h18M9 20v-6h6v6",
        ["map"] = "M12 21s-7-6-7-12a7 7 0 0 1 14 0c0 6-7 12-7 12zM12 11a2 2 0 1 0 0-4 2 2 0 0 0 0 4z",
        ["people"] = "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 12 0v1M16 3.5a4 4 0 0 1 0 7.5M22 21v-1a6 6 0 0 0-4-5.6",
        ["chart"] = "M4 20V10M10 20V4M16 20v-7M22 20H2",
        ["shelf"] = "M3 3v18M21 3v18M3 9h18M3 15h18M6 6h3M12 6h4M6 12h5M14 12h3M7 18h4",
        ["box"] = "M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10",
        ["flag"] = "M5 21V4M5 4h12l-2 4 2 4H5",
        ["calendar"] = "M3 5h18v16H3zM3 10h18M8 3v4M16 3v4",
        ["clipboard"] = "M9 3h6v3H9zM7 5H5v16h14V5h-2M9 13l2 2 4-4",
        ["receipt"] = "M6 2h12v20l-3-2-3 2-3-2-3 2zM9 7h6M9 11h6M9 15h4",
        ["camera"] = "M3 7h4l2-3h6l2 3h4v13H3zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z",
        ["eye"] = "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z",
        ["tag"] = "M3 12V3h9l9 9-9 9zM7.5 7.5h.01",
        ["gear"] = "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9L7 7M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1",
        ["bell"] = "M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zM10 21h4",
        ["shield"] = "M12 2l8 3v6c0 5-3.5 9-8 11-4.5-2-8-6-8-11V5z",
        ["list"] = "M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01",
    };

    public static bool Exists(string? name) => name is not null && Paths.ContainsKey(name);
}
