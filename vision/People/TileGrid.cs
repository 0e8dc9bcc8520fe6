using SkiaSharp;

namespace SmartStore.Vision.People;

/// <summary>Overlapping tile rectangles covering a frame edge to edge.</summary>
public static class TileGrid
{
    public static IReadOnlyList<SKRectI> Layout(int width, int height, TilingOptions tiling)
    {
        var xs = Spans(width, tiling.Columns, tiling.Overlap);
        var ys = Spans(height, tiling.Rows, tiling.Overlap);
        var tiles = new List<SKRectI>(xs.Count * ys.Count);
        foreach (var (y0, y1) in ys)
        foreach (var (x0, x1) in xs)
            tiles.Add(new SKRectI(x0, y0, x1, y1));
        return tiles;
    }

    private static List<(int Start, int End)> Spans(int length, int count, float overlap)
    {
        if (count <= 1) return [(0, length)];
        // count tiles of size s with overlap o·s: length = s·(count − (count−1)·o).
        var size = (int)Math.Ceiling(length / (count - (count - 1) * overlap));
        var step = (length - size) / (double)(count - 1);
        var spans = new List<(int, int)>(count);
        for (int i = 0; i < count; i++)
        {
            var start = (int)Math.Round(i * step);
            spans.Add((start, Math.Min(length, start + size)));
        }
        return spans;
    }
}
