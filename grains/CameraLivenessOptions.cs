namespace SmartStore.Grains;

/// <summary>When a silent camera counts as offline. Bound from configuration section <c>CameraLiveness</c>.</summary>
public sealed class CameraLivenessOptions
{
    /// <summary>Silence during opening hours after which a camera is offline.</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an active camera grain checks its silence (cheap, in memory).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Reminder period that wakes a deactivated or restarted camera grain to check its silence.
    /// Orleans reminders are durable but coarse (one minute at least).
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
