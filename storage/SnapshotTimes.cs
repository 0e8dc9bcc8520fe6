namespace SmartStore.Storage;

/// <summary>When a snapshot was taken, as far as SmartStore trusts the camera's clock.</summary>
public static class SnapshotTimes
{
    /// <summary>
    /// The capture time a camera names a file with is trusted only this close to when the file arrived: a camera with a
    /// wrong clock (a year off, or an hour in the future) would otherwise freeze its tracker and write into the wrong hours.
    /// </summary>
    public static readonly TimeSpan MaxCaptureSkew = TimeSpan.FromMinutes(10);

    /// <summary>The capture time to trust: the capture time unless it is unknown or further than the skew from the arrival.</summary>
    public static DateTime TrustedAt(DateTime receivedUtc, DateTime? capturedUtc)
    {
        var received = DateTime.SpecifyKind(receivedUtc, DateTimeKind.Utc);
        if (capturedUtc is not { } captured) return received;
        captured = DateTime.SpecifyKind(captured, DateTimeKind.Utc);
        return (captured - received).Duration() <= MaxCaptureSkew ? captured : received;
    }

    /// <summary>The same rule in SQL over the snapshots row <paramref name="s"/>.</summary>
    public static string TrustedAt(string s) =>
        $"CASE WHEN {s}.captured_at IS NOT NULL AND abs(extract(epoch FROM {s}.captured_at - {s}.received_at)) <= {MaxCaptureSkew.TotalSeconds} " +
        $"THEN {s}.captured_at ELSE {s}.received_at END";
}
