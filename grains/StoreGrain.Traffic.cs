using Microsoft.Extensions.Logging;
using SmartStore.GrainInterfaces;
using SmartStore.Grains.Traffic;
using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>
/// The store's foot traffic: crossings from its entrance cameras and head counts from its interior cameras go
/// through <see cref="StoreFootfall"/>; changed hours are written to the ledger every few seconds (absolute
/// values, so a repeated write is harmless), and today's counters go live to the region and the dashboards.
/// </summary>
public sealed partial class StoreGrain
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(5);

    private readonly IMasterDataDirectory _directory;
    private readonly ITrafficLedger _ledger;
    private readonly FootfallOptions _footfallOptions;
    private readonly ILogger<StoreGrain> _logger;
    private StoreFootfall? _footfall;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    // Its master data: region, opening hours (and the zone above, looked up once).
    private StoreProfile? _profile;
    private TrafficCounters? _announced;
    private bool _profileLoaded;
    // Today's visitors and the enrolled staff are read (see FootfallToRecord).
    private bool _recording;

    /// <summary>The store's region by its master data (null before it is read).</summary>
    private string? Region => _profile?.RegionCode;

    /// <summary>Whether the store has closed for good by its today (闭店): its cameras leave the region's counts.</summary>
    private bool ClosedDown => Stage == StoreStage.ClosedDown;

    /// <summary>Whether the store trades today: neither being prepared for its opening day nor closed for good (no shelf alerts then).</summary>
    private bool Trading => Stage == StoreStage.Trading;

    private StoreStage Stage => _profile?.OpeningHours.StageOn(LocalDay(DateTime.UtcNow)) ?? StoreStage.Trading;

    /// <summary>The store-local calendar day at <paramref name="utc"/>.</summary>
    private DateOnly LocalDay(DateTime utc) => StoreTimeZones.DayOf(utc, _zone);

    /// <summary>The store's clock at <paramref name="utc"/> (its zone looked up once, with its master data).</summary>
    private DateTime LocalTime(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>
    /// Whether customers may be coming in at <paramref name="utc"/>: within the store's hours, give or take the grace. Asked
    /// for every crossing and passer-by; the hours are the profile's, so an edit applies at once.
    /// </summary>
    private bool CustomersExpected(DateTime utc) => TradingDuring(LocalTime(utc), TimeSpan.Zero);

    /// <summary>
    /// Whether the store was open at any moment from <paramref name="fromLocal"/> for <paramref name="length"/>, give or take
    /// the grace: the one rule for a crossing (a moment) and for receipts (a moment, or an hour pushed whole).
    /// </summary>
    private bool TradingDuring(DateTime fromLocal, TimeSpan length)
    {
        if (_profile is null) return true;
        var grace = _footfallOptions.OffHoursGrace;
        return _profile.OpeningHours.IsOpenDuring(fromLocal - grace, fromLocal + length + grace);
    }

    public async Task RecordTraffic(TrafficObservation observation)
    {
        var footfall = await FootfallToRecord();
        var customers = footfall.Record(observation);
        await JudgeClosure(footfall, observation, customers);
        await Announce(footfall);
    }

    public async Task<TrafficCounters> GetTraffic() => (await Footfall()).Today(DateTime.UtcNow);

    public async Task<bool[]> ClosedThroughout(DateTime[] fromLocal, TimeSpan length)
    {
        await LoadStoreProfile();
        return fromLocal.Select(from => !TradingDuring(from, length)).ToArray();
    }

    public async Task StaffChanged()
    {
        // Not yet recording: the staff are read when the first crossing comes.
        if (_footfall is not null && _recording) _footfall.EnrolStaff(await _ledger.StaffAppearances(this.GetPrimaryKeyString(), CancellationToken.None));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await FlushHours();

    private async Task<StoreFootfall> Footfall()
    {
        if (_footfall is not null) return _footfall;
        var code = this.GetPrimaryKeyString();
        await LoadStoreProfile();
        var footfall = new StoreFootfall(code, _footfallOptions, LocalTime, CustomersExpected);
        // Yesterday too: the hour a late frame belongs to may be just before midnight.
        var today = LocalDay(DateTime.UtcNow);
        var midnight = today.ToDateTime(TimeOnly.MinValue);
        footfall.Restore(await _ledger.Hours(code, midnight.AddDays(-1), midnight.AddDays(1), CancellationToken.None));
        this.RegisterGrainTimer(FlushHours, new GrainTimerCreationOptions { DueTime = FlushEvery, Period = FlushEvery, KeepAlive = false });
        return _footfall = footfall;
    }

    /// <summary>
    /// The footfall with what recording a crossing needs besides the hours: today's visitors (to know a repeat entry) and
    /// the enrolled staff. Read on the first crossing, not on activation: a board activating every store grain of a
    /// chain after a restart only reads their counters.
    /// </summary>
    private async Task<StoreFootfall> FootfallToRecord()
    {
        var footfall = await Footfall();
        if (_recording) return footfall;
        var code = this.GetPrimaryKeyString();
        footfall.RestoreVisitors(await _ledger.Visitors(code, LocalDay(DateTime.UtcNow), CancellationToken.None));
        footfall.EnrolStaff(await _ledger.StaffAppearances(code, CancellationToken.None));
        _recording = true;
        return footfall;
    }

    public async Task ProfileChanged()
    {
        var before = _profileLoaded ? Region : _state.State.RegionCode;
        _profileLoaded = false;
        await LoadStoreProfile();
        // A store moved to another region leaves it: today's traffic goes to the new region (camera counts follow as the
        // cameras announce their status with the new region).
        if (before is not null && before != Region)
        {
            await GrainFactory.GetGrain<IRegionGrain>(before).StoreTrafficChanged(this.GetPrimaryKeyString(), LocalDay(DateTime.UtcNow), TrafficCounters.Zero);
            _announced = null;
            if (_footfall is not null) await Announce(_footfall);
        }
        // Closed for good (or reopened): its cameras leave (or rejoin) the region's counts; the region ignores no change.
        else if (Region is { } region)
            await GrainFactory.GetGrain<IRegionGrain>(region).StoreCamerasChanged(this.GetPrimaryKeyString(), Counts());
        await EndShelfAlertsWhenClosedDown();
        foreach (var camera in _state.State.Cameras.Keys) await GrainFactory.GetGrain<ICameraGrain>(camera).StoreChanged();
    }

    /// <summary>The store's time zone, opening hours and region, read once per activation and when its master data changes (traffic and shelf history are store-local).</summary>
    public async Task TodosChanged()
    {
        await LoadStoreProfile();
        await GrainFactory.GetGrain<ILiveFeedNotifierGrain>(0).Publish(
            LiveUpdate.ForTodos(this.GetPrimaryKeyString(), Region ?? _state.State.RegionCode, DateTime.UtcNow));
    }

    private async Task LoadStoreProfile()
    {
        if (_profileLoaded) return;
        var store = await _directory.FindStore(this.GetPrimaryKeyString(), CancellationToken.None);
        _profile = store;
        _zone = StoreTimeZones.Find(store?.TimeZone);
        _profileLoaded = true;
    }

    private async Task FlushHours()
    {
        if (_footfall is null) return;
        var changed = _footfall.TakeChangedHours();
        var visitors = _footfall.TakeChangedVisitors();
        if (changed.Count == 0 && visitors.Count == 0) return;
        try
        {
            await _ledger.Write(changed, CancellationToken.None);
            // Memory covers today only (writing today's drops earlier days), so yesterday's last visitors are not written after midnight.
            var today = LocalDay(DateTime.UtcNow);
            var ofToday = visitors.Where(v => v.Day == today).SelectMany(v => v.Visitors).ToList();
            await _ledger.WriteVisitors(this.GetPrimaryKeyString(), today, ofToday, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Keep them for the next attempt: the database may be restarting.
            _footfall.MarkChanged(changed);
            _footfall.MarkChanged(visitors.SelectMany(v => v.Visitors));
            _logger.LogWarning(e, "Store {Store}: {Hours} traffic hours and {Visitors} visitor memories not written yet",
                this.GetPrimaryKeyString(), changed.Count, visitors.Sum(v => v.Visitors.Count));
        }
    }

    private async Task Announce(StoreFootfall footfall)
    {
        var now = DateTime.UtcNow;
        var today = footfall.Today(now);
        if (today == _announced) return;
        _announced = today;
        var code = this.GetPrimaryKeyString();
        var day = LocalDay(now);
        var region = Region ?? _state.State.RegionCode;
        if (region is not null) await GrainFactory.GetGrain<IRegionGrain>(region).StoreTrafficChanged(code, day, today);
        await GrainFactory.GetGrain<ILiveFeedNotifierGrain>(0).Publish(LiveUpdate.ForTraffic(code, region, today, now, LooksClosed(now)));
    }
}
