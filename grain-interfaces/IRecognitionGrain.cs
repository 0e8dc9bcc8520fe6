using SmartStore.Models;

namespace SmartStore.GrainInterfaces;

/// <summary>
/// Recognition on request (the recognition APIs, staff enrolment), run in the silo beside the analysis workers so the
/// web hosts stay light. One activation per silo (key 0): the models are loaded once and used one call at a time.
/// The caller has checked that the bytes are a whole JPEG.
/// </summary>
public interface IRecognitionGrain : IGrainWithIntegerKey
{
    Task<PeopleInImage> FindPeople(byte[] jpeg);

    Task<ShelfInImage> ReadShelf(byte[] jpeg, IReadOnlyList<PlanogramSlot>? layout);
}
