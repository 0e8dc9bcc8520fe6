using Orleans.Concurrency;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Silo.Recognition;

/// <summary>
/// The recognition APIs' compute, one activation per silo: ONNX sessions are single-threaded, and Orleans runs one
/// call at a time per activation, so no lock is needed. The activation owns its models and frees them when it is
/// deactivated. Lives in the silo, not in grains/, because it only computes.
/// </summary>
[StatelessWorker(1)]
public sealed class RecognitionGrain(SkuRepository skus) : Grain, IRecognitionGrain
{
    private readonly PeopleVision _people = new();
    private readonly DisplayVision _display = new(skus);

    public Task<PeopleInImage> FindPeople(byte[] jpeg) => Task.FromResult(_people.Find(jpeg));

    public Task<ShelfInImage> ReadShelf(byte[] jpeg, IReadOnlyList<PlanogramSlot>? layout) => _display.Read(jpeg, layout, CancellationToken.None);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _people.Dispose();
        _display.Dispose();
        return Task.CompletedTask;
    }
}
