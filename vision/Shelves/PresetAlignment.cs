using SkiaSharp;

namespace SmartStore.Vision.Shelves;

/// <summary>
/// Maps a preset's reference-image pixels to a new snapshot's pixels: snapshot = Scale · reference + Offset, per axis.
/// ScaleX and ScaleY differ only when the snapshot's resolution or aspect ratio differs from the reference's.
/// </summary>
public readonly record struct PresetTransform(double ScaleX, double ScaleY, double OffsetX, double OffsetY)
{
    public static PresetTransform Identity { get; } = new(1, 1, 0, 0);

    public (double X, double Y) Map(double x, double y) => (ScaleX * x + OffsetX, ScaleY * y + OffsetY);

    /// <summary>The slot's rectangle in snapshot pixels (rounded outward to whole pixels, not clipped).</summary>
    public SlotRect Map(SlotRect r)
    {
        var (x0, y0) = Map(r.X, r.Y);
        var (x1, y1) = Map(r.Right, r.Bottom);
        int l = (int)Math.Round(x0), t = (int)Math.Round(y0);
        return new SlotRect(l, t, (int)Math.Round(x1) - l, (int)Math.Round(y1) - t);
    }
}

/// <summary>
/// How the snapshot sits against the reference. <see cref="Score"/> is the normalised correlation of the two edge maps
/// at the found transform, <see cref="IdentityScore"/> the same without moving; <see cref="Reliable"/> is false when the
/// best score is below <see cref="PresetAlignmentOptions.MinScore"/> (view blocked, wrong preset, lights off): slot
/// readings from such a snapshot should not be trusted.
/// </summary>
public sealed record AlignmentResult(PresetTransform Transform, double Score, double IdentityScore, bool Reliable, double Milliseconds);

/// <param name="MaxShift">largest drift searched, as a fraction of the frame's width / height (PTZ presets drift a few %).</param>
/// <param name="MaxScaleChange">largest zoom change searched (±), e.g. 0.06 = 0.94–1.06.</param>
/// <param name="WorkWidth">width of the finest level the search runs at (the reference is never upscaled).</param>
/// <param name="MinScore">below this edge correlation the result is flagged unreliable.</param>
/// <param name="TieMargin">candidates scoring within this of the best at one level are all refined at the next (0: only the best).</param>
public sealed record PresetAlignmentOptions(double MaxShift = 0.12, double MaxScaleChange = 0.06, int WorkWidth = 480, double MinScore = 0.3, double TieMargin = 0.05);

/// <summary>
/// The reference image of a preset reduced to what alignment needs (a pyramid of gradient-magnitude maps, about
/// 0.3 MB). Compute once per preset when the reference is set, keep with the worker's planogram cache.
/// </summary>
public sealed class PresetReference
{
    internal PresetReference(int width, int height, int workWidth, int workHeight, EdgePyramid pyramid)
    {
        Width = width; Height = height; WorkWidth = workWidth; WorkHeight = workHeight; Pyramid = pyramid;
    }

    public int Width { get; }
    public int Height { get; }
    internal int WorkWidth { get; }
    internal int WorkHeight { get; }
    internal EdgePyramid Pyramid { get; }

    public static PresetReference Of(SKBitmap reference, PresetAlignmentOptions? options = null)
    {
        var o = options ?? new PresetAlignmentOptions();
        int w = Math.Min(o.WorkWidth, reference.Width);
        int h = Math.Max(8, (int)Math.Round(reference.Height * (w / (double)reference.Width)));
        return new PresetReference(reference.Width, reference.Height, w, h, EdgePyramid.Of(reference, w, h));
    }
}

/// <summary>
/// Estimates translation and a small zoom of a preset snapshot against the preset's reference (PTZ domes return to a
/// preset a few % off). Coarse-to-fine on two channels: gradient magnitude (edges of shelves and packs, insensitive to
/// lighting) and luma (the layout: boards, panel, pack faces), each by zero-mean normalised correlation, averaged.
/// Exhaustive shift × zoom search at 32–64 px wide; the best 4 distinct coarse peaks are refined one level up (a shelf
/// repeats itself, so the coarse optimum can be a look-alike), then ±2 px × 5 zooms at each finer level up to
/// <see cref="PresetAlignmentOptions.WorkWidth"/> — every candidate within TieMargin of the leader, not just the
/// leader, until a finer level separates them — then a sub-pixel parabola. Same idea as the health
/// check's ViewAlignment, which searches only 80 px wide (one step = 1.25 % of the frame) and so is too coarse to place
/// slots. Measured (bench display-accuracy, 1340×1128 shelves drifted ±3 % and zoomed 0.97–1.03): worst slot-corner
/// error median 0.7 px, no shelf off by more than 10 px (refining only the leader left 1 of 240 half a slot off,
/// unflagged). About 100–170 ms per snapshot on this shared 2-core
/// machine whatever the input size (the work happens at ≤ 480 px wide).
/// Stateless and thread-safe.
/// </summary>
public sealed class PresetAlignment(PresetAlignmentOptions? options = null)
{
    private const int Candidates = 4;
    private readonly PresetAlignmentOptions options = options ?? new PresetAlignmentOptions();

    public PresetAlignmentOptions Options => options;

    public AlignmentResult Align(PresetReference reference, SKBitmap snapshot)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var target = EdgePyramid.Of(snapshot, reference.WorkWidth, reference.WorkHeight);
        var refs = reference.Pyramid.Levels;
        var snaps = target.Levels;
        int top = refs.Count - 1;

        // Coarse: every shift and zoom on the smallest level.
        var coarse = refs[top];
        int maxDx = Math.Max(1, (int)Math.Ceiling(options.MaxShift * coarse.W)), maxDy = Math.Max(1, (int)Math.Ceiling(options.MaxShift * coarse.H));
        double step = Math.Max(0.02, 1.5 / coarse.W); // ~1 coarse pixel at the image border
        int scaleSteps = (int)Math.Ceiling(options.MaxScaleChange / step);
        var scored = new List<(double Score, double S, double Tx, double Ty, int Dx, int Dy)>();
        var warped = new EdgeMap(coarse.W, coarse.H, new float[coarse.W * coarse.H], new float[coarse.W * coarse.H]);
        for (int k = -scaleSteps; k <= scaleSteps; k++)
        {
            var s = 1 + k * step;
            Warp(snaps[top], s, 0, 0, warped);
            for (int dy = -maxDy; dy <= maxDy; dy++)
            for (int dx = -maxDx; dx <= maxDx; dx++)
                scored.Add((Correlate(coarse, warped, dx, dy), s, s * dx, s * dy, dx, dy));
        }

        // Shelves repeat (facings, boards), so the coarse optimum can be a neighbouring look-alike: the best few distinct
        // coarse peaks are refined one level further, and the best of them to the finest level.
        var peaks = new List<(double Score, double S, double Tx, double Ty, int Dx, int Dy)>();
        foreach (var c in scored.OrderByDescending(c => c.Score))
        {
            if (peaks.Any(p => Math.Abs(p.Dx - c.Dx) <= 2 && Math.Abs(p.Dy - c.Dy) <= 2)) continue;
            peaks.Add(c);
            if (peaks.Count == Candidates) break;
        }
        var contenders = peaks.Select(p => top >= 1 ? RefineAt(refs, snaps, top - 1, p.S, p.Tx, p.Ty, step / 2) : (p.Score, p.S, p.Tx, p.Ty)).ToList();

        // Refine level by level: the shift doubles with the resolution, the zoom step halves. Contenders within
        // options.TieMargin of the best go on together until a finer level tells them apart (a look-alike half a slot away
        // can tie with the truth at 120 px wide and lose clearly at 240).
        double scaleStep = step / 2;
        for (int level = top - 2; level >= 0; level--)
        {
            scaleStep /= 2;
            var leader = contenders.Max(c => c.Score);
            contenders = contenders.Where(c => c.Score >= leader - options.TieMargin)
                .Select(c => RefineAt(refs, snaps, level, c.S, c.Tx, c.Ty, scaleStep)).ToList();
        }
        var (best, bestS, bestTx, bestTy) = contenders.MaxBy(c => c.Score);
        var identity = Correlate(refs[0], snaps[0], 0, 0);

        // Work coordinates → image pixels: u = x_ref · fr, v = x_snap · fs and v = s·u + t.
        double frx = reference.WorkWidth / (double)reference.Width, fry = reference.WorkHeight / (double)reference.Height;
        double fsx = reference.WorkWidth / (double)snapshot.Width, fsy = reference.WorkHeight / (double)snapshot.Height;
        var transform = new PresetTransform(bestS * frx / fsx, bestS * fry / fsy, bestTx / fsx, bestTy / fsy);
        return new AlignmentResult(transform, best, identity, best >= options.MinScore, sw.Elapsed.TotalMilliseconds);
    }

    /// <summary>Carries an estimate from level + 1 to <paramref name="level"/> and refines it there.</summary>
    private static (double Score, double S, double Tx, double Ty) RefineAt(IReadOnlyList<EdgeMap> refs, IReadOnlyList<EdgeMap> snaps, int level, double s, double tx, double ty, double scaleStep)
    {
        var r = refs[level];
        double factX = r.W / (double)refs[level + 1].W, factY = r.H / (double)refs[level + 1].H;
        return Refine(r, snaps[level], s, tx * factX, ty * factY, scaleStep, subPixel: level == 0);
    }

    private static (double Score, double S, double Tx, double Ty) Refine(EdgeMap reference, EdgeMap snapshot, double s0, double tx0, double ty0, double scaleStep, bool subPixel)
    {
        var warped = new EdgeMap(reference.W, reference.H, new float[reference.W * reference.H], new float[reference.W * reference.H]);
        double best = double.NegativeInfinity, bestS = s0, bestTx = tx0, bestTy = ty0;
        double[,]? around = null;
        double baseTx = tx0, baseTy = ty0;
        double cx = reference.W / 2.0, cy = reference.H / 2.0;
        foreach (var s in new[] { s0 - 2 * scaleStep, s0 - scaleStep, s0, s0 + scaleStep, s0 + 2 * scaleStep })
        {
            // Zoom about the centre, keeping the current estimate's centre where it is; then search whole-pixel
            // offsets d: sample at s·u + t + s·d.
            double tx = tx0 - (s - s0) * cx, ty = ty0 - (s - s0) * cy;
            Warp(snapshot, s, tx, ty, warped);
            var grid = new double[5, 5];
            for (int dy = -2; dy <= 2; dy++)
            for (int dx = -2; dx <= 2; dx++)
            {
                var c = grid[dy + 2, dx + 2] = Correlate(reference, warped, dx, dy);
                if (c > best) { best = c; bestS = s; bestTx = tx + s * dx; bestTy = ty + s * dy; around = grid; baseTx = tx; baseTy = ty; }
            }
        }
        if (subPixel && around is not null)
        {
            // Parabola through the best whole-pixel score and its neighbours, per axis.
            int bx = (int)Math.Round((bestTx - baseTx) / bestS) + 2, by = (int)Math.Round((bestTy - baseTy) / bestS) + 2;
            if (bx is > 0 and < 4) bestTx += bestS * Vertex(around[by, bx - 1], around[by, bx], around[by, bx + 1]);
            if (by is > 0 and < 4) bestTy += bestS * Vertex(around[by - 1, bx], around[by, bx], around[by + 1, bx]);
        }
        return (best, bestS, bestTx, bestTy);
    }

    private static double Vertex(double left, double centre, double right)
    {
        var denominator = left - 2 * centre + right;
        return denominator >= 0 ? 0 : Math.Clamp(0.5 * (left - right) / denominator, -0.5, 0.5);
    }

    /// <summary>Both channels of the snapshot warped into the reference's frame.</summary>
    private static void Warp(EdgeMap snapshot, double s, double tx, double ty, EdgeMap warped)
    {
        Warp(snapshot.Edges, snapshot.W, snapshot.H, s, tx, ty, warped.Edges);
        Warp(snapshot.Luma, snapshot.W, snapshot.H, s, tx, ty, warped.Luma);
    }

    /// <summary>warped(u) = source(s·u + t), bilinear; NaN where that falls outside the snapshot.</summary>
    private static void Warp(float[] src, int w, int h, double s, double tx, double ty, float[] warped)
    {
        for (int y = 0; y < h; y++)
        {
            double sy = s * y + ty;
            int y0 = (int)Math.Floor(sy);
            float fy = (float)(sy - y0);
            bool rowOut = y0 < 0 || y0 + 1 >= h;
            for (int x = 0; x < w; x++)
            {
                double sx = s * x + tx;
                int x0 = (int)Math.Floor(sx);
                if (rowOut || x0 < 0 || x0 + 1 >= w) { warped[y * w + x] = float.NaN; continue; }
                float fx = (float)(sx - x0);
                int i = y0 * w + x0;
                float top = src[i] + (src[i + 1] - src[i]) * fx, bottom = src[i + w] + (src[i + w + 1] - src[i + w]) * fx;
                warped[y * w + x] = top + (bottom - top) * fy;
            }
        }
    }

    /// <summary>
    /// Mean of the edge-map and the luma correlations. Edges carry the fine detail; luma carries the layout (dark shelf
    /// boards, bright panel, big pack faces), which stays put when individual packs are swapped for other facings.
    /// </summary>
    private static double Correlate(EdgeMap a, EdgeMap b, int dx, int dy) =>
        (Correlate(a.Edges, b.Edges, a.W, a.H, dx, dy) + Correlate(a.Luma, b.Luma, a.W, a.H, dx, dy)) / 2;

    /// <summary>Normalised (zero-mean over the overlap) correlation of a(p) with b(p + d); NaN in b = outside the view.</summary>
    private static double Correlate(float[] av, float[] b, int w, int h, int dx, int dy)
    {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        int n = 0;
        int y0 = Math.Max(1, 1 - dy), y1 = Math.Min(h - 1, h - 1 - dy), x0 = Math.Max(1, 1 - dx), x1 = Math.Min(w - 1, w - 1 - dx);
        for (int y = y0; y < y1; y++)
        {
            int ra = y * w, rb = (y + dy) * w + dx;
            for (int x = x0; x < x1; x++)
            {
                float va = av[ra + x], vb = b[rb + x];
                if (float.IsNaN(vb)) continue;
                sa += va; sb += vb; saa += va * va; sbb += vb * vb; sab += va * vb; n++;
            }
        }
        if (n < w * h * 0.4) return -1;
        double cov = sab - sa * sb / n, va2 = saa - sa * sa / n, vb2 = sbb - sb * sb / n;
        return va2 <= 0 || vb2 <= 0 ? -1 : cov / Math.Sqrt(va2 * vb2);
    }
}

internal sealed record EdgeMap(int W, int H, float[] Edges, float[] Luma);

/// <summary>Gradient magnitude of the luma at the work size and at successive halvings down to 32–64 px wide.</summary>
internal sealed class EdgePyramid
{
    private const int CoarsestWidth = 64;

    private EdgePyramid(List<EdgeMap> levels) => Levels = levels;

    public IReadOnlyList<EdgeMap> Levels { get; }

    public static unsafe EdgePyramid Of(SKBitmap image, int w, int h)
    {
        var luma = new float[w * h];
        using (var small = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque)))
        {
            // Mipmaps average the pixels under each cell, so fine texture and noise do not alias into the edges.
            image.ScalePixels(small, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            var p = (byte*)small.GetPixels();
            for (int y = 0; y < h; y++)
            {
                var row = p + (long)y * small.RowBytes;
                for (int x = 0; x < w; x++) luma[y * w + x] = 0.299f * row[x * 4] + 0.587f * row[x * 4 + 1] + 0.114f * row[x * 4 + 2];
            }
        }
        var levels = new List<EdgeMap>();
        while (true)
        {
            levels.Add(new EdgeMap(w, h, Gradient(luma, w, h), luma));
            if (w <= CoarsestWidth || h < 16) break;
            (luma, w, h) = Halve(luma, w, h);
        }
        return new EdgePyramid(levels);
    }

    private static (float[] Luma, int W, int H) Halve(float[] luma, int w, int h)
    {
        int hw = w / 2, hh = h / 2;
        var half = new float[hw * hh];
        for (int y = 0; y < hh; y++)
        for (int x = 0; x < hw; x++)
        {
            int i = 2 * y * w + 2 * x;
            half[y * hw + x] = (luma[i] + luma[i + 1] + luma[i + w] + luma[i + w + 1]) / 4;
        }
        return (half, hw, hh);
    }

    private static float[] Gradient(float[] l, int w, int h)
    {
        var g = new float[w * h];
        for (int y = 1; y < h - 1; y++)
        for (int x = 1; x < w - 1; x++)
        {
            int i = y * w + x;
            float gx = l[i + 1] - l[i - 1], gy = l[i + w] - l[i - w];
            g[i] = MathF.Sqrt(gx * gx + gy * gy);
        }
        return g;
    }
}
