using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;
using SmartStore.Vision.Reid;

namespace SmartStore.Web.Vision;

/// <summary>A person the recognition API or the staff enrolment found in an uploaded photo.</summary>
public sealed record FoundPerson(float X1, float Y1, float X2, float Y2, float Score, float[] Appearance);

/// <summary>
/// Person detection and appearance embedding for requests (the person-recognition API, staff photos). The
/// models load on first use; one request at a time runs them, as the ONNX sessions and their pooled input
/// buffers are single-threaded and the silo's analysis workers need the cores more than this does.
/// </summary>
public sealed class PeopleVision : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly JpegIntake _intake = new();
    private PersonDetector? _detector;
    private ReidEmbedder? _reid;

    public async Task<(int Width, int Height, IReadOnlyList<FoundPerson> People)> Find(byte[] jpeg, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var frame = _intake.Decode(jpeg);
            var models = ModelStore.Locate();
            _detector ??= new PersonDetector(models, new PersonDetectorOptions { SceneCalibration = null });
            _reid ??= new ReidEmbedder(models);
            var people = _detector.Detect(frame.Bitmap)
                .Select(b => new FoundPerson(b.X1, b.Y1, b.X2, b.Y2, b.Score, _reid.Embed(frame.Bitmap, b)))
                .ToList();
            return (frame.Width, frame.Height, people);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The appearance of the one person a staff photo shows: the largest detected person.</summary>
    public async Task<float[]?> AppearanceOfMainPerson(byte[] jpeg, CancellationToken cancellationToken)
    {
        var (_, _, people) = await Find(jpeg, cancellationToken);
        return people.OrderByDescending(p => (p.X2 - p.X1) * (p.Y2 - p.Y1)).FirstOrDefault()?.Appearance;
    }

    public void Dispose()
    {
        _detector?.Dispose();
        _reid?.Dispose();
        _gate.Dispose();
    }
}
