using SmartStore.Models;

namespace SmartStore.GrainInterfaces;

/// <summary>One camera, keyed by its code (e.g. <c>CAM-S0001-E1</c>). Owns liveness and, later, ingestion state.</summary>
public interface ICameraGrain : IGrainWithStringKey
{
    /// <summary>The camera proved it is alive (heartbeat or upload). Returns the status after the beat.</summary>
    Task<CameraStatus> Heartbeat(Heartbeat beat);

    Task<CameraStatus> GetStatus();

    /// <summary>Master data changed (binding, kind): forget cached profile and re-read it.</summary>
    Task RefreshProfile();
}
