using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>
/// A door line mapped into one frame size's pixels, with the side tests the crossing rule needs. The side of
/// a point is the signed distance to the (infinite) line, positive towards the inside.
/// </summary>
public readonly record struct CountingLine(float Ax, float Ay, float Bx, float By, float Sign)
{
    public static CountingLine For(DoorLine line, int width, int height)
    {
        var ax = line.Ax * width; var ay = line.Ay * height;
        var bx = line.Bx * width; var by = line.By * height;
        var inside = Cross(ax, ay, bx, by, line.InsideX * width, line.InsideY * height);
        return new CountingLine(ax, ay, bx, by, inside >= 0 ? 1 : -1);
    }

    /// <summary>Signed distance in pixels; positive on the inside.</summary>
    public float SignedDistance(float x, float y)
    {
        var length = MathF.Sqrt((Bx - Ax) * (Bx - Ax) + (By - Ay) * (By - Ay));
        return Sign * Cross(Ax, Ay, Bx, By, x, y) / Math.Max(length, 1e-6f);
    }

    /// <summary>Whether the step from (x1,y1) to (x2,y2) passes through the segment itself, not its extension.</summary>
    public bool StepCrossesSegment(float x1, float y1, float x2, float y2, float tolerancePx)
    {
        // Solve p1 + t (p2 - p1) = a + u (b - a); the step crosses the segment when u lies within it.
        var dx = x2 - x1; var dy = y2 - y1;
        var ex = Bx - Ax; var ey = By - Ay;
        var denominator = dx * ey - dy * ex;
        if (MathF.Abs(denominator) < 1e-9f) return false;
        var u = ((Ax - x1) * dy - (Ay - y1) * dx) / denominator;
        var length = MathF.Sqrt(ex * ex + ey * ey);
        var slack = tolerancePx / Math.Max(length, 1e-6f);
        return u >= -slack && u <= 1 + slack;
    }

    private static float Cross(float ax, float ay, float bx, float by, float px, float py) =>
        (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}
