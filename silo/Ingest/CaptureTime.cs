using SmartStore.Models;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartStore.Silo.Ingest;

/// <summary>
/// Reads the capture time cameras put in their file names, e.g. Hikvision's
/// <c>192.168.1.64_01_20240520101500123_MOTION_DETECTION.jpg</c> (yyyyMMddHHmmss + milliseconds) or
/// <c>20240520_101500.jpg</c>. Camera clocks run on store-local time, so the store's time zone converts it.
/// </summary>
public static partial class CaptureTime
{
    public static DateTime? FromFileName(string fileName, string timeZoneId)
    {
        var match = Stamp().Match(Path.GetFileName(fileName));
        if (!match.Success) return null;
        var digits = match.Groups["date"].Value + match.Groups["time"].Value;
        if (!DateTime.TryParseExact(digits, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        if (match.Groups["ms"].Success) local = local.AddMilliseconds(int.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture));
        var zone = StoreTimeZones.Find(timeZoneId);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    /// <summary>A PTZ preset number in the name, e.g. <c>..._P03_...</c> or <c>preset12.jpg</c>; two or three digits after P.</summary>
    public static int? PresetFromFileName(string fileName)
    {
        var match = Preset().Match(Path.GetFileName(fileName));
        return match.Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"(?i)(?:^|_)(?:P(?<n>[0-9]{2,3})|PRESET[_\-]?(?<n>[0-9]{1,3}))(?=[_.\-])")]
    private static partial Regex Preset();

    // 20xx date, optional separator, time; optional 3-digit milliseconds; not part of a longer number.
    [GeneratedRegex(@"(?<![0-9])(?<date>20[0-9]{6})[_\-T]?(?<time>[0-2][0-9][0-5][0-9][0-5][0-9])(?<ms>[0-9]{3})?(?![0-9])")]
    private static partial Regex Stamp();
}
