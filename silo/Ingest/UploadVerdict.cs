namespace SmartStore.Silo.Ingest;

/// <summary>Why an upload was refused; the name is what is counted on the camera and stored in ingest_rejections.</summary>
public enum UploadRejection
{
    NotJpeg,
    Truncated,
    Corrupt,
    TooLarge,
    TooManyPixels,
    Empty,
    UnknownCamera,
    WrongPassword,
    BadFileName,
    TransferAborted,
    /// <summary>The camera's store has closed for good (闭店): its pictures are of an empty shop.</summary>
    StoreClosedDown,
}

/// <summary>What the inbox did with an upload.</summary>
public sealed record UploadVerdict(bool Accepted, long SnapshotId, bool Duplicate, long Bytes, UploadRejection? Reason, string Detail)
{
    public static UploadVerdict Stored(long id, bool duplicate, long bytes) => new(true, id, duplicate, bytes, null, duplicate ? "already stored" : "stored");

    public static UploadVerdict Refused(UploadRejection reason, string detail) => new(false, 0, false, 0, reason, detail);
}
