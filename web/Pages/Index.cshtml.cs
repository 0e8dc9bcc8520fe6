using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>HQ home: every store in the viewer's scope with its cameras' live status.</summary>
public sealed class HqBoardModel(StoreRepository stores, CameraRepository cameras, RegionRepository regions, IClusterClient cluster) : PageModel
{
    public IReadOnlyList<LiveEndpoints.StoreCameras> Board { get; private set; } = [];
    public int Online { get; private set; }
    public int Offline { get; private set; }
    /// <summary>Bound cameras that have never reported: not offline, just not heard from yet.</summary>
    public int NoReport { get; private set; }
    /// <summary>Today's foot traffic per store of the board, from the store grains.</summary>
    public IReadOnlyDictionary<string, TrafficCounters> Traffic { get; private set; } = new Dictionary<string, TrafficCounters>();
    public TrafficCounters TrafficTotal => Traffic.Values.Aggregate(TrafficCounters.Zero, (sum, t) => sum.Plus(t));
    private Dictionary<(string Store, CameraKind Kind), string> _cameraCodes = new();
    private Dictionary<string, Region> _regions = new();

    public async Task OnGet()
    {
        var scope = User.Scope();
        Board = await LiveEndpoints.CameraBoard(scope, stores, cluster);
        var bound = await cameras.List(scope, null, null, 1, Paging.MaxPageSize * 50);
        _cameraCodes = bound.Items.Where(c => c.StoreCode is not null)
            .GroupBy(c => (c.StoreCode!, c.Kind)).ToDictionary(g => g.Key, g => g.First().Code);
        _regions = (await regions.List(scope)).ToDictionary(r => r.Code);
        var boundCodes = _cameraCodes.Values.ToHashSet();
        var reported = Board.SelectMany(b => b.Cameras).Where(s => boundCodes.Contains(s.CameraCode)).ToList();
        Online = reported.Count(s => s.Online);
        Offline = reported.Count - Online;
        NoReport = _cameraCodes.Count - reported.Count;
        var traffic = await Task.WhenAll(Board.Select(async b => (b.StoreCode, Today: await cluster.GetGrain<IStoreGrain>(b.StoreCode).GetTraffic())));
        Traffic = traffic.ToDictionary(t => t.StoreCode, t => t.Today);
    }

    public TrafficCounters TrafficOf(string store) => Traffic.GetValueOrDefault(store) ?? TrafficCounters.Zero;

    public string CameraCode(LiveEndpoints.StoreCameras store, CameraKind kind) =>
        _cameraCodes.TryGetValue((store.StoreCode, kind), out var code) ? code : "";

    public string RegionName(string code) => Display.RegionName(_regions.GetValueOrDefault(code), code);
}
