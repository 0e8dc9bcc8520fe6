using System.Globalization;

namespace SmartStore.Web.Pages;

/// <summary>
/// Times of a store's day as people type and read them: "09:30", and "24:00" for the end of the day (how a store open till
/// midnight, or round the clock, closes; stored as <see cref="TimeOnly.MaxValue"/>).
/// </summary>
public static class ClockText
{
    public const string EndOfDay = "24:00";

    public static TimeOnly? Parse(string? text) =>
        text?.Trim() == EndOfDay ? TimeOnly.MaxValue
        : TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static string Of(TimeOnly time) =>
        time == TimeOnly.MaxValue ? EndOfDay : time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}
