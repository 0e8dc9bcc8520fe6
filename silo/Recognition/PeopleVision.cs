using SmartStore.Models;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;
using SmartStore.Vision.Reid;

namespace SmartStore.Silo.Recognition;

/// <summary>Person detection and appearance embedding of one image, on request. The models load on first use.</summary>
public sealed class PeopleVision : IDisposable
{
    private readonly JpegIntake _intake = new();
    private PersonDetector? _detector;
    private ReidEmbedder? _reid;

    public PeopleInImage Find(byte[] jpeg)
    {
        using var frame = _intake.Decode(jpeg);
        var models = ModelStore.Locate();
        _detector ??= new PersonDetector(models, new PersonDetectorOptions { SceneCalibration = null });
        _reid ??= new ReidEmbedder(models);
        var people = _detector.Detect(frame.Bitmap)
            .Select(b => new PersonSighting(b.X1, b.Y1, b.X2, b.Y2, b.Score, _reid.Embed(frame.Bitmap, b)))
            .ToList();
        return new PeopleInImage(frame.Width, frame.Height, people);
    }

    public void Dispose()
    {
        _detector?.Dispose();
        _reid?.Dispose();
    }
}
