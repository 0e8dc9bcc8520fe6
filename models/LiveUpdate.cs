namespace SmartStore.Models;

/// <summary>
/// A grain state change that live dashboards care about. Carries the store and region so the
/// web relay can route it to the SignalR groups the viewer's scope allows, without a lookup.
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.LiveUpdate")]
public sealed record LiveUpdate(
    [property: Id(0)] string Topic,
    [property: Id(1)] string? StoreCode,
    [property: Id(2)] string? RegionCode,
    [property: Id(3)] CameraStatus? Camera,
    [property: Id(4)] DateTime AtUtc,
    [property: Id(5)] long? SnapshotId = null,
    [property: Id(6)] TrafficCounters? Traffic = null,
    [property: Id(7)] double? Compliance = null,
    [property: Id(8)] StoreClosure? LooksClosed = null)
{
    public const string StoreShelfTopic = "store-shelf";

    /// <summary>A store's shelf snapshot changed; carries its compliance rate for boards.</summary>
    public static LiveUpdate ForShelf(string storeCode, string? regionCode, double? compliance, DateTime atUtc) =>
        new(StoreShelfTopic, storeCode, regionCode, null, atUtc, null, null, compliance);

    public const string StoreTrafficTopic = "store-traffic";

    /// <summary>
    /// A store's foot-traffic counters changed; sent to viewers of the store, its region and head office, with the closure
    /// raised now if the store looks closed during its opening hours.
    /// </summary>
    public static LiveUpdate ForTraffic(string storeCode, string? regionCode, TrafficCounters today, DateTime atUtc, StoreClosure? looksClosed = null) =>
        new(StoreTrafficTopic, storeCode, regionCode, null, atUtc, null, today, null, looksClosed);

    public const string InspectionPictureTopic = "inspection-picture";

    /// <summary>A scheduled inspection picture was taken (定时抓拍): reviewers' pages and phones show it without a reload.</summary>
    public static LiveUpdate ForInspectionPicture(InspectionPicture picture, DateTime atUtc) =>
        new(InspectionPictureTopic, picture.StoreCode, picture.RegionCode, null, atUtc, picture.SnapshotId);

    public const string StoreTodosTopic = "store-todos";

    /// <summary>A to-do of the store was raised or done (待办): its manager's phone and page, and the reviewers', show it without a reload.</summary>
    public static LiveUpdate ForTodos(string storeCode, string? regionCode, DateTime atUtc) => new(StoreTodosTopic, storeCode, regionCode, null, atUtc);

    public const string CameraStatusTopic = "camera-status";
    public const string CameraSnapshotTopic = "camera-snapshot";

    public static LiveUpdate ForCamera(CameraStatus status, DateTime atUtc) =>
        new(CameraStatusTopic, status.StoreCode, status.RegionCode, status, atUtc);

    /// <summary>A new snapshot stored for the camera: for viewers of that camera only, not the whole chain.</summary>
    public static LiveUpdate ForSnapshot(CameraStatus status, long snapshotId, DateTime atUtc) =>
        new(CameraSnapshotTopic, status.StoreCode, status.RegionCode, status, atUtc, snapshotId);
}
