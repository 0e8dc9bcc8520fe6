using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>Where store grains keep hourly foot-traffic history (PostgreSQL, supplied by the silo); grains never see SQL.</summary>
public interface ITrafficLedger
{
    Task<IReadOnlyList<TrafficHour>> Hours(string storeCode, DateTime fromLocal, DateTime toLocal, CancellationToken cancellationToken);

    Task Write(IReadOnlyCollection<TrafficHour> hours, CancellationToken cancellationToken);

    /// <summary>The store's memory of the visitors of one store-local day.</summary>
    Task<IReadOnlyList<VisitorMemory>> Visitors(string storeCode, DateOnly day, CancellationToken cancellationToken);

    Task WriteVisitors(string storeCode, DateOnly day, IReadOnlyCollection<VisitorMemory> visitors, CancellationToken cancellationToken);

    /// <summary>A closure raised, or its end (the next customer): kept per store and start, so writing it again is harmless.</summary>
    Task WriteClosure(StoreClosure closure, CancellationToken cancellationToken);

    /// <summary>Appearance embeddings of the staff enrolled for a store.</summary>
    Task<IReadOnlyList<float[]>> StaffAppearances(string storeCode, CancellationToken cancellationToken);
}
