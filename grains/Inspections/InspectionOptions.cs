namespace SmartStore.Grains.Inspections;

/// <summary>Setting section Inspections.</summary>
public sealed class InspectionOptions
{
    /// <summary>
    /// How long after the due time a camera's upload still counts as the task's picture (a camera uploading every
    /// second gives one at once; one on a 10-minute patrol within it). Past it, the picture is missed.
    /// </summary>
    public TimeSpan CaptureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the schedule looks for what fell due (an Orleans reminder: one minute at the least).</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromMinutes(1);
}
