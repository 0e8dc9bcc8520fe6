using SmartStore.Models;
using SmartStore.Vision.Faces;
using SmartStore.Vision.Health;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;
using SmartStore.Vision.Reid;

namespace SmartStore.Silo.Analysis;

/// <summary>
/// Finds the people in one snapshot: detections for every people-camera, plus an appearance embedding per
/// person for entrance cameras (tracking and de-duplication need it). Age band and gender only when a face
/// attribute model is configured; otherwise they stay unset ("unknown"), never guessed. One instance per worker:
/// the ONNX sessions and pooled buffers are not shared between threads.
/// </summary>
public sealed class PeopleAnalyzer : IDisposable
{
    private readonly JpegIntake _intake = new();
    private readonly PersonDetector _detector;
    private readonly ReidEmbedder _reid;
    private readonly FaceAttributes _attributes;
    private readonly FaceDetector? _faces;
    private readonly float _trackingScore;
    private readonly InteriorScenes? _interiorScenes;
    private readonly SceneArchive? _sceneArchive;

    /// <param name="sceneArchive">where in-store cameras' learned scenes are kept and recalled (none: each worker learns its own).</param>
    public PeopleAnalyzer(ModelStore models, PersonDetectorOptions detector, float? trackingScore, FaceAttributeOptions? faceAttributes = null,
        SceneArchive? sceneArchive = null)
    {
        _sceneArchive = sceneArchive;
        _detector = new PersonDetector(models, detector with { SceneCalibration = null });
        _reid = new ReidEmbedder(models);
        _attributes = new FaceAttributes(faceAttributes);
        // Without an attribute model there is nothing to estimate, so faces are not even looked for.
        _faces = _attributes.HasModel ? new FaceDetector(models) : null;
        _trackingScore = trackingScore ?? detector.ScoreThreshold;
        _interiorScenes = detector.SceneCalibration is { } scene ? new InteriorScenes(scene, detector.ScoreThreshold) : null;
    }

    public string ModelName => _detector.Options.Model.ToString();

    /// <param name="sceneOf">an in-store camera whose people are counted (occupancy): its code, so its scene calibration applies.</param>
    /// <param name="withView">also summarise the picture for the camera's health check (<see cref="ViewWatch"/>).</param>
    public async Task<PeopleFrame> Analyse(long snapshotId, string path, DateTime capturedUtc, bool withAppearance, CancellationToken cancellationToken,
        string? sceneOf = null, bool withView = false)
    {
        using var frame = await _intake.DecodeFileAsync(path, cancellationToken);
        var archive = sceneOf is not null && _interiorScenes is not null ? _sceneArchive : null;
        // A camera this worker meets for the first time (since a restart) counts with the scene it learned before.
        if (archive is not null && !_interiorScenes!.Knows(sceneOf!, frame.Width))
            _interiorScenes.Resume(sceneOf!, frame.Width, await archive.Recall(sceneOf!, frame.Width));
        var people = Sightings(frame, withAppearance, withAttributes: withAppearance, sceneOf);
        if (archive is not null)
            foreach (var (camera, learned) in _interiorScenes!.TakeLearned()) await archive.Keep(camera, learned);
        return new PeopleFrame(new AnalysedFrame(snapshotId, capturedUtc, frame.Width, frame.Height, people),
            withView ? FrameSignature.Of(frame.Bitmap) : null);
    }

    /// <summary>The in-store camera was re-aimed or moved: it learns its scene again, in this worker and in the archive.</summary>
    public async Task ForgetScene(string cameraCode)
    {
        if (_interiorScenes is null) return;
        _interiorScenes.Forget(cameraCode);
        if (_sceneArchive is not null) await _sceneArchive.Forget(cameraCode);
    }

    /// <summary>
    /// The people in an uploaded image with their face attributes (person-recognition API), and with their appearance
    /// when asked (staff photos; the API does not return it).
    /// </summary>
    public PeopleInImage Find(byte[] jpeg, bool withAppearance)
    {
        using var frame = _intake.Decode(jpeg);
        return new PeopleInImage(frame.Width, frame.Height, Sightings(frame, withAppearance, withAttributes: true));
    }

    private List<PersonSighting> Sightings(DecodedFrame frame, bool withAppearance, bool withAttributes, string? sceneOf = null)
    {
        var boxes = sceneOf is not null && _interiorScenes is { } scenes
            ? scenes.People(sceneOf, frame.Bitmap.Width, _detector.Detect(frame.Bitmap, scenes.LowScore))
            : _detector.Detect(frame.Bitmap, _trackingScore);
        var faces = withAttributes && _faces is not null ? _faces.Detect(frame.Bitmap) : [];
        var people = new List<PersonSighting>(boxes.Count);
        foreach (var box in boxes)
        {
            var appearance = withAppearance ? _reid.Embed(frame.Bitmap, box) : null;
            var estimate = FaceOf(box, faces) is { } face ? _attributes.Estimate(frame.Bitmap, face) : null;
            people.Add(new PersonSighting(box.X1, box.Y1, box.X2, box.Y2, box.Score, appearance,
                estimate is { IsKnown: true } ? AgeBandCode(estimate.AgeBand) : null,
                estimate is { IsKnown: true } && estimate.Gender != Gender.Unknown ? estimate.Gender.ToString().ToLowerInvariant() : null));
        }
        return people;
    }

    /// <summary>The face whose centre lies in the upper third of the person's box, if any.</summary>
    private static FaceBox? FaceOf(PersonBox person, IReadOnlyList<FaceBox> faces)
    {
        foreach (var face in faces)
        {
            var cx = (face.X1 + face.X2) / 2; var cy = (face.Y1 + face.Y2) / 2;
            if (cx >= person.X1 && cx <= person.X2 && cy >= person.Y1 && cy <= person.Y1 + person.Height / 3) return face;
        }
        return null;
    }

    private static string? AgeBandCode(AgeBand band) => band switch
    {
        AgeBand.Under18 => "under-18",
        AgeBand.From18To29 => "18-29",
        AgeBand.From30To44 => "30-44",
        AgeBand.From45To59 => "45-59",
        AgeBand.Over60 => "60+",
        _ => null,
    };

    public void Dispose()
    {
        _faces?.Dispose();
        _attributes.Dispose();
        _detector.Dispose();
        _reid.Dispose();
    }
}

/// <summary>What the people analysis of one snapshot found, and the picture's summary when the camera's view was due a check.</summary>
public sealed record PeopleFrame(AnalysedFrame Frame, FrameSignature? View);
