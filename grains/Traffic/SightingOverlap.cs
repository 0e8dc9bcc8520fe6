using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>Intersection over union of a box (corners) with a sighting's box: how the trackers tell "about the same place".</summary>
internal static class SightingOverlap
{
    public static float IoU(float x1, float y1, float x2, float y2, PersonSighting b)
    {
        var iw = Math.Max(0, Math.Min(x2, b.X2) - Math.Max(x1, b.X1));
        var ih = Math.Max(0, Math.Min(y2, b.Y2) - Math.Max(y1, b.Y1));
        var inter = iw * ih;
        var union = (x2 - x1) * (y2 - y1) + (b.X2 - b.X1) * (b.Y2 - b.Y1) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    public static float IoU(PersonSighting a, PersonSighting b) => IoU(a.X1, a.Y1, a.X2, a.Y2, b);
}
