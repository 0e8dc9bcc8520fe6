using SmartStore.GrainInterfaces;
using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>Camera counts for every store of one region; passes the region total up to head office.</summary>
public sealed class RegionGrain : Grain, IRegionGrain
{
    private readonly IPersistentState<CameraCountsByMemberState> _state;

    public RegionGrain([PersistentState("region", "Default")] IPersistentState<CameraCountsByMemberState> state) => _state = state;

    public async Task StoreCamerasChanged(string storeCode, CameraCounts counts)
    {
        if (_state.State.Members.TryGetValue(storeCode, out var known) && known == counts) return;
        if (counts.Total == 0) _state.State.Members.Remove(storeCode);
        else _state.State.Members[storeCode] = counts;
        await _state.WriteStateAsync();
        await GrainFactory.GetGrain<IHqGrain>(IHqGrain.Key).RegionCamerasChanged(this.GetPrimaryKeyString(), _state.State.Total());
    }

    public Task<CameraCounts> GetCameraCounts() => Task.FromResult(_state.State.Total());
}
