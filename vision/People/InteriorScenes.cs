namespace SmartStore.Vision.People;

/// <summary>
/// Occupancy counting for in-store cameras with the vision library's scene self-calibration: each camera's
/// perspective (person height by foot row) is fitted from its own first frames, unlabelled, and from then on a
/// low-scoring box counts when it is person-sized where it stands. Until the fit, boxes count at the detector's
/// threshold. The first fit comes after <paramref name="fitFrames"/> frames; one that fails (too few confident people:
/// a quiet store, or before opening) is tried again every fitFrames frames on all the frames kept so far. A fitted scene
/// is learned again every <paramref name="keepFrames"/> frames from the last keepFrames, so a camera that is moved
/// re-learns; when those frames hold too few people (a quiet hour, a closed store at night) it keeps its perspective and
/// learns only its fixtures from them, instead of counting at the plain threshold until people come back.
/// vision-accuracy's `person_count_accuracy_live` runs each dev sequence through this, every frame scored
/// (README, "People counting"). Each fit is handed out (<see cref="TakeLearned"/>) to be kept, and a camera first seen
/// by this instance can start from the scene kept before (<see cref="Resume"/>): a restarted silo, or another silo's
/// worker, does not count at the plain threshold again while it re-learns.
/// One instance per analysis worker; not thread-safe.
/// </summary>
public sealed class InteriorScenes(SceneCalibrationOptions options, float highScore, int fitFrames = 10, int keepFrames = 300)
{
    // Per camera and frame width: a camera at another resolution sees its scene at another scale, so it learns that
    // one apart (and one that alternates between two keeps both).
    private readonly Dictionary<(string Camera, int Width), CameraScene> _cameras = new();
    private readonly List<(string Camera, LearnedScene Scene)> _learned = [];

    /// <summary>The lowest score a box needs to be worth passing in.</summary>
    public float LowScore => options.LowScore;

    /// <summary>The boxes of this frame that are people, given everything (down to <see cref="LowScore"/>) the detector found.</summary>
    /// <param name="frameWidth">the frame's width in pixels.</param>
    public IReadOnlyList<PersonBox> People(string cameraCode, int frameWidth, IReadOnlyList<PersonBox> boxes)
    {
        if (!_cameras.TryGetValue((cameraCode, frameWidth), out var camera)) _cameras[(cameraCode, frameWidth)] = camera = new CameraScene();
        camera.Recent.Enqueue(boxes);
        while (camera.Recent.Count > keepFrames) camera.Recent.Dequeue();
        // A fit that failed (first frames without people: before opening) is tried again after fitFrames more.
        if (++camera.SinceFit >= (camera.Scene is { IsFitted: true } ? keepFrames : fitFrames))
        {
            var refit = SceneCalibration.Fit([.. camera.Recent], frameWidth, highScore, options);
            // Too few people to fit again (a quiet hour, the night) keeps the perspective and learns the fixtures only.
            camera.Scene = refit.IsFitted || camera.Scene is not { IsFitted: true } kept ? refit : kept.WithFixturesOf(refit);
            camera.SinceFit = 0;
            if (camera.Scene.Learned is { } learned) _learned.Add((cameraCode, learned));
        }
        return camera.Scene is { IsFitted: true } scene ? scene.People(boxes) : boxes.Where(b => b.Score >= highScore).ToList();
    }

    /// <summary>Whether this instance has seen (or resumed) the camera at this frame width.</summary>
    public bool Knows(string cameraCode, int frameWidth) => _cameras.ContainsKey((cameraCode, frameWidth));

    /// <summary>
    /// Starts a camera's scene at this frame width from one it learned before; null starts it unfitted. A resumed scene
    /// counts from the first frame and is learned again, from the new frames, after <c>keepFrames</c> of them.
    /// </summary>
    public void Resume(string cameraCode, int frameWidth, LearnedScene? learned) =>
        _cameras[(cameraCode, frameWidth)] = new CameraScene
        {
            Scene = learned is not null && learned.FrameWidth == frameWidth ? SceneCalibration.Resume(learned, highScore, options) : null,
        };

    /// <summary>
    /// Forgets everything learned of the camera (every frame width): it was re-aimed, so its perspective, its typical
    /// person and its fixtures are another view's. It counts at the plain threshold until it has learned the new one.
    /// </summary>
    public void Forget(string cameraCode)
    {
        foreach (var key in _cameras.Keys.Where(k => k.Camera == cameraCode).ToList()) _cameras.Remove(key);
        _learned.RemoveAll(l => l.Camera == cameraCode);
    }

    /// <summary>The scenes fitted since the last call, oldest first, to be kept.</summary>
    public IReadOnlyList<(string Camera, LearnedScene Scene)> TakeLearned()
    {
        var learned = _learned.ToList();
        _learned.Clear();
        return learned;
    }

    private sealed class CameraScene
    {
        public Queue<IReadOnlyList<PersonBox>> Recent { get; } = new();
        public SceneCalibration? Scene { get; set; }
        public int SinceFit { get; set; }
    }
}
