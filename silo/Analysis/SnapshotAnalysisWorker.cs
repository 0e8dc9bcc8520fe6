using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Silo.Ingest;
using SmartStore.Storage;
using SmartStore.Vision.Health;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;

namespace SmartStore.Silo.Analysis;

/// <summary>
/// Works through the pending snapshots oldest first, people cameras' frames before shelf photos
/// (<see cref="SnapshotAnalysisQueue.ClaimInTurn"/>): detect, embed, hand the frame to the camera grain (which tracks and
/// counts), store boxes and track ids with the snapshot. Pending snapshots left by a stop or crash are picked up on start.
/// A snapshot that cannot be read is marked failed with the reason; it never blocks the ones behind it.
/// </summary>
public sealed class SnapshotAnalysisWorker(
    SnapshotAnalysisQueue queue,
    RecognitionModels assignments,
    SkuGallery gallery,
    PlanogramRepository planograms,
    ImagesFolder images,
    IGrainFactory grains,
    AnalysisSignal signal,
    SceneArchive sceneArchive,
    ViewWatch viewWatch,
    IOptions<AnalysisOptions> options,
    ILogger<SnapshotAnalysisWorker> logger) : BackgroundService
{
    private readonly AnalysisOptions _options = options.Value;

    private long _analysed;
    private DateTime _staleCheckedUtc = DateTime.UtcNow;
    private DateTime _galleryWaitLogged;
    private DateTime _modelsCheckedUtc;
    private (string? Entrance, string? Interior) _assignedNames;

    private async Task ReleaseStale(CancellationToken stoppingToken)
    {
        _staleCheckedUtc = DateTime.UtcNow;
        var released = await queue.ReleaseStale(_options.StaleClaimAfter, stoppingToken);
        if (released > 0) logger.LogWarning("{Count} snapshots claimed by a worker that stopped went back to pending", released);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        await Task.Yield();
        ModelStore models;
        PeopleAnalyzers analyzers;
        ShelfAnalyzer shelfAnalyzer;
        try
        {
            models = ModelStore.Locate();
            analyzers = PeopleAnalyzersFor(await assignments.List(), models);
            stoppingToken.ThrowIfCancellationRequested();
            shelfAnalyzer = new ShelfAnalyzer(gallery, planograms, models);
        }
        catch (Exception e) when (e is ModelUnavailableException or IOException)
        {
            // Without models the snapshots stay pending (nothing is lost); they are analysed once the models are there.
            logger.LogError(e, "Snapshot analysis is off: {Reason}", e.Message);
            return;
        }
        try
        {
            var shelves = new ShelfSnapshotReader(shelfAnalyzer, images, grains);
            // Claims this silo held when it stopped are seconds old at most when it restarts; another silo's live
            // claims are finished within seconds too, so half a minute separates the two.
            var released = await queue.ReleaseStale(TimeSpan.FromSeconds(30), stoppingToken);
            logger.LogInformation("Snapshot analysis started ({Model}); {Released} interrupted claims released, {Waiting} snapshots waiting",
                analyzers.Describe(), released, await queue.Waiting(stoppingToken));
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    analyzers = await Reassigned(analyzers, models);
                    await WorkOnce(analyzers, shelves, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database is restarting or unreachable: the snapshots wait in it (claims are released later);
                    // the worker, and with it the silo, keeps running and tries again shortly.
                    logger.LogWarning(e, "Snapshot analysis paused: {Reason}", e.Message);
                    await Task.Delay(_options.IdlePoll, stoppingToken);
                }
            }
        }
        finally
        {
            analyzers.Dispose();
            shelfAnalyzer.Dispose();
        }
    }

    /// <summary>
    /// The detectors assigned in the back office (识别算法管理), read again every <see cref="AnalysisOptions.ModelsCheckEvery"/>:
    /// a change takes effect on the next snapshot, on every silo, without a restart.
    /// </summary>
    private async Task<PeopleAnalyzers> Reassigned(PeopleAnalyzers current, ModelStore models)
    {
        if (DateTime.UtcNow - _modelsCheckedUtc < _options.ModelsCheckEvery) return current;
        _modelsCheckedUtc = DateTime.UtcNow;
        var assigned = await assignments.List();
        if (Names(assigned) == _assignedNames) return current;
        try
        {
            var next = PeopleAnalyzersFor(assigned, models);
            logger.LogInformation("Recognition models changed: {Before} → {After}", current.Describe(), next.Describe());
            current.Dispose();
            return next;
        }
        catch (Exception e) when (e is ModelUnavailableException or IOException)
        {
            // This silo lacks the file: it keeps analysing with what it has, and looks again at the next check.
            logger.LogError(e, "Recognition models assigned but not usable here, still analysing with {Current}: {Reason}", current.Describe(), e.Message);
            return current;
        }
    }

    /// <summary>The analyzers for the assigned detectors; remembers which were assigned, and when that was read.</summary>
    private PeopleAnalyzers PeopleAnalyzersFor(IReadOnlyList<RecognitionModels.Assignment> assigned, ModelStore models)
    {
        var analyzers = new PeopleAnalyzers(models, DetectorChosen(assigned, CameraKind.Entrance), DetectorChosen(assigned, CameraKind.Interior),
            _options.TrackingScore, e => logger.LogError(e, "In-store cameras use the entrance detector: {Reason}", e.Message), sceneArchive);
        _assignedNames = Names(assigned);
        _modelsCheckedUtc = DateTime.UtcNow;
        return analyzers;
    }

    private static (string? Entrance, string? Interior) Names(IReadOnlyList<RecognitionModels.Assignment> assigned) =>
        (assigned.FirstOrDefault(a => a.CameraKind == CameraKind.Entrance.ToCode())?.ModelName,
         assigned.FirstOrDefault(a => a.CameraKind == CameraKind.Interior.ToCode())?.ModelName);

    /// <summary>Claims a batch and analyses it, or waits for work when there is none.</summary>
    private async Task WorkOnce(PeopleAnalyzers analyzers, ShelfSnapshotReader shelves, CancellationToken stoppingToken)
    {
        var batch = await queue.ClaimInTurn(_options.BatchSize, _options.ShelfMayWait, stoppingToken);
        if (batch.Count == 0)
        {
            await signal.Wait(_options.IdlePoll, stoppingToken);
            if (DateTime.UtcNow - _staleCheckedUtc > TimeSpan.FromMinutes(1)) await ReleaseStale(stoppingToken);
            return;
        }
        // A camera's frames after one that will be tried again go back with it, to be analysed in order.
        var waitingCameras = new HashSet<string>(StringComparer.Ordinal);
        var giveBack = new List<SnapshotAnalysisQueue.Claimed>();
        foreach (var snapshot in batch)
        {
            if (waitingCameras.Contains(snapshot.CameraCode)) giveBack.Add(snapshot);
            else if (!await AnalyseOne(analyzers, shelves, snapshot, stoppingToken)) waitingCameras.Add(snapshot.CameraCode);
        }
        if (giveBack.Count > 0) await queue.Release(giveBack, CancellationToken.None);
    }

    /// <summary>Analyses one snapshot, or records why it cannot be; false when it will be tried again later.</summary>
    private async Task<bool> AnalyseOne(PeopleAnalyzers analyzers, ShelfSnapshotReader shelves, SnapshotAnalysisQueue.Claimed snapshot, CancellationToken stoppingToken)
    {
        try
        {
            var captured = SnapshotTimes.TrustedAt(snapshot.ReceivedAt, snapshot.CapturedAt);
            CameraKindNames.TryParse(snapshot.Kind, out var kind);
            if (kind == CameraKind.Shelf)
            {
                var (json, preset) = await shelves.Analyse(snapshot, captured, stoppingToken);
                await queue.Complete(snapshot.Id, json, stoppingToken, preset);
                return true;
            }
            var analyzer = analyzers.For(kind);
            var (frame, view) = await analyzer.Analyse(snapshot.Id, images.FullPath(snapshot.Path), captured, kind == CameraKind.Entrance, stoppingToken,
                sceneOf: kind == CameraKind.Interior ? snapshot.CameraCode : null, withView: viewWatch.Due(snapshot.CameraCode, captured));
            var camera = grains.GetGrain<ICameraGrain>(snapshot.CameraCode);
            var tracks = await camera.FrameAnalysed(frame);
            if (view is not null) await CheckView(analyzers, camera, snapshot, kind, captured, view);
            await queue.Complete(snapshot.Id, Describe(analyzer.ModelName, frame, tracks, kind == CameraKind.Interior), stoppingToken);
            if (++_analysed % 500 == 0) logger.LogInformation("Analysed {Count} snapshots", _analysed);
            return true;
        }
        catch (SkuGalleryUnavailable e)
        {
            // Not this snapshot's fault: it waits for the gallery's next attempt, however many that takes, and is not given up.
            await queue.Postpone(snapshot, e.RetryUtc - DateTime.UtcNow, e.Message, CancellationToken.None);
            LogGalleryWait(e);
            return false;
        }
        catch (Exception e) when (e is ImageRejectedException or IOException)
        {
            logger.LogWarning("Snapshot {Id} of {Camera} cannot be analysed: {Reason}", snapshot.Id, snapshot.CameraCode, e.Message);
            await queue.Fail(snapshot.Id, e.Message, stoppingToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A grain timeout or a database hiccup must not stop the worker (and with it the silo): the snapshot is
            // tried again later, a few times; other cameras' snapshots go on meanwhile, this camera's later ones wait for it.
            var again = await queue.FailForNow(snapshot.Id, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
            logger.LogError(e, "Snapshot {Id} of {Camera}: analysis failed ({Next})", snapshot.Id, snapshot.CameraCode,
                again ? "will be tried again" : $"given up after {SnapshotAnalysisQueue.MaxAttempts} attempts");
            return !again;
        }
    }

    /// <summary>
    /// The view check of a snapshot due one. An in-store camera that was re-aimed (an admin took a new reference view),
    /// knocked (its camera raised it as moved) or knocked back (moved cleared) learns its scene again: the perspective it
    /// counts by is another view's.
    /// </summary>
    private async Task CheckView(PeopleAnalyzers analyzers, ICameraGrain camera, SnapshotAnalysisQueue.Claimed snapshot, CameraKind kind, DateTime captured,
        FrameSignature view)
    {
        var (check, reaimed) = await viewWatch.Check(snapshot.CameraCode, snapshot.Id, captured, view);
        var changed = check is null ? [] : await ReportView(camera, check);
        if (kind != CameraKind.Interior || !(reaimed || changed.Contains(ViewFault.Moved))) return;
        logger.LogInformation("Camera {Camera} was {How}: its scene is learned again", snapshot.CameraCode, reaimed ? "re-aimed" : "moved");
        await analyzers.ForgetScene(snapshot.CameraCode);
    }

    /// <summary>
    /// The faults the check raised or cleared. Best effort: the frame has reached the camera grain already, and trying the snapshot
    /// again for a view check would hand it the same frame twice; a missed check only delays a fault by one.
    /// </summary>
    private async Task<IReadOnlyList<ViewFault>> ReportView(ICameraGrain camera, ViewCheck check)
    {
        try
        {
            return await camera.ViewChecked(check);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            logger.LogWarning(e, "The view check of snapshot {Id} did not reach its camera: {Reason}", check.SnapshotId, e.Message);
            return [];
        }
    }

    /// <summary>Once per gallery attempt, not per waiting snapshot: the gallery logs the failure itself.</summary>
    private void LogGalleryWait(SkuGalleryUnavailable e)
    {
        if (e.RetryUtc == _galleryWaitLogged) return;
        _galleryWaitLogged = e.RetryUtc;
        logger.LogWarning("Shelf snapshots wait for the SKU gallery: {Reason}", e.Message);
    }

    /// <summary>
    /// The person detector assigned to this kind of camera in the back office (recognition models), at its recommended
    /// operating point; RTMDet-nano when none is assigned.
    /// </summary>
    private PersonDetectorOptions DetectorChosen(IReadOnlyList<RecognitionModels.Assignment> assignments, CameraKind kind)
    {
        var assigned = assignments.FirstOrDefault(a => a.CameraKind == kind.ToCode())?.ModelName;
        if (assigned is not null && PersonDetectorOptions.ModelNamed(assigned) is { } model)
            return PersonDetectorOptions.For(model);
        if (assigned is not null) logger.LogWarning("{Kind} model '{Model}' is not a person detector; using RTMDet-nano", kind.ToCode(), assigned);
        return new PersonDetectorOptions();
    }

    /// <summary>
    /// What the per-image detail shows: each box with its score and track id; for an in-store camera also whether it
    /// was counted (inside the camera's counting area) and how many were.
    /// </summary>
    private static string Describe(string model, AnalysedFrame frame, IReadOnlyList<TrackedBox> tracks, bool interior) =>
        JsonSerializer.Serialize(new
        {
            model,
            width = frame.Width,
            height = frame.Height,
            count = frame.People.Count,
            counted = interior ? frame.People.Where((_, i) => Counted(tracks, i)).Count() : (int?)null,
            people = frame.People.Select((p, i) => new
            {
                box = new[] { MathF.Round(p.X1, 1), MathF.Round(p.Y1, 1), MathF.Round(p.X2, 1), MathF.Round(p.Y2, 1) },
                score = MathF.Round(p.Score, 3),
                track = i < tracks.Count ? tracks[i].TrackId : 0,
                counted = interior ? Counted(tracks, i) : (bool?)null,
                age = p.AgeBand ?? "unknown",
                gender = p.Gender ?? "unknown",
            }),
        }, OmitNulls);

    private static readonly JsonSerializerOptions OmitNulls = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    // The camera grain says which boxes it counted; a box it did not return (an unbound camera returns none) was not.
    private static bool Counted(IReadOnlyList<TrackedBox> tracks, int i) => i < tracks.Count && tracks[i].Counted;
}
