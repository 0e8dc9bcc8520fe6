using SmartStore.Grains;
using SmartStore.Storage;

namespace SmartStore.Silo.Analysis;

/// <summary>The camera grains' incident history, in PostgreSQL.</summary>
public sealed class CameraIncidentLog(CameraIncidents incidents) : ICameraIncidentLog
{
    public Task Opened(string cameraCode, string kind, DateTime sinceUtc) => incidents.Open(cameraCode, kind, sinceUtc);

    public Task Closed(string cameraCode, string kind, DateTime endedUtc) => incidents.Close(cameraCode, kind, endedUtc);
}
