using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>
/// Read access to master data (system of record: PostgreSQL) for grains. The silo supplies the
/// implementation; grains never see SQL.
/// </summary>
public interface IMasterDataDirectory
{
    Task<CameraProfile?> FindCamera(string cameraCode, CancellationToken cancellationToken);

    Task<StoreProfile?> FindStore(string storeCode, CancellationToken cancellationToken);
}
