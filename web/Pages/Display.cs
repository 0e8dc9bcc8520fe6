using System.Globalization;
using Microsoft.AspNetCore.Html;
using SmartStore.Models;
using SmartStore.Web.Api;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Pages;

/// <summary>Small pieces of markup the back-office pages share.</summary>
public static class Display
{
    /// <summary>A UTC instant; js/local-time.js rewrites it in the reader's own time zone and language.</summary>
    public static IHtmlContent Time(DateTime? utc)
    {
        if (utc is null) return new HtmlString("<span class=\"muted\">—</span>");
        var value = DateTime.SpecifyKind(utc.Value, DateTimeKind.Utc);
        return new HtmlString($"<time datetime=\"{value:yyyy-MM-ddTHH:mm:ssZ}\">{value:yyyy-MM-dd HH:mm} UTC</time>");
    }

    public static string RegionName(Region? region, string code) =>
        region is null ? code : UiText.IsChinese || region.NameEn.Length == 0 ? region.Name : region.NameEn;

    /// <summary>A code word from the audit log in the reader's language ("act.create" → 新建); unknown words stay as they are.</summary>
    public static string Word(string group, string code)
    {
        var key = $"{group}.{code}";
        var word = UiText.T(key);
        return word == key ? code : word;
    }

    /// <summary>
    /// What a view check measured, in the reader's language, from the fault's figures (<see cref="ViewFault"/> names them);
    /// the check's English evidence for a fault kept before it had figures.
    /// </summary>
    public static string FaultEvidence(ActiveViewFault fault)
    {
        var figures = fault.Figures;
        var key = (fault.Fault, figures?.Count) switch
        {
            (ViewFault.Blocked, 2) => "blocked-aligned",
            (ViewFault.Blocked or ViewFault.OutOfFocus, 1) or (ViewFault.Moved, 4) or (ViewFault.TooDark or ViewFault.Overexposed or ViewFault.Frozen, 2) => fault.Fault.ToCode(),
            _ => null,
        };
        if (key is null) return fault.Evidence;
        // How far, not which way: the advice says to turn it back, and the picture shows where it looks.
        var shown = figures!.Select(v => fault.Fault == ViewFault.Moved ? Math.Abs(v) : v).Cast<object>().ToArray();
        return string.Format(CultureInfo.CurrentCulture, UiText.T("faultEvidence." + key), shown);
    }

    /// <summary>
    /// Why a store looks closed, in the reader's language, at the store's own clock: since when nobody came in, how many
    /// walked past, the day's entry rate, and how rarely an open store sees that; and when the next customer came.
    /// </summary>
    public static string Closure(StoreClosure closure, TimeZoneInfo zone)
    {
        string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        var text = string.Format(CultureInfo.CurrentCulture, UiText.T("looksClosedSince"), Local(closure.SinceUtc), closure.PassersBy, closure.EntryRate, OneIn(closure.Chance));
        return closure.ReopenedUtc is { } reopened ? text + " " + string.Format(UiText.T("closureReopened"), Local(reopened)) : text;
    }

    /// <summary>A small chance as "1/120,000": two significant figures of its inverse, which reads better than 0.0008 %.</summary>
    private static string OneIn(double chance)
    {
        var inverse = 1 / Math.Max(chance, 1e-12);
        var unit = Math.Pow(10, Math.Max(0, Math.Floor(Math.Log10(inverse)) - 1));
        return "1/" + (Math.Round(inverse / unit) * unit).ToString("N0", CultureInfo.CurrentCulture);
    }

    /// <summary>
    /// 迷你图: a small line of a few values (months of entry rate) drawn on the server, so a table of a hundred stores needs no
    /// script; a month without a value breaks the line.
    /// </summary>
    public static IHtmlContent Sparkline(IReadOnlyList<double?> values)
    {
        const double Width = 90, Height = 24, Pad = 2;
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (known.Count == 0) return new HtmlString("<span class=\"muted\">—</span>");
        double low = known.Min(), high = known.Max(), span = high - low;
        double X(int i) => values.Count == 1 ? Width / 2 : Pad + i * (Width - 2 * Pad) / (values.Count - 1);
        double Y(double v) => span == 0 ? Height / 2 : Height - Pad - (v - low) / span * (Height - 2 * Pad);
        var runs = new List<List<string>> { new() };
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v) runs[^1].Add(FormattableString.Invariant($"{X(i):0.#},{Y(v):0.#}"));
            else if (runs[^1].Count > 0) runs.Add([]);
        }
        var lines = string.Concat(runs.Where(r => r.Count > 0).Select(r => r.Count == 1
            ? $"<circle cx=\"{r[0].Split(',')[0]}\" cy=\"{r[0].Split(',')[1]}\" r=\"2.5\" />"
            : $"<polyline points=\"{string.Join(' ', r)}\" />"));
        return new HtmlString($"<svg class=\"spark\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\">{lines}</svg>");
    }

    /// <summary>"每周一,二,三" / "Mon, Tue, Wed", or every day.</summary>
    public static string Days(Weekdays days)
    {
        if (days == Weekdays.Every) return UiText.T("everyDay");
        var names = UiText.T("weekdaysShort").Split(',');
        var chosen = Enumerable.Range(0, 7).Where(i => ((int)days & (1 << i)) != 0).Select(i => names[i]);
        return UiText.T("weekPrefix") + string.Join(UiText.IsChinese ? "," : ", ", chosen);
    }

    /// <summary>What an account or API key may see: the whole chain, its regions (by name, and any stores beside them) or its stores.</summary>
    public static string ScopeText(AccessScope scope, IReadOnlyList<Region> regions) => scope.Role switch
    {
        Role.RegionManager => string.Join(", ", scope.RegionCodes.Select(c => RegionName(regions.FirstOrDefault(r => r.Code == c), c)).Concat(scope.StoreCodes)),
        Role.StoreManager => string.Join(", ", scope.StoreCodes),
        _ => UiText.T("wholeChain"),
    };

    /// <summary>Sentences run together as the language writes them: Chinese ones end in "。" and need no space between.</summary>
    public static string Sentences(params string[] sentences) => string.Join(UiText.IsChinese ? "" : " ", sentences);

    /// <summary>A relative change with an arrow, "↑12%" / "↓80%" ("+" would reach the page as an entity), or "—".</summary>
    public static string Change(double? change) => change switch
    {
        null => "—",
        > 0 => "↑" + change.Value.ToString("0%", CultureInfo.InvariantCulture),
        < 0 => "↓" + (-change.Value).ToString("0%", CultureInfo.InvariantCulture),
        _ => "0%",
    };

    /// <summary>A size as a disk's owner reads it: "850 KB", "12.4 MB", "3.1 GB" (powers of 1,024; negative shown as its size).</summary>
    public static string Size(long bytes)
    {
        var size = Math.Abs((double)bytes);
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        var unit = 0;
        while (size >= 1024 && unit < units.Length - 1) { size /= 1024; unit++; }
        return size.ToString(unit == 0 || size >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>How long a log keeps its entries, naming the setting that decides it: "条目保留 1095 天，之后自动删除（Audit__KeepLogFor）。".</summary>
    public static string LogKept(TimeSpan keep, string setting) =>
        string.Format(UiText.T(keep > TimeSpan.Zero ? "logKeptFor" : "logKeptForever"), keep > TimeSpan.Zero ? Duration(keep) : "", setting);

    /// <summary>A span as people say it: "3 分钟", "2 小时 5 分钟", "1 天 4 小时".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return UiText.T("underAMinute");
        var parts = new List<string>();
        if (span.Days > 0) parts.Add(string.Format(UiText.T("nDays"), span.Days));
        if (span.Hours > 0) parts.Add(string.Format(UiText.T("nHours"), span.Hours));
        if (span.Days == 0 && span.Minutes > 0) parts.Add(string.Format(UiText.T("nMinutes"), span.Minutes));
        return string.Join(" ", parts);
    }

    /// <summary>What a browser's user agent says it runs on, in a few words ("Android · Chrome"); the whole string is the title.</summary>
    public static string Device(string userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "—";
        string[] systems = ["iPhone", "iPad", "Android", "Windows", "Mac OS", "Linux"];
        string[] browsers = ["MicroMessenger", "Edg", "Firefox", "Chrome", "Safari"];
        var system = systems.FirstOrDefault(s => userAgent.Contains(s, StringComparison.Ordinal)) ?? "";
        var browser = browsers.FirstOrDefault(b => userAgent.Contains(b + "/", StringComparison.Ordinal)) switch
        {
            "MicroMessenger" => UiText.T("wechat"),
            "Edg" => "Edge",
            { } b => b,
            null => userAgent.Split('/')[0],
        };
        return system.Length == 0 ? browser : $"{system} · {browser}";
    }

    /// <summary>A store's hours today on its own clock ("10:00–22:00", or closed), special hours included; 筹备中 / 已闭店 before it opens or once it has closed for good.</summary>
    public static string HoursToday(Store store) =>
        Stage(store) is var stage && stage != StoreStage.Trading ? UiText.T("stage." + stage.ToCode()) : Hours(store.OpeningHours.On(StoreToday(store)));

    /// <summary>Where the store stands on its own today: being prepared, trading, or closed for good.</summary>
    public static StoreStage Stage(Store store) => store.OpeningHours.StageOn(StoreToday(store));

    /// <summary>The store's opening day while it is ahead ("将于 2026-12-20 开业"); null once open, or with none set.</summary>
    public static string? Opening(Store store) => Opening(store.OpeningHours, StoreToday(store));

    private static string? Opening(OpeningHours hours, DateOnly day) => hours.StageOn(day) == StoreStage.Preparing && hours.OpensFrom is { } date
        ? string.Format(UiText.T("opensOnText"), date.ToString("yyyy-MM-dd")) : null;

    /// <summary>A store as a list of stores to choose from names it: "贵阳喷水池店（已闭店）" once closed for good, its history still there to report on.</summary>
    public static string StoreChoice(Store store) => ClosedDown(store) ? $"{store.Name}{(UiText.IsChinese ? "（" : " (")}{UiText.T("closedDown")}{(UiText.IsChinese ? "）" : ")")}" : store.Name;

    /// <summary>Whether the store has closed for good by its own today (闭店).</summary>
    public static bool ClosedDown(Store store) => Stage(store) == StoreStage.ClosedDown;

    /// <summary>
    /// The store's closing for good, as its page and the store list say it: "已于 2026-12-01 闭店" once in effect, "将于
    /// 2026-12-31 闭店" while planned; null while it trades with none planned.
    /// </summary>
    public static string? Closing(Store store) => Closing(store.OpeningHours, StoreToday(store));

    private static string? Closing(OpeningHours hours, DateOnly day) => hours.ClosedFrom is not { } date ? null
        : string.Format(UiText.T(hours.ClosedDownBy(day) ? "closedDownOn" : "closingOn"), date.ToString("yyyy-MM-dd"));

    /// <summary>A day's hours: "10:00–22:00", or closed.</summary>
    public static string Hours(DayHours day) => day.Closed ? UiText.T("closedDay") : $"{ClockText.Of(day.Open)}–{ClockText.Of(day.Close)}";

    /// <summary>
    /// Why a store is not open now, on its own clock: "10:00 开门" before today's hours, "已打烊" after them, "今日不营业" on a
    /// closed day, "将于 12-20 开业" before its opening day; null while it is open. A phone's 0 entries at 08:30 is then a store not yet open, not a broken count.
    /// </summary>
    public static string? NotOpenNow(Store store, DateTime utcNow)
    {
        var local = LocalNow(store, utcNow);
        if (store.OpeningHours.IsOpenAt(local)) return null;
        // Not a day off: a store being fitted out says when it opens, one closed for good that it has.
        var (hours, day) = (store.OpeningHours, DateOnly.FromDateTime(local));
        switch (hours.StageOn(day))
        {
            case StoreStage.Preparing: return Opening(hours, day);
            case StoreStage.ClosedDown: return Closing(hours, day);
        }
        return store.OpeningHours.SpanOn(DateOnly.FromDateTime(local)) switch
        {
            { } today when local < today.Open => string.Format(UiText.T("opensAt"), ClockText.Of(TimeOnly.FromDateTime(today.Open))),
            not null => UiText.T("closedForTheDay"),
            null => UiText.T("notOpenToday"),
        };
    }

    private static DateTime LocalNow(Store store, DateTime utcNow) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), StoreTimeZones.Find(store.TimeZone));

    /// <summary>
    /// How many of <paramref name="stores"/> are open now by their hours, and when the next of them opens or closes: what
    /// the board, the wall screen and <c>/m</c> say at night ("营业中 0 / 30"), and when they read it again.
    /// </summary>
    public static (int Open, DateTime? NextChangeUtc) OpenNow(IReadOnlyCollection<Store> stores, DateTime utcNow) =>
        (stores.Count(s => s.OpeningHours.IsOpenAt(LocalNow(s, utcNow))), NextOpenOrClose(stores, utcNow));

    /// <summary>The first instant any of <paramref name="stores"/> opens or closes (see the one-store overload).</summary>
    public static DateTime? NextOpenOrClose(IEnumerable<Store> stores, DateTime utcNow) => stores.Select(s => NextOpenOrClose(s, utcNow)).Min();

    /// <summary>
    /// The next instant (UTC) within a week the store opens or closes, midnight included for a store open round the clock:
    /// when what <see cref="NotOpenNow"/> says changes, for a page left open across it. Null: neither within a week.
    /// </summary>
    public static DateTime? NextOpenOrClose(Store store, DateTime utcNow)
    {
        var zone = StoreTimeZones.Find(store.TimeZone);
        var today = StoreTimeZones.DayOf(utcNow, zone);
        // From yesterday: a span that began then may close after midnight.
        return Enumerable.Range(-1, 9).Select(d => store.OpeningHours.SpanOn(today.AddDays(d))).OfType<(DateTime Open, DateTime Close)>()
            .SelectMany(span => new[] { span.Open, span.Close }).Select(local => StoreTimeZones.ToUtc(local, zone))
            .Where(utc => utc > utcNow).Order().Select(utc => (DateTime?)utc).FirstOrDefault();
    }

    private static DateOnly StoreToday(Store store) => StoreTimeZones.DayOf(DateTime.UtcNow, StoreTimeZones.Find(store.TimeZone));

    /// <summary>
    /// A store's special hours in effect or starting within <paramref name="withinDays"/> days (its own clock), earliest
    /// first: what a store manager must know of head office's holiday hours before the day.
    /// </summary>
    public static IReadOnlyList<OpeningException> SpecialAhead(Store store, int withinDays)
    {
        var today = StoreToday(store);
        return (store.OpeningHours.Exceptions ?? []).Where(e => e.To >= today && e.From.DayNumber - today.DayNumber <= withinDays).OrderBy(e => e.From).ToList();
    }

    /// <summary>"春节 02-06–02-12 每天 10:00–16:00", "除夕 02-05 休息"; with the year, "春节 2027-02-06–2027-02-12 …".</summary>
    public static string Special(OpeningException range, bool withYear = false)
    {
        var format = withYear ? "yyyy-MM-dd" : "MM-dd";
        var dates = range.From == range.To ? range.From.ToString(format) : $"{range.From.ToString(format)}–{range.To.ToString(format)}";
        var days = range.Days is Weekdays.Every or Weekdays.None ? "" : Days(range.Days) + " ";
        return $"{range.Reason} {dates} {days}{Hours(range.Hours)}".Trim();
    }

    /// <summary>An instant on its store's clock (inspection pictures, to-dos: what the store saw then).</summary>
    public static string Local(DateTime utc, string timeZone, string format = "HH:mm") =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), StoreTimeZones.Find(timeZone)).ToString(format);

    public static string Label(DictionaryEntry? entry, string code) =>
        entry is null ? code : UiText.IsChinese ? entry.Label : entry.LabelEn;
}

/// <summary>A credential shown exactly once, right after it was issued (labels default to a camera's FTP user and secret).</summary>
public sealed record SecretShown(string Title, string? User, string Secret, string? UserLabel = null, string? SecretLabel = null, string? Warning = null);

/// <summary>The bulk-import card of the store and SKU pages and what the last upload did.</summary>
/// <param name="ChangeOption">Offered where a sheet may also change existing records: the words of the box that asks for it.</param>
/// <param name="Export">Where the records can be had as a sheet in these columns, to change and send back.</param>
public sealed record ImportCard(string Title, string Columns, string Example, ImportOutcome? Outcome, string? Failure, string? ChangeOption = null,
    ImportCard.ExportLink? Export = null)
{
    public sealed record ExportLink(string Href, string Text, string Hint);
}
