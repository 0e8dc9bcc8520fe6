using System.Text.RegularExpressions;
using SmartStore.Models;
using SmartStore.Web.Pages;

namespace SmartStore.Web.Api;

/// <summary>
/// A week's opening hours as one sheet cell (每周营业时间): "周一至周四 10:00-22:00；周五、周六 10:00-23:00；周日 休息" — what
/// the four hour cells cannot say (a day closed, late Fridays). Read back the same way, with 星期一 … and English day names
/// (Mon–Sun, "closed") too; days the cell does not name keep their hours.
/// </summary>
public static partial class WeeklyHoursText
{
    private static readonly string[] ChineseDays = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    private const string ClosedWord = "休息";

    /// <summary>The week, Monday first, runs of days with the same hours written once.</summary>
    public static string Of(IReadOnlyList<DayHours> week)
    {
        var parts = new List<string>();
        for (var first = 0; first < week.Count;)
        {
            var last = first;
            while (last + 1 < week.Count && Same(week[last + 1], week[first])) last++;
            var days = last == first ? ChineseDays[first]
                : last == first + 1 ? $"{ChineseDays[first]}、{ChineseDays[last]}" : $"{ChineseDays[first]}至{ChineseDays[last]}";
            parts.Add($"{days} {(week[first].Closed ? ClosedWord : $"{ClockText.Of(week[first].Open)}-{ClockText.Of(week[first].Close)}")}");
            first = last + 1;
        }
        return string.Join("；", parts);
    }

    /// <summary>Closed days are alike whatever times they were stored with.</summary>
    private static bool Same(DayHours a, DayHours b) => a.Closed ? b.Closed : a == b;

    /// <summary>The hours of the days the cell names (Monday = 0), or why it cannot be read, in English and Chinese.</summary>
    public static (IReadOnlyDictionary<int, DayHours>? Days, (string En, string Zh)? Problem) Read(string text)
    {
        var days = new Dictionary<int, DayHours>();
        foreach (var part in text.Split(['；', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Segment().Match(part);
            if (!match.Success || DaysOf(match.Groups["days"].Value) is not { } named || HoursOf(match.Groups["hours"].Value) is not { } hours)
                return (null, ($"weekly hours '{part}' must be days and hours like 周一至周五 10:00-22:00 or 周日 休息.",
                    $"每周营业时间“{part}”须为“周一至周五 10:00-22:00”或“周日 休息”这样的星期与时间。"));
            foreach (var day in named)
                if (!days.TryAdd(day, hours))
                    return (null, ($"weekly hours name {ChineseDays[day]} twice.", $"每周营业时间中{ChineseDays[day]}出现了两次。"));
        }
        return days.Count == 0 ? (null, ("weekly hours name no day.", "每周营业时间没有写星期。")) : (days, null);
    }

    /// <summary>"周一至周四", "周六、周日", "Mon-Fri", "星期日": the days named, a range wrapping past Sunday included.</summary>
    private static List<int>? DaysOf(string text)
    {
        var days = new List<int>();
        foreach (var item in text.Split(['、', ',', '，', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = item.Split(['至', '-', '–', '~', '～'], StringSplitOptions.TrimEntries).Select(Day).ToList();
            if (ends.Count > 2 || ends.Any(d => d is null)) return null;
            int from = ends[0]!.Value, to = ends[^1]!.Value;
            for (var day = from; ; day = (day + 1) % 7)
            {
                days.Add(day);
                if (day == to) break;
            }
        }
        return days.Count == 0 ? null : days;
    }

    private static int? Day(string word)
    {
        var w = word.Trim().ToLowerInvariant();
        if (w.StartsWith("星期", StringComparison.Ordinal)) w = "周" + w[2..];
        if (w is "周天") w = "周日";
        var chinese = Array.IndexOf(ChineseDays, w);
        if (chinese >= 0) return chinese;
        var english = Array.FindIndex(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], d => w.Length >= 3 && w.StartsWith(d, StringComparison.Ordinal));
        return english >= 0 ? english : null;
    }

    private static DayHours? HoursOf(string text)
    {
        if (text is ClosedWord || text.Equals("closed", StringComparison.OrdinalIgnoreCase)) return DayHours.ClosedAllDay;
        var ends = text.Split(['-', '–', '~', '～', '至'], StringSplitOptions.TrimEntries);
        return ends.Length == 2 && ClockText.Parse(ends[0]) is { } open && ClockText.Parse(ends[1]) is { } close ? new DayHours(open, close) : null;
    }

    /// <summary>The days, then (a space or none between) a pair of times or the word for closed.</summary>
    [GeneratedRegex(@"^(?<days>.+?)\s*(?<hours>\d{1,2}:\d{2}\s*[-–~～至]\s*\d{1,2}:\d{2}|休息|closed)$", RegexOptions.IgnoreCase)]
    private static partial Regex Segment();
}
