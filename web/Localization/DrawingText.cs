using SmartStore.Models;

namespace SmartStore.Web.Localization;

/// <summary>Why a door line or counting area drawn on the camera page cannot count, in Chinese (the API keeps the English).</summary>
public static class DrawingText
{
    private static readonly Dictionary<string, string> Chinese = new()
    {
        [DoorLine.OutsideFrame] = "坐标须在 0 到 1 之间（画面宽高的比例）。",
        [DoorLine.TooShort] = "进店线太短（不到画面的 2%）。",
        [DoorLine.InsideOnLine] = "店内一侧的点落在线上；请在门店一侧标一个点。",
        [CountingArea.TooFewCorners] = "计数区域至少需要 3 个角点。",
        [CountingArea.TooManyCorners] = $"计数区域最多 {CountingArea.MaxPoints} 个角点。",
        [CountingArea.EdgesCross] = "计数区域的边相交了；请按顺序沿区域一圈点出角点。",
        [CountingArea.TooSmall] = "计数区域太小（不到画面的 1%）。",
    };

    public static string Of(string problem) => Chinese.GetValueOrDefault(problem, problem);

    /// <summary>The problem named by what it is about ("进店线：…"), unless the sentence names it already (not "计数区域：计数区域太小").</summary>
    public static string Of(string problem, string subject) =>
        Of(problem) is var text && text.StartsWith(subject, StringComparison.Ordinal) ? text : $"{subject}：{text}";
}
