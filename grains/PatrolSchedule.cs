using SmartStore.Models;

namespace SmartStore.Grains;

/// <summary>
/// A PTZ dome's patrol: every <c>cadence</c> minutes (counted from store-local midnight) it visits its presets
/// in patrol order, dwelling <see cref="Dwell"/> at each. Tells which preset a snapshot shows from its capture
/// time, when the file name does not say.
/// </summary>
public sealed class PatrolSchedule(IReadOnlyList<CameraPreset> presets, int cadenceMinutes)
{
    public static readonly TimeSpan Dwell = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<CameraPreset> _order = presets.OrderBy(p => p.PatrolOrder).ToList();

    /// <summary>The preset in view at <paramref name="localTime"/> (store-local), or null between patrols.</summary>
    public int? PresetAt(DateTime localTime)
    {
        if (_order.Count == 0 || cadenceMinutes <= 0) return null;
        var cadence = TimeSpan.FromMinutes(cadenceMinutes);
        var intoCycle = TimeSpan.FromTicks(localTime.TimeOfDay.Ticks % cadence.Ticks);
        var step = (int)(intoCycle / Dwell);
        return step < _order.Count ? _order[step].Number : null;
    }
}
