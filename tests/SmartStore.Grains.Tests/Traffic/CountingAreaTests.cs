using SmartStore.Models;
using static SmartStore.Grains.Tests.Traffic.TrafficScenes;

namespace SmartStore.Grains.Tests.Traffic;

/// <summary>An in-store camera's counting area: which corners make an area, and who stands in it.</summary>
public sealed class CountingAreaTests
{
    private static CountingArea Area(params float[] xy) =>
        new(Enumerable.Range(0, xy.Length / 2).Select(i => new AreaPoint(xy[2 * i], xy[2 * i + 1])).ToList());

    // An L-shaped shop floor: the left half, and the bottom strip to the right of it.
    private static readonly CountingArea Floor = Area(0, 0, 0.5f, 0, 0.5f, 0.6f, 1, 0.6f, 1, 1, 0, 1);

    [Theory]
    [InlineData(new[] { 0.1f, 0.1f, 0.9f, 0.1f }, "at least 3 corners")]
    [InlineData(new[] { 0.1f, 0.1f, 1.2f, 0.1f, 0.5f, 0.9f }, "between 0 and 1")]
    [InlineData(new[] { 0.5f, 0.5f, 0.55f, 0.5f, 0.52f, 0.55f }, "too small")]
    [InlineData(new[] { 0.5f, 0.5f, 0.6f, 0.5f, 0.7f, 0.5f }, "too small")]
    [InlineData(new[] { 0.1f, 0.1f, 0.9f, 0.9f, 0.9f, 0.1f, 0.1f, 0.9f }, "edges cross")]
    public void A_shape_that_cannot_count_is_refused_with_a_reason(float[] xy, string reason) =>
        Assert.Contains(reason, Area(xy).Problem());

    [Fact]
    public void Too_many_corners_and_NaN_are_refused()
    {
        var many = Enumerable.Range(0, CountingArea.MaxPoints + 1)
            .Select(i => new AreaPoint(0.5f + 0.4f * MathF.Cos(i * 0.19f), 0.5f + 0.4f * MathF.Sin(i * 0.19f))).ToList();
        Assert.Contains("at most", new CountingArea(many).Problem());
        Assert.Contains("between 0 and 1", Area(0.1f, 0.1f, float.NaN, 0.1f, 0.5f, 0.9f).Problem());
    }

    [Fact]
    public void A_drawn_floor_is_usable_and_its_share_of_the_view_is_known()
    {
        Assert.Null(Floor.Problem());
        Assert.Equal(0.5f + 0.5f * 0.4f, Floor.Share(), 4);
        // The same floor drawn the other way round is the same area.
        Assert.Null(new CountingArea(Floor.Points.Reverse().ToList()).Problem());
    }

    [Theory]
    [InlineData(100, 200, true)]    // left half
    [InlineData(500, 200, false)]   // upper right: the window
    [InlineData(500, 400, true)]    // bottom strip, right
    [InlineData(330, 250, false)]   // just right of the left half, above the strip
    [InlineData(600, 480, true)]    // cut by the frame's bottom edge: stands on the area's border
    [InlineData(2, 480, true)]      // bottom-left corner of the frame
    public void A_person_counts_where_their_feet_are(float footX, float footY, bool inside) =>
        Assert.Equal(inside, Floor.Holds(At(footX, footY), Width, Height));

    [Fact]
    public void A_person_whose_head_is_in_the_area_but_feet_are_not_is_left_out()
    {
        // The area is the far half of the view; this person stands nearer the camera, their head in front of it.
        var person = new PersonSighting(480, 150, 520, 280, 0.9f, null);
        var strip = Area(0, 0, 1, 0, 1, 0.5f, 0, 0.5f);
        Assert.True(strip.Holds(new PersonSighting(480, 100, 520, 200, 0.9f, null), Width, Height));
        Assert.False(strip.Holds(person, Width, Height));
    }
}
