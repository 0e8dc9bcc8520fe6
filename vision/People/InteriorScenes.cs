namespace SmartStore.Vision.People;

/// <summary>
/// Occupancy counting for in-store cameras with the vision library's scene self-calibration: each camera's
/// perspective (person height by foot row) is fitted from its own first frames, unlabelled, and from then on a
/// low-scoring box counts when it is person-sized where it stands. Until the fit, boxes count at the detector's
/// threshold. The fit is renewed from the latest frames now and then, so a camera that is moved re-learns.
/// Measured on mall-crowd with the fit from the first 30 frames, scored on the other 770: count accuracy 0.484 at
/// score 0.45 → 0.865 (tud-mot15 0.794 → 0.834; pets2009-s2l1, an outdoor walkway, 0.915 → 0.890).
/// One instance per analysis worker; not thread-safe.
/// </summary>
public sealed class InteriorScenes(SceneCalibrationOptions options, float highScore, int fitFrames = 30, int refitEvery = 2000)
{
    private readonly Dictionary<string, CameraScene> _cameras = new(StringComparer.Ordinal);

    /// <summary>The lowest score a box needs to be worth passing in.</summary>
    public float LowScore => options.LowScore;

    /// <summary>The boxes of this frame that are people, given everything (down to <see cref="LowScore"/>) the detector found.</summary>
    /// <param name="frameWidth">the frame's width in pixels.</param>
    public IReadOnlyList<PersonBox> People(string cameraCode, int frameWidth, IReadOnlyList<PersonBox> boxes)
    {
        // A camera switched to another resolution sees its scene at another scale: learn it again.
        if (!_cameras.TryGetValue(cameraCode, out var camera) || camera.FrameWidth != frameWidth)
            _cameras[cameraCode] = camera = new CameraScene(frameWidth);
        camera.Recent.Enqueue(boxes);
        while (camera.Recent.Count > fitFrames) camera.Recent.Dequeue();
        // A fit that failed (first frames without people: before opening) is tried again after as many frames.
        if (++camera.SinceFit >= (camera.Scene is { IsFitted: true } ? refitEvery : fitFrames))
        {
            camera.Scene = SceneCalibration.Fit([.. camera.Recent], frameWidth, highScore, options);
            camera.SinceFit = 0;
        }
        return camera.Scene is { IsFitted: true } scene ? scene.People(boxes) : boxes.Where(b => b.Score >= highScore).ToList();
    }

    private sealed class CameraScene(int frameWidth)
    {
        public int FrameWidth { get; } = frameWidth;
        public Queue<IReadOnlyList<PersonBox>> Recent { get; } = new();
        public SceneCalibration? Scene { get; set; }
        public int SinceFit { get; set; }
    }
}
