using SkiaSharp;

namespace SmartStore.Bench.Display;

/// <summary>Draws a synthetic shelf: back panel, slots, dark boards under each row, optionally zoomed and shifted as a whole.</summary>
internal static class ShelfCanvas
{
    public static SKBitmap Draw(IReadOnlyList<SKBitmap?> tiles, IReadOnlyList<SKRectI> layout, int width, int height, double zoom, double dx, double dy)
    {
        var result = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(result);
        canvas.Clear(new SKColor(62, 64, 68));
        // snapshot = zoom · (p − c) + c + (dx, dy)
        canvas.Translate((float)(width / 2.0 + dx), (float)(height / 2.0 + dy));
        canvas.Scale((float)zoom);
        canvas.Translate(-width / 2f, -height / 2f);
        using var panel = new SKPaint { Color = new SKColor(206, 203, 196) };
        using var board = new SKPaint { Color = new SKColor(38, 38, 42) };
        using var edge = new SKPaint { Color = new SKColor(235, 235, 230) };
        canvas.DrawRect(SKRect.Create(12, 12, width - 24, height - 24), panel);
        foreach (var row in layout.GroupBy(r => r.Top))
        {
            var bottom = row.Max(r => r.Bottom);
            canvas.DrawRect(SKRect.Create(12, bottom + 4, width - 24, 30), board);
            canvas.DrawRect(SKRect.Create(12, bottom + 4, width - 24, 4), edge); // the shelf's lit front edge
        }
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
        for (int i = 0; i < tiles.Count && i < layout.Count; i++)
        {
            if (tiles[i] is not { } tile) continue;
            var slot = layout[i];
            // Fit inside the slot keeping the aspect ratio, standing on the shelf (bottom-aligned), centred across.
            var scale = Math.Min(slot.Width / (float)tile.Width, slot.Height / (float)tile.Height);
            float w = tile.Width * scale, h = tile.Height * scale;
            var dest = SKRect.Create(slot.Left + (slot.Width - w) / 2, slot.Bottom - h, w, h);
            using var image = SKImage.FromBitmap(tile);
            canvas.DrawImage(image, SKRect.Create(0, 0, tile.Width, tile.Height), dest, sampling, null);
        }
        return result;
    }
}
