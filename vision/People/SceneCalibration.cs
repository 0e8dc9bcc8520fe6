namespace SmartStore.Vision.People;

/// <summary>
/// Self-calibration of one fixed camera from its own unlabelled frames. A global score threshold misses the small,
/// crowded people of a concourse (they score 0.2–0.4) but a lower one admits clutter on a kerbside camera. The
/// camera's confident detections fix its perspective (person height grows linearly with the foot's image row), and
/// a low-score box is counted only if it has a person's height for where it stands, is not a part of a counted
/// person, and is not a fixture present in nearly every frame. A person standing at the left or right side of the
/// view with less than half of their width inside it is not counted: the annotated sets leave such people out, and
/// in a store the neighbouring camera or the next frame sees them. Without enough confident boxes the plain
/// threshold is used.
/// </summary>
public sealed class SceneCalibration
{
    private readonly float highScore;
    private readonly SceneCalibrationOptions options;
    private readonly List<PersonBox>[] reference;

    private readonly int frameWidth;

    private SceneCalibration(float highScore, SceneCalibrationOptions options, float slope, float intercept, bool fitted, List<PersonBox>[] reference,
        int frameWidth, float typicalAspect)
    {
        this.highScore = highScore;
        this.options = options;
        Slope = slope;
        Intercept = intercept;
        IsFitted = fitted;
        this.reference = reference;
        this.frameWidth = frameWidth;
        TypicalAspect = typicalAspect;
    }

    /// <summary>Expected person height in pixels = Slope × foot row + Intercept.</summary>
    public float Slope { get; }
    public float Intercept { get; }
    public bool IsFitted { get; }
    /// <summary>Median width ÷ height of this camera's confident people wholly in view (0 when unknown).</summary>
    public float TypicalAspect { get; }

    /// <summary>Fits from one camera's frames, each detected at or below options.LowScore.</summary>
    /// <param name="frameWidth">the camera's frame width in pixels, to tell a person cut by the side of the view.</param>
    public static SceneCalibration Fit(IReadOnlyList<IReadOnlyList<PersonBox>> frames, int frameWidth, float highScore, SceneCalibrationOptions options)
    {
        var points = new List<(float Y, float H)>();
        var aspects = new List<float>();
        foreach (var frame in frames)
            foreach (var b in frame)
            {
                if (b.Score < options.FitScore) continue;
                points.Add((b.Y2, b.Height));
                if (!AtSide(b, frameWidth, options.SideMargin) && b.Height > 0) aspects.Add(b.Width / b.Height);
            }
        var step = Math.Max(1, frames.Count / Math.Max(1, options.ReferenceFrames));
        var reference = new List<List<PersonBox>>();
        for (int i = 0; i < frames.Count; i += step) reference.Add(frames[i].Where(b => b.Score >= options.LowScore).ToList());
        var (slope, intercept) = points.Count >= options.MinFitBoxes ? TrimmedLine(points) : (0f, 0f);
        var fitted = points.Count >= options.MinFitBoxes && slope > 0;
        aspects.Sort();
        var typicalAspect = aspects.Count >= options.MinFitBoxes ? aspects[aspects.Count / 2] : 0f;
        return new SceneCalibration(highScore, options, slope, intercept, fitted, [.. reference], frameWidth, typicalAspect);
    }

    /// <summary>
    /// This scene's perspective and typical person with the fixtures seen in <paramref name="later"/>'s frames: a camera
    /// whose recent frames held too few people to fit again (a quiet hour, a closed store at night) has not moved, but
    /// what stood in nearly every one of those frames (a mannequin, a sign) is no person.
    /// </summary>
    public SceneCalibration WithFixturesOf(SceneCalibration later) =>
        new(highScore, options, Slope, Intercept, IsFitted, later.reference, frameWidth, TypicalAspect);

    /// <summary>What this scene learned, to be kept; null when it is not fitted (there is nothing worth keeping).</summary>
    public LearnedScene? Learned => IsFitted ? new LearnedScene(frameWidth, Slope, Intercept, TypicalAspect, reference) : null;

    /// <summary>The scene a camera learned before, as it was: it counts exactly as the fitted one did.</summary>
    public static SceneCalibration Resume(LearnedScene learned, float highScore, SceneCalibrationOptions options) =>
        new(highScore, options, learned.Slope, learned.Intercept, fitted: learned.Slope > 0, [.. learned.Reference.Select(f => f.ToList())],
            learned.FrameWidth, learned.TypicalAspect);

    /// <summary>People in one frame of this camera.</summary>
    public int Count(IReadOnlyList<PersonBox> boxes) => People(boxes).Count;

    /// <summary>The boxes of one frame that are people of this camera, highest score first.</summary>
    public IReadOnlyList<PersonBox> People(IReadOnlyList<PersonBox> boxes)
    {
        var sorted = boxes.Where(b => b.Score >= (IsFitted ? options.LowScore : highScore)).OrderByDescending(b => b.Score).ToList();
        var kept = new List<PersonBox>(sorted.Count);
        foreach (var b in sorted)
            if (b.Score >= highScore || Plausible(b, kept)) kept.Add(b);
        // Removed only now: a low box inside a person who is mostly out of view is still a part of that person.
        if (IsFitted && TypicalAspect > 0) kept.RemoveAll(MostlyOutOfView);
        return kept;
    }

    private bool MostlyOutOfView(PersonBox b) =>
        AtSide(b, frameWidth, options.SideMargin) && b.Height > 0 && b.Width / b.Height < options.MinVisibleWidth * TypicalAspect;

    private static bool AtSide(in PersonBox b, int frameWidth, float margin) =>
        frameWidth > 0 && (b.X1 <= margin * frameWidth || b.X2 >= (1 - margin) * frameWidth);

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
