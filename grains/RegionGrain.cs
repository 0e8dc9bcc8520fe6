using SmartStore.GrainInterfaces;
using SmartStore.Grains.Traffic;
using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>Camera counts and today's foot traffic for every store of one region; passes the region totals up to head office.</summary>
public sealed class RegionGrain : Grain, IRegionGrain
{
    private readonly IPersistentState<CameraCountsByMemberState> _state;
    private readonly TrafficRollup _traffic;

    public RegionGrain(
        [PersistentState("region", "Default")] IPersistentState<CameraCountsByMemberState> state,
        [PersistentState("region-traffic", "Default")] IPersistentState<TrafficByMemberState> traffic)
    {
        _state = state;
        _traffic = new TrafficRollup(traffic);
    }

    public async Task StoreCamerasChanged(string storeCode, CameraCounts counts)
    {
        if (_state.State.Members.TryGetValue(storeCode, out var known) ? known == counts : counts.Total == 0) return;
        if (counts.Total == 0) _state.State.Members.Remove(storeCode);
        else _state.State.Members[storeCode] = counts;
        await _state.WriteStateAsync();
        await GrainFactory.GetGrain<IHqGrain>(IHqGrain.Key).RegionCamerasChanged(this.GetPrimaryKeyString(), _state.State.Total());
    }

    public Task<CameraCounts> GetCameraCounts() => Task.FromResult(_state.State.Total());

    public async Task StoreTrafficChanged(string storeCode, DateOnly day, TrafficCounters today)
    {
        if (await _traffic.Update(storeCode, day, today) is { } total)
            await GrainFactory.GetGrain<IHqGrain>(IHqGrain.Key).RegionTrafficChanged(this.GetPrimaryKeyString(), total.Day, total.Total);
    }

    public Task<TrafficCounters> GetTraffic() => Task.FromResult(_traffic.Total());

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _traffic.Flush();
}
