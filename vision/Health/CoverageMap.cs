namespace SmartStore.Vision.Health;

/// <summary>
/// Which parts of the view are hidden. A cell is covered when it lost the reference's structure and became
/// flat or changed colour wholesale — what a hanging banner or a box in front of the lens does. Passing
/// shoppers change cells too but stay textured and scattered, so coverage is the largest connected region.
/// </summary>
internal static class CoverageMap
{
    public const int Cell = 8, Cols = FrameSignature.W / Cell, Rows = FrameSignature.H / Cell;

    public readonly record struct Result(double Coverage, int Top, int Left, int Bottom, int Right, int CoveredCells);

    public static Result Measure(FrameSignature reference, FrameSignature current)
    {
        var covered = new bool[Cols * Rows];
        for (int cy = 0; cy < Rows; cy++)
        for (int cx = 0; cx < Cols; cx++)
            covered[cy * Cols + cx] = IsCovered(reference, current, cx, cy);

        // Close one-cell gaps (lettering on a banner keeps texture in thin bands).
        var closed = (bool[])covered.Clone();
        for (int cy = 0; cy < Rows; cy++)
        for (int cx = 0; cx < Cols; cx++)
        {
            bool At(int x, int y) => x >= 0 && x < Cols && y >= 0 && y < Rows && covered[y * Cols + x];
            if (!covered[cy * Cols + cx] && ((At(cx - 1, cy) && At(cx + 1, cy)) || (At(cx, cy - 1) && At(cx, cy + 1))))
                closed[cy * Cols + cx] = true;
        }
        return LargestRegion(closed);
    }

    /// <summary>A cell the current view does not show (NaN: outside a view aligned back after a move) is not covered.</summary>
    private static bool IsCovered(FrameSignature r, FrameSignature c, int cx, int cy)
    {
        const int w = FrameSignature.W;
        double sr = 0, sc = 0, srr = 0, scc = 0, src = 0, colour = 0;
        const int n = Cell * Cell;
        for (int y = cy * Cell; y < (cy + 1) * Cell; y++)
        for (int x = cx * Cell; x < (cx + 1) * Cell; x++)
        {
            int i = y * w + x;
            double a = r.Luma[i], b = c.Luma[i];
            if (double.IsNaN(b)) return false;
            sr += a; sc += b; srr += a * a; scc += b * b; src += a * b;
            colour += Math.Abs(r.R[i] - c.R[i]) + Math.Abs(r.G[i] - c.G[i]) + Math.Abs(r.B[i] - c.B[i]);
        }
        double varR = Math.Max(0, srr / n - sr * sr / n / n), varC = Math.Max(0, scc / n - sc * sc / n / n);
        double stdR = Math.Sqrt(varR), stdC = Math.Sqrt(varC);
        double cov = src / n - sr * sc / n / n;
        double ncc = stdR > 2 && stdC > 2 ? cov / (stdR * stdC) : 0;
        colour /= 3 * n;
        var lostStructure = ncc < 0.4;
        var flat = stdC < Math.Max(4, 0.5 * stdR);
        // Flat where there was texture, or a wholesale colour change (a printed banner's lettering keeps some texture).
        return lostStructure && (flat && (colour > 12 || stdR > 8) || colour > 45 && stdC < 0.8 * stdR + 2 || colour > 70);
    }

    private static Result LargestRegion(bool[] covered)
    {
        var seen = new bool[covered.Length];
        var best = new Result(0, 0, 0, 0, 0, 0);
        var stack = new Stack<int>();
        var total = covered.Count(c => c);
        for (int start = 0; start < covered.Length; start++)
        {
            if (!covered[start] || seen[start]) continue;
            int count = 0, top = Rows, left = Cols, bottom = 0, right = 0;
            stack.Push(start); seen[start] = true;
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                int x = i % Cols, y = i / Cols;
                count++; top = Math.Min(top, y); bottom = Math.Max(bottom, y); left = Math.Min(left, x); right = Math.Max(right, x);
                for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx, ny = y + dy;
                    if (nx < 0 || nx >= Cols || ny < 0 || ny >= Rows) continue;
                    var j = ny * Cols + nx;
                    if (covered[j] && !seen[j]) { seen[j] = true; stack.Push(j); }
                }
            }
            var share = count / (double)covered.Length;
            if (share > best.Coverage) best = new Result(share, top, left, bottom + 1, right + 1, total);
        }
        return best;
    }
}
