using SkiaSharp;

namespace SmartStore.Bench.Vision;

/// <summary>
/// Camera faults simulated on real frames. Geometric faults are made by cropping: the reference is the
/// centre 70% of the reference frame, the faulty view a shifted / rotated / zoomed 70% of a later frame, so
/// the newly revealed edges contain real scene, not padding.
/// </summary>
public static class FramePerturbation
{
    public const float CropShare = 0.70f;
    private static readonly SKColor[] BannerColours = [new(200, 30, 40), new(250, 205, 40), new(30, 80, 170), new(245, 245, 240)];

    public static SKBitmap CentreCrop(SKBitmap source) => Transformed(source, 0, 0, 0, 1);

    /// <summary>A hanging banner from the top edge covering `coverage` of the view, with darker lettering bands.</summary>
    public static SKBitmap Banner(SKBitmap source, double coverage, Random rng)
    {
        var result = source.Copy();
        using var canvas = new SKCanvas(result);
        float W = source.Width, H = source.Height;
        var width = (float)(W * (0.5 + 0.5 * rng.NextDouble()));
        var height = (float)Math.Min(H, coverage * W * H / width);
        width = (float)(coverage * W * H / height);
        var left = (float)((W - width) * rng.NextDouble());
        var colour = BannerColours[rng.Next(BannerColours.Length)];
        using var fill = new SKPaint { Color = colour };
        canvas.DrawRect(left, 0, width, height, fill);
        using var ink = new SKPaint { Color = new SKColor((byte)(colour.Red / 3), (byte)(colour.Green / 3), (byte)(colour.Blue / 3)) };
        for (int line = 0; line < 3; line++)
        {
            var y = height * (0.2f + 0.25f * line);
            for (float x = left + width * 0.1f; x < left + width * 0.85f; x += width * 0.08f)
                canvas.DrawRect(x, y, width * 0.05f, height * 0.08f, ink);
        }
        return result;
    }

    /// <summary>The 70% view after the camera turned by (dx, dy) shares of the view, rotated by degrees and zoomed.</summary>
    public static SKBitmap Transformed(SKBitmap source, float dx, float dy, float degrees, float zoom)
    {
        int w = (int)(source.Width * CropShare), h = (int)(source.Height * CropShare);
        var result = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(result);
        using var image = SKImage.FromBitmap(source);
        canvas.Translate(w / 2f, h / 2f);
        canvas.Scale(zoom);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f - dx * w, -source.Height / 2f - dy * h);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), null);
        return result;
    }

    public static SKBitmap Blur(SKBitmap source, float sigmaShareOfWidth)
    {
        var sigma = source.Width * sigmaShareOfWidth;
        return Filtered(source, SKImageFilter.CreateBlur(sigma, sigma, SKShaderTileMode.Clamp));
    }

    /// <summary>Multiplies every channel by `gain` (darkening below 1, blown-out above 1).</summary>
    public static SKBitmap Exposure(SKBitmap source, float gain)
    {
        float[] m = [gain, 0, 0, 0, 0, 0, gain, 0, 0, 0, 0, 0, gain, 0, 0, 0, 0, 0, 1, 0];
        using var filter = SKColorFilter.CreateColorMatrix(m);
        return Filtered(source, SKImageFilter.CreateColorFilter(filter));
    }

    private static SKBitmap Filtered(SKBitmap source, SKImageFilter filter)
    {
        using (filter)
        {
            var result = new SKBitmap(source.Info);
            using var canvas = new SKCanvas(result);
            using var image = SKImage.FromBitmap(source);
            using var paint = new SKPaint { ImageFilter = filter };
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), paint);
            return result;
        }
    }
}
