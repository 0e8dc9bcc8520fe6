using Orleans.Concurrency;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Silo.Analysis;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;

namespace SmartStore.Silo.Recognition;

/// <summary>
/// The recognition APIs' compute, one activation per silo: ONNX sessions are single-threaded, and Orleans runs one
/// call at a time per activation, so no lock is needed. People are found with the analysis workers' own analyzer (at
/// the detector's counting threshold). The activation loads each model on first use and frees them when deactivated.
/// Lives in the silo, not in grains/, because it only computes.
/// </summary>
[StatelessWorker(1)]
public sealed class RecognitionGrain(SkuGallery gallery) : Grain, IRecognitionGrain
{
    private PeopleAnalyzer? _people;
    private DisplayRecognition? _display;

    public Task<PeopleInImage> FindPeople(byte[] jpeg, bool withAppearance)
    {
        _people ??= new PeopleAnalyzer(ModelStore.Locate(), new PersonDetectorOptions(), trackingScore: null);
        return Task.FromResult(_people.Find(jpeg, withAppearance));
    }

    public Task<ShelfInImage> ReadShelf(byte[] jpeg, IReadOnlyList<PlanogramSlot>? layout) =>
        (_display ??= new DisplayRecognition(gallery)).Read(jpeg, layout, CancellationToken.None);

    // Reads the gallery's own locked state and the photo count only, so it may interleave with a shelf read.
    public Task<SkuGalleryStatus> GalleryStatus() => gallery.Status(CancellationToken.None);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _people?.Dispose();
        _display?.Dispose();
        return Task.CompletedTask;
    }
}
