using SmartStore.Grains.Inspections;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Silo.Analysis;

/// <summary>The inspection schedule's tasks and pictures, in PostgreSQL.</summary>
public sealed class InspectionLedger(InspectionTasks tasks) : IInspectionLedger
{
    public async Task<IReadOnlyList<InspectionTask>> ActiveTasks(CancellationToken cancellationToken) =>
        await tasks.List(AccessScope.Everything(Role.HqAdmin), activeOnly: true, cancellationToken);

    public Task<IReadOnlyList<string>> TimeZones(CancellationToken cancellationToken) => tasks.TimeZones(cancellationToken);

    public Task<IReadOnlyList<InspectionTarget>> Targets(InspectionTask task, CancellationToken cancellationToken) =>
        tasks.Targets(task, cancellationToken);

    public Task<int> Schedule(IReadOnlyCollection<InspectionDue> due, CancellationToken cancellationToken) =>
        tasks.Schedule(due, cancellationToken);

    public Task<(IReadOnlyList<InspectionPicture> Taken, int Missed)> TakePictures(DateTime nowUtc, TimeSpan window, CancellationToken cancellationToken) =>
        tasks.TakePictures(nowUtc, window, cancellationToken);
}
