using Orleans.Concurrency;
using SmartStore.Models;

namespace SmartStore.GrainInterfaces;

/// <summary>One camera, keyed by its code (e.g. <c>CAM-S0001-E1</c>). Owns liveness and, later, ingestion state.</summary>
public interface ICameraGrain : IGrainWithStringKey
{
    /// <summary>The camera proved it is alive (heartbeat or upload). Returns the status after the beat.</summary>
    Task<CameraStatus> Heartbeat(Heartbeat beat);

    Task<CameraStatus> GetStatus();

    /// <summary>The inbox stored a snapshot from this camera (acknowledged already); an upload also proves the camera alive.</summary>
    Task SnapshotAccepted(SnapshotReceipt receipt);

    /// <summary>An upload or login of this camera was refused; counted by reason.</summary>
    Task UploadRejected(string reason, string detail, DateTime atUtc);

    Task<CameraIngestion> GetIngestion();

    /// <summary>
    /// Analysis of one of this camera's snapshots (in capture order): an entrance camera tracks the people and
    /// reports door crossings to its store, an interior camera reports its head count. Returns each box's track id.
    /// </summary>
    Task<IReadOnlyList<TrackedBox>> FrameAnalysed(AnalysedFrame frame);

    /// <summary>Which preset a shelf snapshot shows: the number its file name carries, else the patrol schedule at its capture time.</summary>
    Task<int?> PresetOf(DateTime capturedUtc, int? presetFromName);

    /// <summary>
    /// A health check of one of this fixed camera's snapshots against its reference view (in capture order). Returns the
    /// faults it raised or cleared (none when nothing changed), so the worker can act on a camera that moved, or moved back.
    /// </summary>
    Task<IReadOnlyList<ViewFault>> ViewChecked(ViewCheck check);

    /// <summary>The view faults raised now (blocked, moved …), each since when and with its latest evidence.</summary>
    Task<IReadOnlyList<ActiveViewFault>> GetViewFaults();

    /// <summary>A new reference view was taken (the camera re-aimed on purpose): faults raised against the old one are cleared.</summary>
    Task ViewReferenceTaken();

    /// <summary>Master data changed (binding, kind): forget cached profile and re-read it.</summary>
    Task RefreshProfile();

    /// <summary>
    /// The camera's store changed its master data (opening hours, time zone, region). One-way: the camera re-reads its
    /// profile and announces its status to the store, which would deadlock if the store waited for it.
    /// </summary>
    [OneWay]
    Task StoreChanged();
}
