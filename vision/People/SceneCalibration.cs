namespace SmartStore.Vision.People;

/// <summary>
/// Self-calibration of one fixed camera from its own unlabelled frames. A global score threshold misses the small,
/// crowded people of a concourse (they score 0.2–0.4) but a lower one admits clutter on a kerbside camera. The
/// camera's confident detections fix its perspective (person height grows linearly with the foot's image row), and
/// a low-score box is counted only if it has a person's height for where it stands, is not a part of a counted
/// person, and is not a fixture present in nearly every frame. Without enough confident boxes the plain threshold
/// is used.
/// </summary>
public sealed class SceneCalibration
{
    private readonly float highScore;
    private readonly SceneCalibrationOptions options;
    private readonly List<PersonBox>[] reference;

    private SceneCalibration(float highScore, SceneCalibrationOptions options, float slope, float intercept, bool fitted, List<PersonBox>[] reference)
    {
        this.highScore = highScore;
        this.options = options;
        Slope = slope;
        Intercept = intercept;
        IsFitted = fitted;
        this.reference = reference;
    }

    /// <summary>Expected person height in pixels = Slope × foot row + Intercept.</summary>
    public float Slope { get; }
    public float Intercept { get; }
    public bool IsFitted { get; }

    /// <summary>Fits from one camera's frames, each detected at or below options.LowScore.</summary>
    public static SceneCalibration Fit(IReadOnlyList<IReadOnlyList<PersonBox>> frames, float highScore, SceneCalibrationOptions options)
    {
        var points = new List<(float Y, float H)>();
        foreach (var frame in frames)
            foreach (var b in frame)
                if (b.Score >= options.FitScore) points.Add((b.Y2, b.Height));
        var step = Math.Max(1, frames.Count / Math.Max(1, options.ReferenceFrames));
        var reference = new List<List<PersonBox>>();
        for (int i = 0; i < frames.Count; i += step) reference.Add(frames[i].Where(b => b.Score >= options.LowScore).ToList());
        var (slope, intercept) = points.Count >= options.MinFitBoxes ? TrimmedLine(points) : (0f, 0f);
        var fitted = points.Count >= options.MinFitBoxes && slope > 0;
        return new SceneCalibration(highScore, options, slope, intercept, fitted, [.. reference]);
    }

    /// <summary>People in one frame of this camera.</summary>
    public int Count(IReadOnlyList<PersonBox> boxes) => People(boxes).Count;

    /// <summary>The boxes of one frame that are people of this camera, highest score first.</summary>
    public IReadOnlyList<PersonBox> People(IReadOnlyList<PersonBox> boxes)
    {
        var sorted = boxes.Where(b => b.Score >= (IsFitted ? options.LowScore : highScore)).OrderByDescending(b => b.Score).ToList();
        var kept = new List<PersonBox>(sorted.Count);
        foreach (var b in sorted)
            if (b.Score >= highScore || Plausible(b, kept)) kept.Add(b);
        return kept;
    }

    private bool Plausible(in PersonBox b, List<PersonBox> kept)
    {
        var expected = Slope * b.Y2 + Intercept;
        if (expected <= 1) return false;
        var ratio = b.Height / expected;
        if (ratio < options.MinHeightRatio || ratio > options.MaxHeightRatio) return false;
        foreach (var k in kept) if (k.IoMin(b) > options.ContainedIoMin) return false;
        return SeenFraction(b) <= options.StaticFraction;
    }

    private float SeenFraction(in PersonBox b)
    {
        if (reference.Length == 0) return 0;
        var seen = 0;
        foreach (var frame in reference)
            foreach (var o in frame)
                if (o.IoU(b) > 0.5f) { seen++; break; }
        return seen / (float)reference.Length;
    }

    /// <summary>Least squares, refitted twice on the 80 % of points with the smallest relative residual.</summary>
    private static (float Slope, float Intercept) TrimmedLine(List<(float Y, float H)> points)
    {
        var current = points;
        double a = 0, b = 0;
        for (int pass = 0; pass < 3; pass++)
        {
            double n = current.Count, sx = 0, sy = 0, sxx = 0, sxy = 0;
            foreach (var (y, h) in current) { sx += y; sy += h; sxx += y * y; sxy += y * h; }
            var den = n * sxx - sx * sx;
            a = den != 0 ? (n * sxy - sx * sy) / den : 0;
            b = (sy - a * sx) / n;
            double A = a, B = b;
            double Residual((float Y, float H) p) => Math.Abs(p.H - (A * p.Y + B)) / Math.Max(1, A * p.Y + B);
            var residuals = current.Select(Residual).OrderBy(r => r).ToList();
            var cut = residuals[(int)(residuals.Count * 0.8)];
            current = current.Where(p => Residual(p) <= cut).ToList();
        }
        return ((float)a, (float)b);
    }
}
