using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartStore.GrainInterfaces;
using SmartStore.Grains.Traffic;
using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>
/// Decides whether a camera is online. A heartbeat (or upload) marks it online at once; silence
/// longer than <see cref="CameraLivenessOptions.OfflineAfter"/> while the store is open marks it
/// offline. An in-memory timer checks often while the grain is active; a durable reminder brings
/// the grain back after a restart so a camera that died with the silo is still noticed.
/// </summary>
public sealed class CameraGrain : Grain, ICameraGrain, IRemindable
{
    private const string LivenessReminder = "liveness";
    private static readonly TimeSpan PersistLastSeenEvery = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PersistIngestEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan QuietCheckEvery = TimeSpan.FromSeconds(1);

    private readonly IPersistentState<CameraLivenessState> _state;
    private readonly IPersistentState<CameraIngestState> _ingest;
    private readonly IPersistentState<CameraViewState> _view;
    private readonly ViewHealthOptions _viewHealthOptions;
    private ViewHealth _viewHealth = null!;
    private readonly IMasterDataDirectory _directory;
    private readonly ICameraIncidentLog _incidents;
    private readonly CameraLivenessOptions _options;
    private readonly ILogger<CameraGrain> _logger;
    private CameraProfile? _camera;
    // False until a profile change was reported to this activation: a grain activated by the report itself loaded the
    // changed profile and cannot tell what it was before, so its shelf plan is taken as changed.
    private bool _profileBeforeKnown;
    private StoreProfile? _store;
    private IGrainTimer? _silenceTimer;
    private EntranceTracker? _tracker;
    private InteriorHeadcount? _headcount;
    private readonly List<Headcount> _unsentHeadcounts = [];
    private IGrainTimer? _quietTimer;
    private EntranceFeedProgress _feed;
    private readonly TrackerOptions _trackerOptions;
    private readonly HeadcountOptions _headcountOptions;
    private DateTime _lastPersistedUtc;
    private DateTime _ingestWrittenUtc;
    private bool _ingestDirty;

    public CameraGrain(
        [PersistentState("camera", "Default")] IPersistentState<CameraLivenessState> state,
        [PersistentState("camera-ingest", "Default")] IPersistentState<CameraIngestState> ingest,
        [PersistentState("camera-view", "Default")] IPersistentState<CameraViewState> view,
        IMasterDataDirectory directory,
        ICameraIncidentLog incidents,
        IOptions<CameraLivenessOptions> options,
        IOptions<TrackerOptions> trackerOptions,
        IOptions<HeadcountOptions> headcountOptions,
        IOptions<ViewHealthOptions> viewHealthOptions,
        ILogger<CameraGrain> logger)
    {
        _state = state;
        _ingest = ingest;
        _view = view;
        _viewHealthOptions = viewHealthOptions.Value;
        _directory = directory;
        _incidents = incidents;
        _options = options.Value;
        _trackerOptions = trackerOptions.Value;
        _headcountOptions = headcountOptions.Value;
        _logger = logger;
    }

    private string Code => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadProfile(cancellationToken);
        _viewHealth = new ViewHealth(_viewHealthOptions, _view.State.Active ?? []);
        _lastPersistedUtc = _state.State.LastSeenUtc ?? DateTime.MinValue;
        if (_state.State.Online) StartSilenceTimer();
    }

    public Task<CameraStatus> Heartbeat(Heartbeat beat) => MarkAlive(beat);

    public async Task SnapshotAccepted(SnapshotReceipt receipt)
    {
        _ingest.State.Record(receipt, PresetOf(receipt));
        if (!receipt.Duplicate) _feed = _feed.Uploaded(receipt.SnapshotId, DateTime.UtcNow);
        await PersistIngestSometimes();
        var status = await MarkAlive(new Heartbeat(receipt.ReceivedUtc));
        // Judged at any hour, unlike the view checks: a closed store's camera may sleep, but it does not send one picture over and over.
        if (_viewHealth.Uploaded(receipt.SnapshotId, receipt.Duplicate, receipt.ReceivedUtc)) await SaveViewFaults(receipt.ReceivedUtc);
        if (!receipt.Duplicate)
            await GrainFactory.GetGrain<ILiveFeedNotifierGrain>(0).Publish(LiveUpdate.ForSnapshot(status, receipt.SnapshotId, receipt.ReceivedUtc));
    }

    private int? PresetOf(SnapshotReceipt receipt) => PresetAt(receipt.CapturedUtc ?? receipt.ReceivedUtc, receipt.PresetFromName);

    public Task<int?> PresetOf(DateTime capturedUtc, int? presetFromName) => Task.FromResult(PresetAt(capturedUtc, presetFromName));

    /// <summary>Which preset a shelf snapshot shows: the number in its file name, else the patrol schedule at its capture time.</summary>
    private int? PresetAt(DateTime capturedUtc, int? named)
    {
        if (_camera is not { Kind: CameraKind.Shelf } camera) return null;
        if (named is { } n && camera.Presets.Any(p => p.Number == n)) return n;
        var zone = StoreTimeZones.Find(_store?.TimeZone ?? "Asia/Shanghai");
        var local = TimeZoneInfo.ConvertTimeFromUtc(capturedUtc, zone);
        return new PatrolSchedule(camera.Presets, camera.PatrolCadenceMinutes).PresetAt(local);
    }

    public async Task UploadRejected(string reason, string detail, DateTime atUtc)
    {
        _ingest.State.Reject(reason, detail, atUtc);
        await PersistIngestSometimes();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The frames still waiting for the frames after them are counted as they are rather than dropped; best effort
        // (on a silo shutdown the store may be gone already), and not at the cost of the ingest counters.
        if (_camera?.StoreCode is { } storeCode && (_headcount is { Waiting: > 0 } || _unsentHeadcounts.Count > 0))
        {
            try { await ReportHeadcounts(GrainFactory.GetGrain<IStoreGrain>(storeCode), _headcount?.Finish() ?? []); }
            catch (Exception e) { _logger.LogWarning(e, "Camera {Camera}: last people counts not delivered on deactivation", Code); }
        }
        if (_ingestDirty) await _ingest.WriteStateAsync(cancellationToken);
    }

    /// <summary>
    /// Entrance cameras upload every second; writing counters on each upload would cost the database a
    /// write per camera per second. The snapshots themselves are durable rows, so counters are written at
    /// most every <see cref="PersistIngestEvery"/> and on deactivation.
    /// </summary>
    private async Task PersistIngestSometimes()
    {
        _ingestDirty = true;
        if (DateTime.UtcNow - _ingestWrittenUtc < PersistIngestEvery) return;
        await _ingest.WriteStateAsync();
        _ingestWrittenUtc = DateTime.UtcNow;
        _ingestDirty = false;
    }

    public Task<CameraIngestion> GetIngestion() => Task.FromResult(_ingest.State.Snapshot());

    /// <summary>
    /// Tracks live in memory only: a track spans seconds, so after a reactivation the tracker simply starts
    /// again (a person half-way through the door at that moment may be missed).
    /// </summary>
    public async Task<IReadOnlyList<TrackedBox>> FrameAnalysed(AnalysedFrame frame)
    {
        if (_camera?.StoreCode is not { } storeCode) return [];
        var store = GrainFactory.GetGrain<IStoreGrain>(storeCode);
        _feed = _feed.Analysed(frame.SnapshotId, DateTime.UtcNow);
        StartQuietTimer();
        if (_camera.Kind == CameraKind.Interior) return await CountInterior(store, frame, _camera.CountingArea);
        _tracker ??= new EntranceTracker(Code, _camera.DoorLine, _trackerOptions);
        var tracked = _tracker.Observe(frame);
        await ReportTraffic(store, frame.CapturedUtc, tracked);
        return tracked.Boxes;
    }

    /// <summary>Counts the people standing in the camera's counting area (the whole view without one), fused over frames.</summary>
    private async Task<IReadOnlyList<TrackedBox>> CountInterior(IStoreGrain store, AnalysedFrame frame, CountingArea? area)
    {
        var boxes = frame.People.Select(p => new TrackedBox(0, p.X1, p.Y1, p.X2, p.Y2, area?.Holds(p, frame.Width, frame.Height) ?? true)).ToList();
        var inArea = area is null ? frame.People : frame.People.Where((_, i) => boxes[i].Counted).ToList();
        _headcount ??= new InteriorHeadcount(_headcountOptions);
        await ReportHeadcounts(store, _headcount.Add(frame.CapturedUtc, inArea));
        return boxes;
    }

    /// <summary>
    /// Sends the counts in order; one the store did not take (a timeout) stays first in line for the next call, since
    /// the headcount has already handed it over and a retried snapshot will not produce it again.
    /// </summary>
    private async Task ReportHeadcounts(IStoreGrain store, IReadOnlyList<Headcount> counted)
    {
        _unsentHeadcounts.AddRange(counted);
        while (_unsentHeadcounts.Count > 0)
        {
            var count = _unsentHeadcounts[0];
            await store.RecordTraffic(new TrafficObservation(Code, count.AtUtc, [], 0, count.People));
            _unsentHeadcounts.RemoveAt(0);
        }
    }

    private async Task ReportTraffic(IStoreGrain store, DateTime capturedUtc, TrackedFrame tracked)
    {
        if (tracked.Crossings.Count > 0 || tracked.PassersBy > 0)
            await store.RecordTraffic(new TrafficObservation(Code, capturedUtc, tracked.Crossings, tracked.PassersBy, null));
    }

    /// <summary>
    /// Ends the tracks of an entrance camera that has gone quiet (nothing new uploaded and nothing waiting for
    /// analysis for longer than the tracker's gap), and counts out an in-store camera's last frames the same way.
    /// Without it the last people of the day would be counted only when the next frame arrives — the next morning,
    /// in the wrong hour.
    /// </summary>
    private async Task FinishWhenQuiet()
    {
        if (_camera?.StoreCode is not { } storeCode) return;
        var store = GrainFactory.GetGrain<IStoreGrain>(storeCode);
        if (_tracker is { HasTracks: true } tracker && _feed.QuietFor(tracker.MaxGap, DateTime.UtcNow))
            await ReportTraffic(store, tracker.LastFrameUtc, tracker.FinishAll());
        // An in-store camera's last frames wait for frames after them; once it is quiet, nothing more is coming.
        if ((_headcount is { Waiting: > 0 } || _unsentHeadcounts.Count > 0) && _feed.QuietFor(_headcountOptions.MaxGap, DateTime.UtcNow))
            await ReportHeadcounts(store, _headcount?.Finish() ?? []);
    }

    private void StartQuietTimer()
    {
        _quietTimer ??= this.RegisterGrainTimer(FinishWhenQuiet, new GrainTimerCreationOptions
        {
            DueTime = QuietCheckEvery,
            Period = QuietCheckEvery,
            KeepAlive = false,
        });
    }

    private async Task<CameraStatus> MarkAlive(Heartbeat beat)
    {
        var state = _state.State;
        state.LastSeenUtc = beat.ReceivedUtc;
        state.Heartbeats++;
        state.Firmware = beat.Firmware ?? state.Firmware;
        state.RemoteAddress = beat.RemoteAddress ?? state.RemoteAddress;

        if (!state.Online)
        {
            state.Online = true;
            state.ChangedUtc = beat.ReceivedUtc;
            await Persist();
            await this.RegisterOrUpdateReminder(LivenessReminder, _options.ReminderPeriod, _options.ReminderPeriod);
            StartSilenceTimer();
            _logger.LogInformation("Camera {Camera} is online", Code);
            await Note(_incidents.Closed(Code, Offline, beat.ReceivedUtc));
            await Announce();
        }
        else if (beat.ReceivedUtc - _lastPersistedUtc >= PersistLastSeenEvery)
        {
            await Persist();
        }
        return Status();
    }

    public Task<CameraStatus> GetStatus() => Task.FromResult(Status());

    public async Task<IReadOnlyList<ViewFault>> ViewChecked(ViewCheck check)
    {
        // A closed store's dark, empty view is not a fault (as its silence is not an outage).
        var before = _viewHealth.Active.Select(a => a.Fault).ToHashSet();
        if (!StoreIsOpen(check.AtUtc) || !_viewHealth.Observe(check)) return new List<ViewFault>();
        await SaveViewFaults(check.AtUtc);
        _logger.LogWarning("Camera {Camera} view: {Faults}", Code, _view.State.Active.Count == 0 ? "clear" : string.Join(", ", _view.State.Active.Select(a => a.Fault)));
        var after = _viewHealth.Active.Select(a => a.Fault).ToHashSet();
        // A List, not a collection expression: it leaves the grain (dotnet/orleans#9032).
        return after.Where(f => !before.Contains(f)).Concat(before.Where(f => !after.Contains(f))).ToList();
    }

    public Task<IReadOnlyList<ActiveViewFault>> GetViewFaults() => Task.FromResult(_viewHealth.Active);

    public async Task ViewReferenceTaken()
    {
        if (_viewHealth.Reset()) await SaveViewFaults(DateTime.UtcNow);
    }

    /// <param name="atUtc">when the view was seen so (the frame's time, not the analysis's): a cleared fault's incident ends then.</param>
    private async Task SaveViewFaults(DateTime atUtc)
    {
        var before = (_view.State.Active ?? []).Select(a => a.Fault).ToHashSet();
        foreach (var raised in _viewHealth.Active.Where(a => !before.Contains(a.Fault)))
            await Note(_incidents.Opened(Code, raised.Fault.ToCode(), raised.SinceUtc));
        foreach (var cleared in before.Where(f => _viewHealth.Active.All(a => a.Fault != f)))
            await Note(_incidents.Closed(Code, cleared.ToCode(), atUtc));
        _view.State.Active = _viewHealth.Active.ToList();
        await _view.WriteStateAsync();
        await Announce();
    }

    public async Task RefreshProfile()
    {
        var previousStore = _camera?.StoreCode;
        var previousPresets = PresetNumbers();
        var beforeKnown = _profileBeforeKnown;
        _profileBeforeKnown = true;
        await LoadProfile(CancellationToken.None);
        if (_tracker is not null && _tracker.DoorLine != _camera?.DoorLine) _tracker.MoveLine(_camera?.DoorLine);
        var store = _camera?.StoreCode;
        if (previousStore != store && previousStore is not null) await GrainFactory.GetGrain<IStoreGrain>(previousStore).CameraUnbound(Code);
        // A shelf dome takes its planograms along: the plans of the store it left and the one it joined change. A preset
        // taken off (or put back on) the patrol sets its planogram aside (or counts it again): the store's plan changes.
        if (_camera?.Kind == CameraKind.Shelf && (!beforeKnown || previousStore != store || !previousPresets.SetEquals(PresetNumbers())))
            foreach (var changed in new[] { previousStore, store }.OfType<string>().Distinct())
                await GrainFactory.GetGrain<IStoreGrain>(changed).PlanChanged();
        await Announce();
    }

    private HashSet<int> PresetNumbers() => (_camera?.Presets ?? []).Select(p => p.Number).ToHashSet();

    public Task StoreChanged() => RefreshProfile();

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == LivenessReminder ? CheckSilence() : Task.CompletedTask;

    private async Task CheckSilence()
    {
        var state = _state.State;
        if (!state.Online)
        {
            await StopWatching();
            return;
        }
        var now = DateTime.UtcNow;
        var silentFor = now - (state.LastSeenUtc ?? DateTime.MinValue);
        if (silentFor < _options.OfflineAfter || !StoreIsOpen(now)) return;

        state.Online = false;
        state.ChangedUtc = now;
        await Persist();
        _logger.LogWarning("Camera {Camera} is offline: silent for {Silence}", Code, silentFor);
        // The outage began with the last heartbeat, not when it was noticed.
        await Note(_incidents.Opened(Code, Offline, state.LastSeenUtc ?? now));
        await StopWatching();
        await Announce();
    }

    private const string Offline = "offline";

    /// <summary>The incident history is a record, not the state: a database that cannot write it now must not stop the camera's grain.</summary>
    private async Task Note(Task writing)
    {
        try
        {
            await writing;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Camera {Camera}: incident history not written", Code);
        }
    }

    private bool StoreIsOpen(DateTime utc) =>
        _store is null || OpeningHoursCalendar.IsOpen(_store.OpeningHours, _store.TimeZone, utc);

    private void StartSilenceTimer()
    {
        _silenceTimer ??= this.RegisterGrainTimer(CheckSilence, new GrainTimerCreationOptions
        {
            DueTime = _options.CheckEvery,
            Period = _options.CheckEvery,
            // The check must not keep an idle camera grain in memory forever; the reminder covers that.
            KeepAlive = false,
        });
    }

    private async Task StopWatching()
    {
        _silenceTimer?.Dispose();
        _silenceTimer = null;
        var reminder = await this.GetReminder(LivenessReminder);
        if (reminder is not null) await this.UnregisterReminder(reminder);
    }

    private async Task Persist()
    {
        await _state.WriteStateAsync();
        _lastPersistedUtc = _state.State.LastSeenUtc ?? DateTime.UtcNow;
    }

    private async Task LoadProfile(CancellationToken cancellationToken)
    {
        _camera = await _directory.FindCamera(Code, cancellationToken);
        _store = _camera?.StoreCode is { } storeCode ? await _directory.FindStore(storeCode, cancellationToken) : null;
    }

    private CameraStatus Status() => new(
        Code,
        _camera?.StoreCode,
        _store?.RegionCode,
        _camera?.Kind ?? CameraKind.Entrance,
        _state.State.Online,
        _state.State.LastSeenUtc,
        _state.State.ChangedUtc,
        _view.State.Active.Count == 0 ? null : _view.State.Active.Select(a => a.Fault.ToCode()).ToList());

    private async Task Announce()
    {
        var status = Status();
        if (status.StoreCode is not null)
            await GrainFactory.GetGrain<IStoreGrain>(status.StoreCode).CameraStatusChanged(status);
        await GrainFactory.GetGrain<ILiveFeedNotifierGrain>(0).Publish(LiveUpdate.ForCamera(status, DateTime.UtcNow));
    }
}
