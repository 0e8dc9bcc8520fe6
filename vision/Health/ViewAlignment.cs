namespace SmartStore.Vision.Health;

/// <summary>
/// Estimates how the view moved between the reference and the current frame: exhaustive search over shift,
/// a few rotations and zooms, scored by normalised correlation of gradient-magnitude maps (edges of the
/// fixed scene, insensitive to lighting). People walking add edges to both frames but rarely dominate.
/// </summary>
internal static class ViewAlignment
{
    private const int W = FrameSignature.W / 2, H = FrameSignature.H / 2;
    private const int MaxShift = 14; // ±17% of width at 80 px
    private static readonly double[] Rotations = [-8, -4, 0, 4, 8];
    private static readonly double[] Zooms = [0.8, 0.89, 1.0, 1.12, 1.25];

    public readonly record struct Estimate(double ShiftX, double ShiftY, double RotationDegrees, double Zoom, double Score, double IdentityScore);

    public static Estimate Align(FrameSignature reference, FrameSignature current)
    {
        var a = Gradient(reference.Luma);
        var b = Gradient(current.Luma);
        var identity = Correlate(a, b, 0, 0);
        var best = new Estimate(0, 0, 0, 1, identity, identity);
        var warped = new float[W * H];
        foreach (var rot in Rotations)
        foreach (var zoom in Zooms)
        {
            Warp(b, warped, rot, zoom);
            for (int dy = -MaxShift; dy <= MaxShift; dy++)
            for (int dx = -MaxShift; dx <= MaxShift; dx++)
            {
                var s = Correlate(a, warped, dx, dy);
                if (s > best.Score) best = new Estimate(dx / (double)W, dy / (double)H, rot, zoom, s, identity);
            }
        }
        return best;
    }

    /// <summary>Zero-mean gradient magnitude at half the thumbnail resolution.</summary>
    private static float[] Gradient(float[] luma)
    {
        const int sw = FrameSignature.W;
        var half = new float[W * H];
        for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
        {
            int i = 2 * y * sw + 2 * x;
            half[y * W + x] = (luma[i] + luma[i + 1] + luma[i + sw] + luma[i + sw + 1]) / 4;
        }
        var g = new float[W * H];
        for (int y = 1; y < H - 1; y++)
        for (int x = 1; x < W - 1; x++)
        {
            int i = y * W + x;
            float gx = half[i + 1] - half[i - 1], gy = half[i + W] - half[i - W];
            g[i] = MathF.Sqrt(gx * gx + gy * gy);
        }
        var mean = g.Average();
        for (int i = 0; i < g.Length; i++) g[i] -= mean;
        return g;
    }

    /// <summary>Samples `source` so that warped(p) = source(rotate/zoom p about the centre) — undoing the camera's motion.</summary>
    private static void Warp(float[] source, float[] warped, double degrees, double zoom)
    {
        if (degrees == 0 && zoom == 1) { source.CopyTo(warped, 0); return; }
        var turn = new CameraTurn(degrees, zoom, W, H);
        for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
        {
            var (sx, sy) = turn.SourceOf(x, y);
            warped[y * W + x] = sx >= 0 && sx < W && sy >= 0 && sy < H ? source[sy * W + sx] : float.NaN;
        }
    }

    /// <summary>
    /// A camera's rotation and zoom about the centre of a <paramref name="width"/> × <paramref name="height"/> view: the
    /// alignment search and <see cref="FrameSignature.AlignedBack"/> sample the moved view through the same one.
    /// </summary>
    internal readonly struct CameraTurn(double degrees, double zoom, int width, int height)
    {
        private readonly double _cos = Math.Cos(degrees * Math.PI / 180) * zoom, _sin = Math.Sin(degrees * Math.PI / 180) * zoom;

        /// <summary>The pixel of the moved view seen at (x, y) of the unmoved one (nearest).</summary>
        public (int X, int Y) SourceOf(double x, double y)
        {
            double cx = width / 2.0, cy = height / 2.0, u = x - cx, v = y - cy;
            return ((int)Math.Round(_cos * u - _sin * v + cx), (int)Math.Round(_sin * u + _cos * v + cy));
        }
    }

    /// <summary>Normalised correlation of a(p) with b(p + d) over their overlap (NaN = outside the warped view).</summary>
    private static double Correlate(float[] a, float[] b, int dx, int dy)
    {
        double ab = 0, aa = 0, bb = 0;
        int n = 0;
        int y0 = Math.Max(1, 1 - dy), y1 = Math.Min(H - 1, H - 1 - dy), x0 = Math.Max(1, 1 - dx), x1 = Math.Min(W - 1, W - 1 - dx);
        for (int y = y0; y < y1; y++)
        {
            int ra = y * W, rb = (y + dy) * W + dx;
            for (int x = x0; x < x1; x++)
            {
                float va = a[ra + x], vb = b[rb + x];
                if (float.IsNaN(vb)) continue;
                ab += va * vb; aa += va * va; bb += vb * vb; n++;
            }
        }
        if (n < W * H * 0.5 || aa <= 0 || bb <= 0) return -1;
        return ab / Math.Sqrt(aa * bb);
    }
}
