using SkiaSharp;

namespace SmartStore.Vision.Shelves;

/// <summary>An axis-aligned rectangle in pixels (left, top, width, height). Plain integers so it stores and serialises as is.</summary>
public readonly record struct SlotRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;
    public long Area => (long)Math.Max(0, Width) * Math.Max(0, Height);

    public SKRectI ToSkia() => SKRectI.Create(X, Y, Width, Height);

    /// <summary>The part of this rectangle inside a width × height image (empty size when they do not overlap).</summary>
    public SlotRect ClipTo(int width, int height)
    {
        int x0 = Math.Clamp(X, 0, width), y0 = Math.Clamp(Y, 0, height);
        int x1 = Math.Clamp(Right, 0, width), y1 = Math.Clamp(Bottom, 0, height);
        return new SlotRect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }
}

/// <summary>
/// One facing position on a shelf, drawn on a preset's reference image. <see cref="SlotId"/> is store-level: two
/// presets (or two domes) that see the same position use the same id, so the store's shelf snapshot counts it once.
/// </summary>
public sealed record ShelfSlot(string SlotId, string? PlannedSku, SlotRect Rect);
