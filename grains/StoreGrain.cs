using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartStore.GrainInterfaces;
using SmartStore.Grains.Shelves;
using SmartStore.Grains.Traffic;
using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>Keeps the live status of a store's cameras and tells its region when the counts change.</summary>
public sealed partial class StoreGrain : Grain, IStoreGrain
{
    private readonly IPersistentState<StoreCamerasState> _state;
    private readonly IPersistentState<ShelfSnapshot> _shelf;
    private readonly IShelfPlans _plans;
    private readonly ShelfAlertOptions _shelfAlerts;

    public StoreGrain(
        [PersistentState("store", "Default")] IPersistentState<StoreCamerasState> state,
        [PersistentState("store-shelf", "Default")] IPersistentState<ShelfSnapshot> shelf,
        IMasterDataDirectory directory,
        ITrafficLedger ledger,
        IShelfPlans plans,
        IOptions<FootfallOptions> footfallOptions,
        IOptions<ClosureOptions> closureOptions,
        IOptions<ShelfAlertOptions> shelfAlerts,
        ILogger<StoreGrain> logger)
    {
        _state = state;
        _shelf = shelf;
        _plans = plans;
        _shelfAlerts = shelfAlerts.Value;
        _directory = directory;
        _ledger = ledger;
        _footfallOptions = footfallOptions.Value;
        _closureOptions = closureOptions.Value;
        _logger = logger;
    }

    public async Task CameraStatusChanged(CameraStatus status)
    {
        await LoadStoreProfile();
        var state = _state.State;
        var before = Counts();
        var previousRegion = state.RegionCode;
        state.Cameras[status.CameraCode] = status;
        state.RegionCode = status.RegionCode ?? state.RegionCode;
        await _state.WriteStateAsync();

        var after = Counts();
        if (previousRegion is not null && previousRegion != state.RegionCode)
            await GrainFactory.GetGrain<IRegionGrain>(previousRegion).StoreCamerasChanged(this.GetPrimaryKeyString(), new CameraCounts(0, 0));
        if (state.RegionCode is not null && (after != before || previousRegion != state.RegionCode))
            await GrainFactory.GetGrain<IRegionGrain>(state.RegionCode).StoreCamerasChanged(this.GetPrimaryKeyString(), after);
    }

    public async Task CameraUnbound(string cameraCode)
    {
        if (!_state.State.Cameras.Remove(cameraCode)) return;
        await _state.WriteStateAsync();
        if (_state.State.RegionCode is { } region)
            await GrainFactory.GetGrain<IRegionGrain>(region).StoreCamerasChanged(this.GetPrimaryKeyString(), Counts());
    }

    public Task<IReadOnlyList<CameraStatus>> GetCameras() => Task.FromResult(CameraList());

    public async Task<StoreSummary> GetSummary() =>
        new(CameraList(), await GetTraffic(), (await GetShelf()).Figures.ComplianceRate, LooksClosed(DateTime.UtcNow));

    private IReadOnlyList<CameraStatus> CameraList() => _state.State.Cameras.Values.OrderBy(c => c.CameraCode).ToList();

    public Task<CameraCounts> GetCameraCounts() => Task.FromResult(Counts());

    /// <summary>The cameras online and offline, as the region and head office count them: none once the store has closed for good.</summary>
    private CameraCounts Counts()
    {
        if (ClosedDown) return new CameraCounts(0, 0);
        var online = _state.State.Cameras.Values.Count(c => c.Online);
        return new CameraCounts(online, _state.State.Cameras.Count - online);
    }
}
