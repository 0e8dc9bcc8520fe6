using SmartStore.Models;

namespace SmartStore.Grains.Inspections;

/// <summary>Where the inspection schedule reads its tasks and keeps its pictures (PostgreSQL, supplied by the silo).</summary>
public interface IInspectionLedger
{
    Task<IReadOnlyList<InspectionTask>> ActiveTasks(CancellationToken cancellationToken);

    /// <summary>The time zones the chain's stores keep.</summary>
    Task<IReadOnlyList<string>> TimeZones(CancellationToken cancellationToken);

    /// <summary>The store cameras a task covers now.</summary>
    Task<IReadOnlyList<InspectionTarget>> Targets(InspectionTask task, CancellationToken cancellationToken);

    /// <summary>Adds pictures to wait for; one already there for its task, camera and day is left as it is.</summary>
    Task<int> Schedule(IReadOnlyCollection<InspectionDue> due, CancellationToken cancellationToken);

    /// <summary>
    /// Gives each waiting picture its camera's first upload at or after its due time and before <c>due + window</c>;
    /// one with none when <paramref name="nowUtc"/> is past that is missed. Returns the pictures taken and how many missed.
    /// </summary>
    Task<(IReadOnlyList<InspectionPicture> Taken, int Missed)> TakePictures(DateTime nowUtc, TimeSpan window, CancellationToken cancellationToken);
}
