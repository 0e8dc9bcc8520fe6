namespace SmartStore.Grains;

/// <summary>Where a camera grain writes down when it went offline or had a view fault, and when that ended (设备运维 history).</summary>
public interface ICameraIncidentLog
{
    /// <param name="kind">"offline", or a view fault's code.</param>
    Task Opened(string cameraCode, string kind, DateTime sinceUtc);

    Task Closed(string cameraCode, string kind, DateTime endedUtc);
}
