using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>HQ home: every store in the viewer's scope with its cameras' live status.</summary>
public sealed class HqBoardModel(ScopeSummaries scopeSummaries, CameraRepository cameras, RegionRepository regions) : PageModel
{
    public IReadOnlyList<LiveEndpoints.StoreCameras> Board { get; private set; } = [];
    public int Online { get; private set; }
    public int Offline { get; private set; }
    /// <summary>Bound cameras that have never reported: not offline, just not heard from yet.</summary>
    public int NoReport { get; private set; }
    /// <summary>Cameras whose view has a fault raised now (blocked, moved …), online or not.</summary>
    public int Faulty { get; private set; }
    /// <summary>Today's foot traffic per store of the board, from the store grains.</summary>
    public IReadOnlyDictionary<string, TrafficCounters> Traffic { get; private set; } = new Dictionary<string, TrafficCounters>();
    /// <summary>Each store's shelf compliance now (null: nothing planned has been seen).</summary>
    public IReadOnlyDictionary<string, double?> Compliance { get; private set; } = new Dictionary<string, double?>();
    /// <summary>Stores that look closed during their opening hours now (营业时间内疑似关门), each with its closure.</summary>
    public IReadOnlyDictionary<string, StoreClosure> LooksClosed { get; private set; } = new Dictionary<string, StoreClosure>();

    /// <summary>The viewer's stores closed for good (闭店), which the board leaves out.</summary>
    public int ClosedDown { get; private set; }

    public TrafficCounters TrafficTotal => Traffic.Values.Aggregate(TrafficCounters.Zero, (sum, t) => sum.Plus(t));
    /// <summary>Stores open now by their hours: at night the board's zeros are closed stores, not a broken feed.</summary>
    public int OpenNow { get; private set; }
    /// <summary>When the next store opens or closes, for a board left on the wall across it (null: none within a week).</summary>
    public DateTime? HoursChangeUtc { get; private set; }
    private Dictionary<(string Store, CameraKind Kind), string> _cameraCodes = new();
    private Dictionary<string, Region> _regions = new();
    private Dictionary<string, string> _zones = new();
    private Dictionary<string, string> _opening = new();

    /// <summary>"将于 12-20 开业" for a store being prepared (its cameras going up), else null.</summary>
    public string? OpeningOf(string store) => _opening.GetValueOrDefault(store);
    private Dictionary<string, IReadOnlyList<string>> _extraCameras = new();

    /// <summary>Cameras of a store beyond the one per kind the table shows (a large store's second dome).</summary>
    public IReadOnlyList<string> ExtraCameras(string store) => _extraCameras.GetValueOrDefault(store) ?? [];

    public async Task OnGet()
    {
        var scope = User.Scope();
        // One grain call per store: a chain's board lists every store in the viewer's scope.
        var summaries = await scopeSummaries.Load(scope);
        ClosedDown = await scopeSummaries.ClosedDown(scope);
        _zones = summaries.ToDictionary(p => p.Store.Code, p => p.Store.TimeZone);
        _opening = summaries.Select(p => (p.Store.Code, Opening: Display.Opening(p.Store))).Where(p => p.Opening is not null).ToDictionary(p => p.Code, p => p.Opening!);
        Board = summaries.Select(p => new LiveEndpoints.StoreCameras(p.Store.Code, p.Store.Name, p.Store.RegionCode, p.Store.City, p.Summary.Cameras)).ToList();
        Traffic = summaries.ToDictionary(p => p.Store.Code, p => p.Summary.Today);
        Compliance = summaries.ToDictionary(p => p.Store.Code, p => p.Summary.Compliance);
        LooksClosed = summaries.Where(p => p.Summary.LooksClosed is not null).ToDictionary(p => p.Store.Code, p => p.Summary.LooksClosed!);
        (OpenNow, HoursChangeUtc) = Display.OpenNow(summaries.Select(p => p.Store).ToList(), DateTime.UtcNow);
        // A chain's board is thousands of rows: the stores that need someone come first, each group in code order.
        Board = Board.OrderBy(b => NeedsAttention(b) ? 0 : 1).ThenBy(b => b.StoreCode, StringComparer.Ordinal).ToList();
        // The cameras of the board's stores: a store closed for good is off the board, its cameras with it.
        var onBoard = Board.Select(b => b.StoreCode).ToHashSet(StringComparer.Ordinal);
        var bound = (await cameras.List(scope, null, null, 1, Paging.MaxPageSize * 50)).Items.Where(c => c.StoreCode is { } store && onBoard.Contains(store)).ToList();
        _cameraCodes = bound.GroupBy(c => (c.StoreCode!, c.Kind)).ToDictionary(g => g.Key, g => g.First().Code);
        _regions = (await regions.List(scope)).ToDictionary(r => r.Code);
        // Every bound camera counts in the tiles, also a large store's second dome (the table shows one per kind).
        var boundCodes = bound.Select(c => c.Code).ToHashSet();
        // The table has entrance and shelf columns only; any other camera is listed as an extra.
        var shown = _cameraCodes.Where(kv => kv.Key.Item2 is CameraKind.Entrance or CameraKind.Shelf).Select(kv => kv.Value).ToHashSet();
        _extraCameras = bound.Where(c => !shown.Contains(c.Code))
            .GroupBy(c => c.StoreCode!).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(c => c.Code).ToList());
        var reported = Board.SelectMany(b => b.Cameras).Where(s => boundCodes.Contains(s.CameraCode)).ToList();
        Online = reported.Count(s => s.Online);
        Offline = reported.Count - Online;
        NoReport = boundCodes.Count - reported.Count;
        Faulty = reported.Count(s => s.Faults is { Count: > 0 });
    }

    /// <summary>A camera offline or with a view fault, or the store looking closed in its opening hours.</summary>
    public bool NeedsAttention(LiveEndpoints.StoreCameras store) =>
        LooksClosed.ContainsKey(store.StoreCode) || store.Cameras.Any(c => !c.Online || c.Faults is { Count: > 0 });

    /// <summary>A store's time zone, for the local times of its closure.</summary>
    public TimeZoneInfo ZoneOf(string store) => StoreTimeZones.Find(_zones.GetValueOrDefault(store));

    public TrafficCounters TrafficOf(string store) => Traffic.GetValueOrDefault(store) ?? TrafficCounters.Zero;

    public string CameraCode(LiveEndpoints.StoreCameras store, CameraKind kind) =>
        _cameraCodes.TryGetValue((store.StoreCode, kind), out var code) ? code : "";

    public string RegionName(string code) => Display.RegionName(_regions.GetValueOrDefault(code), code);
}
