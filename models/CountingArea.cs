namespace SmartStore.Models;

/// <summary>A corner of a counting area, in fractions (0..1) of the frame's width and height.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.AreaPoint")]
public sealed record AreaPoint([property: Id(0)] float X, [property: Id(1)] float Y);

/// <summary>
/// The part of an in-store camera's view where people are counted: the shop floor, drawn as a polygon on the camera
/// page. A person counts when the point they stand on (the middle of the box's bottom edge) is inside it, so people
/// seen through the shop window, on the mall walkway or behind the till are left out. Normalised to the frame so it
/// survives a change of resolution.
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.CountingArea")]
public sealed record CountingArea([property: Id(0)] IReadOnlyList<AreaPoint> Points)
{
    public const int MaxPoints = 32;
    private const float MinShare = 0.01f;
    private const float Edge = 0.0005f;

    /// <summary>What <see cref="Problem"/> answers (the API's words; pages put them in the reader's language).</summary>
    public const string TooFewCorners = "an area needs at least 3 corners",
        EdgesCross = "the area's edges cross; draw its corners in order around it", TooSmall = "the area is too small (under 1% of the frame)";

    public static readonly string TooManyCorners = $"an area has at most {MaxPoints} corners";

    /// <summary>Why this area cannot count anything, or null when it is usable.</summary>
    public string? Problem()
    {
        if (Points is null || Points.Count < 3) return TooFewCorners;
        if (Points.Count > MaxPoints) return TooManyCorners;
        if (Points.Any(p => float.IsNaN(p.X) || float.IsNaN(p.Y) || p.X is < 0 or > 1 || p.Y is < 0 or > 1)) return DoorLine.OutsideFrame;
        if (CrossesItself()) return EdgesCross;
        if (Share() < MinShare) return TooSmall;
        return null;
    }

    /// <summary>The share of the frame the area covers (shoelace formula).</summary>
    public float Share()
    {
        var twice = 0f;
        for (var i = 0; i < Points.Count; i++)
        {
            var (a, b) = (Points[i], Points[(i + 1) % Points.Count]);
            twice += a.X * b.Y - b.X * a.Y;
        }
        return MathF.Abs(twice) / 2;
    }

    /// <summary>Whether a point of the frame, in fractions of it, is inside (even-odd rule).</summary>
    public bool Contains(float x, float y)
    {
        var inside = false;
        for (int i = 0, j = Points.Count - 1; i < Points.Count; j = i++)
        {
            var (a, b) = (Points[i], Points[j]);
            if ((a.Y > y) != (b.Y > y) && x < (b.X - a.X) * (y - a.Y) / (b.Y - a.Y) + a.X) inside = !inside;
        }
        return inside;
    }

    /// <summary>Whether a person found in a frame of the given size stands inside the area.</summary>
    /// <remarks>
    /// The point is kept a hair inside the frame: a person cut by its bottom edge stands at exactly 1, on the edge of an
    /// area drawn down to the frame's border, where the even-odd rule could go either way.
    /// </remarks>
    public bool Holds(PersonSighting person, int frameWidth, int frameHeight) =>
        Contains(Math.Clamp((person.X1 + person.X2) / 2 / frameWidth, Edge, 1 - Edge), Math.Clamp(person.Y2 / frameHeight, Edge, 1 - Edge));

    private bool CrossesItself()
    {
        var n = Points.Count;
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
            {
                // Neighbouring edges share a corner; that is not a crossing.
                if (j == i + 1 || (i == 0 && j == n - 1)) continue;
                if (Cross(Points[i], Points[(i + 1) % n], Points[j], Points[(j + 1) % n])) return true;
            }
        return false;
    }

    private static bool Cross(AreaPoint a, AreaPoint b, AreaPoint c, AreaPoint d) =>
        Side(a, b, c) * Side(a, b, d) < 0 && Side(c, d, a) * Side(c, d, b) < 0;

    private static float Side(AreaPoint a, AreaPoint b, AreaPoint p) => MathF.Sign((b.X - a.X) * (p.Y - a.Y) - (b.Y - a.Y) * (p.X - a.X));
}
