using SmartStore.GrainInterfaces;
using SmartStore.Grains.Traffic;
using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>National camera totals and today's national foot traffic, per region.</summary>
public sealed class HqGrain : Grain, IHqGrain
{
    private readonly IPersistentState<CameraCountsByMemberState> _state;
    private readonly TrafficRollup _traffic;

    public HqGrain(
        [PersistentState("hq", "Default")] IPersistentState<CameraCountsByMemberState> state,
        [PersistentState("hq-traffic", "Default")] IPersistentState<TrafficByMemberState> traffic)
    {
        _state = state;
        _traffic = new TrafficRollup(traffic);
    }

    public async Task RegionCamerasChanged(string regionCode, CameraCounts counts)
    {
        if (_state.State.Members.TryGetValue(regionCode, out var known) && known == counts) return;
        _state.State.Members[regionCode] = counts;
        await _state.WriteStateAsync();
    }

    public Task<CameraCounts> GetCameraCounts() => Task.FromResult(_state.State.Total());

    public async Task RegionTrafficChanged(string regionCode, DateOnly day, TrafficCounters today) =>
        await _traffic.Update(regionCode, day, today);

    public Task<TrafficCounters> GetTraffic() => Task.FromResult(_traffic.Total());

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _traffic.Flush();
}
