using SmartStore.Grains.Traffic;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Silo.Analysis;

/// <summary>The store grains' foot-traffic history and staff roster, in PostgreSQL.</summary>
public sealed class TrafficLedger(TrafficRepository traffic, StaffRoster staff) : ITrafficLedger
{
    public Task<IReadOnlyList<TrafficHour>> Hours(string storeCode, DateTime fromLocal, DateTime toLocal, CancellationToken cancellationToken) =>
        traffic.Hours(storeCode, fromLocal, toLocal, cancellationToken);

    public Task Write(IReadOnlyCollection<TrafficHour> hours, CancellationToken cancellationToken) => traffic.Write(hours, cancellationToken);

    public Task<IReadOnlyList<float[]>> StaffAppearances(string storeCode, CancellationToken cancellationToken) =>
        staff.Appearances(storeCode, cancellationToken);
}
