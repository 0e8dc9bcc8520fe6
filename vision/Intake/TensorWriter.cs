using SkiaSharp;

namespace SmartStore.Vision.Intake;

/// <summary>
/// Resizes a region of a frame into the top-left of a model canvas and normalises it into an InputTensor,
/// padding the rest. Scratch bitmaps are kept between frames (one writer per worker, not thread-safe).
/// </summary>
public sealed class TensorWriter : IDisposable
{
    private static readonly SKSamplingOptions Bilinear = new(SKFilterMode.Linear, SKMipmapMode.None);
    private readonly SKBitmap subset = new();
    private SKBitmap? scaled;

    /// <summary>Letterbox the whole frame (aspect kept, top-left anchored). Returns the scale r = canvas / source.</summary>
    public float Letterbox(SKBitmap source, InputTensor tensor, PixelNormalization norm, float padValue) =>
        Letterbox(source, new SKRectI(0, 0, source.Width, source.Height), tensor, norm, padValue);

    /// <summary>Letterbox one region (a tile or a crop) of the frame. Returns the scale r.</summary>
    public float Letterbox(SKBitmap source, SKRectI region, InputTensor tensor, PixelNormalization norm, float padValue)
    {
        var r = Math.Min(tensor.Width / (float)region.Width, tensor.Height / (float)region.Height);
        int w = Math.Clamp((int)(region.Width * r), 1, tensor.Width), h = Math.Clamp((int)(region.Height * r), 1, tensor.Height);
        Write(source, region, tensor, w, h, norm, padValue);
        return r;
    }

    /// <summary>Stretch a region to the full canvas (aspect not kept): re-id crops, UltraFace, classifier crops.</summary>
    public void Stretch(SKBitmap source, SKRectI region, InputTensor tensor, PixelNormalization norm) =>
        Write(source, region, tensor, tensor.Width, tensor.Height, norm, 0f);

    private unsafe void Write(SKBitmap source, SKRectI region, InputTensor tensor, int w, int h, PixelNormalization norm, float padValue)
    {
        region.Intersect(new SKRectI(0, 0, source.Width, source.Height));
        if (region.Width <= 0 || region.Height <= 0) throw new ArgumentException("Region lies outside the frame.", nameof(region));

        SKBitmap pixels;
        if (region.Left == 0 && region.Top == 0 && region.Width == source.Width && region.Height == source.Height && w == source.Width && h == source.Height)
            pixels = source;
        else
        {
            if (!source.ExtractSubset(subset, region)) throw new InvalidOperationException("Could not view the frame region.");
            if (scaled is null || scaled.Width != w || scaled.Height != h)
            {
                scaled?.Dispose();
                scaled = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));
            }
            if (!subset.ScalePixels(scaled, Bilinear)) throw new InvalidOperationException("Resize failed.");
            pixels = scaled;
        }

        // Source channel index (R=0,G=1,B=2 in RGBA memory) for each model channel.
        int c0 = norm.Order == ChannelOrder.Rgb ? 0 : 2, c2 = 2 - c0;
        float s0 = 1f / norm.Std[0], s1 = 1f / norm.Std[1], s2 = 1f / norm.Std[2];
        float m0 = norm.Mean[0], m1 = norm.Mean[1], m2 = norm.Mean[2];
        int cw = tensor.Width, ch = tensor.Height, plane = cw * ch;
        var data = tensor.Data;
        var isRgba = pixels.ColorType == SKColorType.Rgba8888;
        if (!isRgba) { c0 = 2 - c0; c2 = 2 - c2; } // BGRA memory swaps R and B positions
        var rowBytes = pixels.RowBytes;
        byte* basePtr = (byte*)pixels.GetPixels();

        float p0 = (padValue - m0) * s0, p1 = (padValue - m1) * s1, p2 = (padValue - m2) * s2;
        fixed (float* dataPtr = data)
        {
            if (tensor.Layout == TensorLayout.Nchw)
            {
                for (int y = 0; y < ch; y++)
                {
                    float* d0 = dataPtr + y * cw, d1 = d0 + plane, d2 = d1 + plane;
                    int x = 0;
                    if (y < h)
                    {
                        byte* p = basePtr + (long)y * rowBytes;
                        for (; x < w; x++, p += 4)
                        {
                            d0[x] = (p[c0] - m0) * s0;
                            d1[x] = (p[1] - m1) * s1;
                            d2[x] = (p[c2] - m2) * s2;
                        }
                    }
                    for (; x < cw; x++) { d0[x] = p0; d1[x] = p1; d2[x] = p2; }
                }
            }
            else
            {
                for (int y = 0; y < ch; y++)
                {
                    float* d = dataPtr + y * cw * 3;
                    byte* p = basePtr + (long)y * rowBytes;
                    for (int x = 0; x < cw; x++, d += 3)
                    {
                        if (y < h && x < w)
                        {
                            d[0] = (p[c0] - m0) * s0;
                            d[1] = (p[1] - m1) * s1;
                            d[2] = (p[c2] - m2) * s2;
                            p += 4;
                        }
                        else { d[0] = p0; d[1] = p1; d[2] = p2; }
                    }
                }
            }
        }
    }

    public void Dispose()
    {
        scaled?.Dispose();
        subset.Dispose();
    }
}
