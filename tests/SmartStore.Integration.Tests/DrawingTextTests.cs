using SmartStore.Models;
using SmartStore.Web.Localization;

namespace SmartStore.Integration.Tests;

/// <summary>A sheet row's refused door line or counting area reads once in Chinese: "计数区域：计数区域太小" named it twice.</summary>
public sealed class DrawingTextTests
{
    [Theory]
    [InlineData(CountingArea.TooSmall, "计数区域", "计数区域太小（不到画面的 1%）。")]
    [InlineData(DoorLine.TooShort, "进店线", "进店线太短（不到画面的 2%）。")]
    [InlineData(DoorLine.OutsideFrame, "进店线", "进店线：坐标须在 0 到 1 之间（画面宽高的比例）。")]
    [InlineData(CountingArea.EdgesCross, "计数区域", "计数区域的边相交了；请按顺序沿区域一圈点出角点。")]
    public void A_problem_is_named_by_its_subject_once(string problem, string subject, string expected) =>
        Assert.Equal(expected, DrawingText.Of(problem, subject));
}
