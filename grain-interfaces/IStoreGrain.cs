using SmartStore.Models;

namespace SmartStore.GrainInterfaces;

/// <summary>One store, keyed by its code (e.g. <c>S0001</c>). Keeps the live status of its cameras.</summary>
public interface IStoreGrain : IGrainWithStringKey
{
    Task CameraStatusChanged(CameraStatus status);

    Task<IReadOnlyList<CameraStatus>> GetCameras();

    Task<CameraCounts> GetCameraCounts();
}
