using System.Text.Json;
using SmartStore.Grains.Traffic;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Silo.Analysis;

/// <summary>The store grains' foot-traffic history, closures and staff roster, in PostgreSQL.</summary>
public sealed class TrafficLedger(TrafficRepository traffic, StaffRoster staff, VisitorMemories visitors, StoreClosures closures) : ITrafficLedger
{
    public async Task<IReadOnlyList<VisitorMemory>> Visitors(string storeCode, DateOnly day, CancellationToken cancellationToken) =>
        (await visitors.Read(storeCode, day, cancellationToken)).Select(json => JsonSerializer.Deserialize<VisitorMemory>(json)!).ToList();

    public Task WriteVisitors(string storeCode, DateOnly day, IReadOnlyCollection<VisitorMemory> memory, CancellationToken cancellationToken) =>
        visitors.Write(storeCode, day, memory.Select(v => (v.Id, JsonSerializer.Serialize(v))).ToList(), cancellationToken);

    public Task<IReadOnlyList<TrafficHour>> Hours(string storeCode, DateTime fromLocal, DateTime toLocal, CancellationToken cancellationToken) =>
        traffic.Hours(storeCode, fromLocal, toLocal, cancellationToken);

    public Task Write(IReadOnlyCollection<TrafficHour> hours, CancellationToken cancellationToken) => traffic.Write(hours, cancellationToken);

    public Task WriteClosure(StoreClosure closure, CancellationToken cancellationToken) => closures.Write(closure, cancellationToken);

    public Task<IReadOnlyList<float[]>> StaffAppearances(string storeCode, CancellationToken cancellationToken) =>
        staff.Appearances(storeCode, cancellationToken);
}
