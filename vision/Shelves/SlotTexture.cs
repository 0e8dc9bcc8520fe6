using SkiaSharp;

namespace SmartStore.Vision.Shelves;

/// <summary>
/// How much printed detail a crop holds: mean luma gradient magnitude (grey levels per pixel) of the crop reduced to 64×64,
/// scaled by 128 / max(mean luma, 32) so a dim shelf is not mistaken for a flat one. Packs carry text, logos and edges;
/// an empty slot shows the shelf's back panel. Roughly 1 ms per crop.
/// </summary>
public static class SlotTexture
{
    private const int Side = 64;

    public static unsafe float EdgeEnergy(SKBitmap image, SlotRect crop)
    {
        var c = crop.ClipTo(image.Width, image.Height);
        if (c.Width < 2 || c.Height < 2) return 0;
        using var subset = new SKBitmap();
        if (!image.ExtractSubset(subset, c.ToSkia())) return 0;
        using var small = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Opaque));
        subset.ScalePixels(small, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        var l = new float[Side * Side];
        var p = (byte*)small.GetPixels();
        var rgba = small.ColorType == SKColorType.Rgba8888;
        double mean = 0;
        for (int y = 0; y < Side; y++)
        {
            var row = p + (long)y * small.RowBytes;
            for (int x = 0; x < Side; x++)
            {
                var v = 0.299f * row[x * 4 + (rgba ? 0 : 2)] + 0.587f * row[x * 4 + 1] + 0.114f * row[x * 4 + (rgba ? 2 : 0)];
                l[y * Side + x] = v;
                mean += v;
            }
        }
        mean /= l.Length;
        double sum = 0;
        for (int y = 1; y < Side - 1; y++)
        for (int x = 1; x < Side - 1; x++)
        {
            int i = y * Side + x;
            float gx = (l[i + 1] - l[i - 1]) / 2, gy = (l[i + Side] - l[i - Side]) / 2;
            sum += MathF.Sqrt(gx * gx + gy * gy);
        }
        return (float)(sum / ((Side - 2) * (Side - 2)) * 128 / Math.Max(mean, 32));
    }
}
