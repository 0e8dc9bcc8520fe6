namespace SmartStore.Vision.Intake;

public enum RejectionReason { Empty, TooLarge, NotJpeg, Corrupt, Truncated, TooManyPixels }

/// <summary>An upload the analysis pipeline will not look at; the reason is logged and counted on the camera.</summary>
public sealed class ImageRejectedException(RejectionReason reason, string detail)
    : Exception($"Image rejected ({reason}): {detail}")
{
    public RejectionReason Reason { get; } = reason;
}
