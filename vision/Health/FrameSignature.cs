using SkiaSharp;

namespace SmartStore.Vision.Health;

/// <summary>
/// A small, resolution-independent summary of a frame for health checks: a 160x120 RGB/luma thumbnail for
/// coverage, exposure and alignment, and a 320x240 luma for sharpness (blur shows only at finer scale).
/// Computed once per reference frame and kept by the camera.
/// </summary>
public sealed class FrameSignature
{
    public const int W = 160, H = 120, SharpW = 320, SharpH = 240;

    private FrameSignature(float[] r, float[] g, float[] b, float[] luma, double sharpness)
    {
        R = r; G = g; B = b; Luma = luma; Sharpness = sharpness;
    }

    public float[] R { get; }
    public float[] G { get; }
    public float[] B { get; }
    public float[] Luma { get; }
    /// <summary>Mean squared Laplacian of the 320x240 luma over its variance (contrast-free edge energy).</summary>
    public double Sharpness { get; }

    public static FrameSignature Of(SKBitmap frame)
    {
        var (r, g, b, luma) = Sample(frame, W, H);
        var (_, _, _, fine) = Sample(frame, SharpW, SharpH);
        return new FrameSignature(r, g, b, luma, Laplacian(fine, SharpW, SharpH));
    }

    /// <summary>
    /// This view brought back into the geometry of a reference it moved from (<see cref="ViewAlignment.Align"/>'s shift,
    /// rotation and zoom; nearest thumbnail pixel): a thumbnail pixel the moved view does not show is NaN.
    /// </summary>
    internal FrameSignature AlignedBack(ViewAlignment.Estimate move)
    {
        int n = W * H;
        float[] r = new float[n], g = new float[n], b = new float[n], l = new float[n];
        var turn = new ViewAlignment.CameraTurn(move.RotationDegrees, move.Zoom, W, H);
        double dx = move.ShiftX * W, dy = move.ShiftY * H;
        for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
        {
            var (sx, sy) = turn.SourceOf(x + dx, y + dy);
            int i = y * W + x, j = sy * W + sx;
            var inside = sx >= 0 && sx < W && sy >= 0 && sy < H;
            (r[i], g[i], b[i], l[i]) = inside ? (R[j], G[j], B[j], Luma[j]) : (float.NaN, float.NaN, float.NaN, float.NaN);
        }
        return new FrameSignature(r, g, b, l, Sharpness);
    }

    /// <summary>
    /// The signature as bytes, to be kept as a camera's reference view: the thumbnail's R, G and B (whole grey levels,
    /// as sampled) and the sharpness; the luma is recomputed from them exactly as <see cref="Of"/> computes it.
    /// </summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[3 * W * H + sizeof(double)];
        for (int i = 0; i < W * H; i++)
            (bytes[3 * i], bytes[3 * i + 1], bytes[3 * i + 2]) = ((byte)R[i], (byte)G[i], (byte)B[i]);
        BitConverter.TryWriteBytes(bytes.AsSpan(3 * W * H), Sharpness);
        return bytes;
    }

    /// <summary>A signature kept with <see cref="ToBytes"/>; refused when the bytes are not one.</summary>
    public static FrameSignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 3 * W * H + sizeof(double)) throw new ArgumentException($"a frame signature is {3 * W * H + sizeof(double)} bytes, not {bytes.Length}");
        int n = W * H;
        float[] r = new float[n], g = new float[n], b = new float[n], l = new float[n];
        for (int i = 0; i < n; i++)
        {
            (r[i], g[i], b[i]) = (bytes[3 * i], bytes[3 * i + 1], bytes[3 * i + 2]);
            l[i] = 0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i];
        }
        return new FrameSignature(r, g, b, l, BitConverter.ToDouble(bytes[(3 * n)..]));
    }

    private static unsafe (float[] R, float[] G, float[] B, float[] L) Sample(SKBitmap frame, int w, int h)
    {
        using var small = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        // Mipmaps average the pixels under each thumbnail cell, so sensor noise does not alias into the checks.
        frame.ScalePixels(small, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        var n = w * h;
        float[] r = new float[n], g = new float[n], b = new float[n], l = new float[n];
        var p = (byte*)small.GetPixels();
        var rgba = small.ColorType == SKColorType.Rgba8888;
        for (int y = 0; y < h; y++)
        {
            var row = p + (long)y * small.RowBytes;
            for (int x = 0; x < w; x++)
            {
                int i = y * w + x;
                r[i] = row[x * 4 + (rgba ? 0 : 2)]; g[i] = row[x * 4 + 1]; b[i] = row[x * 4 + (rgba ? 2 : 0)];
                l[i] = 0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i];
            }
        }
        return (r, g, b, l);
    }

    private static double Laplacian(float[] l, int w, int h)
    {
        double sum = 0;
        for (int y = 1; y < h - 1; y++)
        for (int x = 1; x < w - 1; x++)
        {
            int i = y * w + x;
            double v = 4 * l[i] - l[i - 1] - l[i + 1] - l[i - w] - l[i + w];
            sum += v * v;
        }
        double mean = l.Average(), variance = 0;
        foreach (var v in l) variance += (v - mean) * (v - mean);
        variance /= l.Length;
        // Divided by the contrast so a darker or dimmer view is not mistaken for a blurred one.
        return sum / ((w - 2) * (h - 2)) / Math.Max(1.0, variance);
    }
}
