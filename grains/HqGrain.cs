using SmartStore.GrainInterfaces;
using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>National camera totals, per region.</summary>
public sealed class HqGrain : Grain, IHqGrain
{
    private readonly IPersistentState<CameraCountsByMemberState> _state;

    public HqGrain([PersistentState("hq", "Default")] IPersistentState<CameraCountsByMemberState> state) => _state = state;

    public async Task RegionCamerasChanged(string regionCode, CameraCounts counts)
    {
        if (_state.State.Members.TryGetValue(regionCode, out var known) && known == counts) return;
        _state.State.Members[regionCode] = counts;
        await _state.WriteStateAsync();
    }

    public Task<CameraCounts> GetCameraCounts() => Task.FromResult(_state.State.Total());
}
