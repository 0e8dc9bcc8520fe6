using Orleans.Concurrency;
using SmartStore.Models;

namespace SmartStore.GrainInterfaces;

/// <summary>
/// Recognition on request (the recognition APIs, staff enrolment), run in the silo beside the analysis workers so the
/// web hosts stay light. One activation per silo (key 0): the models are loaded once and used one call at a time.
/// The caller has checked that the bytes are a whole JPEG.
/// </summary>
public interface IRecognitionGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    // Calls queue one at a time, and the first shelf read after a SKU photo change waits for the gallery to enrol
    // again (about 35 s for 405 photos): longer than Orleans' default 30 s response timeout.
    /// <param name="withAppearance">also each person's Re-ID embedding (staff enrolment needs it; the persons API does not).</param>
    [ResponseTimeout("00:02:00")]
    Task<PeopleInImage> FindPeople(byte[] jpeg, bool withAppearance);

    [ResponseTimeout("00:02:00")]
    Task<ShelfInImage> ReadShelf(byte[] jpeg, IReadOnlyList<PlanogramSlot>? layout);

    /// <summary>
    /// The SKU gallery as this silo holds it, answered at once (beside a shelf read in progress). Photos added or removed
    /// since its build show as learning, and asking starts the rebuild, so a back-office page shows it right after an upload.
    /// </summary>
    [AlwaysInterleave]
    Task<SkuGalleryStatus> GalleryStatus();
}
