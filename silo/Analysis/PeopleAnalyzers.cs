using SmartStore.Models;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;

namespace SmartStore.Silo.Analysis;

/// <summary>
/// The person detectors of one worker: the one assigned to entrance cameras (tracking, door lines) and the one assigned
/// to in-store cameras (occupancy), each at its model's recommended operating point. When both kinds run the same
/// model they share one analyzer, so the worker opens its sessions once.
/// </summary>
public sealed class PeopleAnalyzers : IDisposable
{
    private readonly PeopleAnalyzer _entrance;
    private readonly PeopleAnalyzer _interior;

    /// <param name="trackingScore">the entrance tracking score measured for RTMDet-nano; other detectors track at their own operating point.</param>
    /// <param name="interiorUnavailable">told why in-store cameras run the entrance detector instead of their own.</param>
    /// <param name="sceneArchive">where in-store cameras' learned scenes are kept (none: each worker learns its own).</param>
    public PeopleAnalyzers(ModelStore models, PersonDetectorOptions entrance, PersonDetectorOptions interior, float? trackingScore,
        Action<ModelUnavailableException>? interiorUnavailable = null, SceneArchive? sceneArchive = null)
    {
        _entrance = new PeopleAnalyzer(models, entrance, entrance.Model == PersonModel.RtmDetNano ? trackingScore : null, sceneArchive: sceneArchive);
        _interior = interior.Model == entrance.Model ? _entrance : InteriorOrEntrance(models, interior, interiorUnavailable, sceneArchive);
    }

    /// <summary>A missing in-store model must not stop the entrance and shelf analysis: in-store cameras fall back.</summary>
    private PeopleAnalyzer InteriorOrEntrance(ModelStore models, PersonDetectorOptions interior, Action<ModelUnavailableException>? unavailable,
        SceneArchive? sceneArchive)
    {
        try
        {
            return new PeopleAnalyzer(models, interior, trackingScore: null, sceneArchive: sceneArchive);
        }
        catch (ModelUnavailableException e)
        {
            unavailable?.Invoke(e);
            return _entrance;
        }
    }

    /// <summary>The analyzer for a people camera of this kind (entrance or in-store).</summary>
    public PeopleAnalyzer For(CameraKind kind) => kind == CameraKind.Interior ? _interior : _entrance;

    /// <summary>An in-store camera was re-aimed or moved: what its scene learned no longer holds.</summary>
    public Task ForgetScene(string cameraCode) => _interior.ForgetScene(cameraCode);

    public string Describe() => _interior == _entrance
        ? _entrance.ModelName
        : $"entrance {_entrance.ModelName}, in-store {_interior.ModelName}";

    public void Dispose()
    {
        _entrance.Dispose();
        if (_interior != _entrance) _interior.Dispose();
    }
}
