namespace SmartStore.Grains.Traffic;

/// <summary>
/// Where an entrance camera's frames stand: the newest snapshot uploaded and the newest one analysed, and when
/// either last happened (wall clock). The camera is quiet once every upload has been analysed and nothing has
/// moved for a while; a backlog in analysis is not quiet, however old its frames are — unless nothing has moved
/// for <see cref="LongestWait"/>: an upload whose analysis failed for good never arrives, and must not keep the
/// last tracks open until the next frame.
/// </summary>
public readonly record struct EntranceFeedProgress(long NewestUploaded, long NewestAnalysed, DateTime LastActivityUtc)
{
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    public EntranceFeedProgress Uploaded(long snapshotId, DateTime nowUtc) =>
        this with { NewestUploaded = Math.Max(NewestUploaded, snapshotId), LastActivityUtc = nowUtc };

    public EntranceFeedProgress Analysed(long snapshotId, DateTime nowUtc) =>
        this with { NewestAnalysed = Math.Max(NewestAnalysed, snapshotId), LastActivityUtc = nowUtc };

    public bool QuietFor(TimeSpan gap, DateTime nowUtc) =>
        nowUtc - LastActivityUtc > (NewestAnalysed >= NewestUploaded ? gap : LongestWait);
}
