using SkiaSharp;

namespace SmartStore.Vision.Shelves;

/// <summary>
/// Lays product photos out as a shelf face: rows × columns slots on a back panel with shelf boards between rows; a
/// missing product leaves its slot empty (bare panel). The demo chain's shelf domes photograph such shelves, because
/// the product set has one product per photo and no whole-shelf pictures.
/// </summary>
public static class ShelfComposer
{
    public const int SlotSide = 240, Gap = 12, Board = 24, Margin = 24;

    public static (int Width, int Height) Size(int rows, int columns) =>
        (2 * Margin + columns * SlotSide + (columns - 1) * Gap, 2 * Margin + rows * (SlotSide + Board) + (rows - 1) * Gap);

    /// <summary>Slot <paramref name="index"/> (row by row) in the composed image.</summary>
    public static SlotRect Slot(int index, int columns) =>
        new(Margin + index % columns * (SlotSide + Gap), Margin + index / columns * (SlotSide + Board + Gap), SlotSide, SlotSide);

    /// <summary>A JPEG of the shelf; <paramref name="products"/> row by row, null for an empty slot.</summary>
    public static byte[] Compose(IReadOnlyList<byte[]?> products, int rows, int columns, int quality = 88)
    {
        var (width, height) = Size(rows, columns);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var board = new SKPaint { Color = new SKColor(70, 62, 55) })
        {
            canvas.Clear(new SKColor(214, 210, 200));
            var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None);
            for (var i = 0; i < Math.Min(products.Count, rows * columns); i++)
            {
                var slot = Slot(i, columns);
                canvas.DrawRect(SKRect.Create(slot.X - Gap / 2, slot.Y + SlotSide, SlotSide + Gap, Board), board);
                if (products[i] is not { } jpeg) continue;
                using var image = SKImage.FromEncodedData(jpeg);
                if (image is null) continue;
                var scale = Math.Min(SlotSide / (float)image.Width, SlotSide / (float)image.Height);
                var (w, h) = (image.Width * scale, image.Height * scale);
                canvas.DrawImage(image, SKRect.Create(0, 0, image.Width, image.Height),
                    SKRect.Create(slot.X + (SlotSide - w) / 2, slot.Y + SlotSide - h, w, h), sampling, null);
            }
        }
        using var encoded = SKImage.FromBitmap(bitmap);
        return encoded.Encode(SKEncodedImageFormat.Jpeg, quality).ToArray();
    }
}
