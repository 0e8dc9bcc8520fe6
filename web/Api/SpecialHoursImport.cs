using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// 节假日营业时间 from a sheet: one row per store and range, as a chain collects each mall's own holiday hours in Excel.
/// Every row is checked against the same rules as the form; one bad row imports nothing.
/// </summary>
public sealed class SpecialHoursImport(StoreRepository stores, SpecialHoursDesk desk)
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["门店编码"] = "store", ["门店"] = "store", ["code"] = "store", ["原因"] = "reason", ["开始日期"] = "from", ["开始"] = "from",
        ["结束日期"] = "to", ["结束"] = "to", ["星期"] = "weekdays", ["开门"] = "open", ["关门"] = "close", ["休息"] = "closed",
    };

    public const string Columns = "store, reason, from, to, weekdays, open, close, closed";

    public Task<ImportOutcome> Import(HttpRequest request, string actor) => Import(BulkImport.Read(request, Headers), actor);

    public Task<ImportOutcome> Import(IFormFile file, string actor) => Import(BulkImport.Read(file, Headers), actor);

    private async Task<ImportOutcome> Import(Task<BulkImport.Sheet> reading, string actor)
    {
        var sheet = await reading;
        if (sheet.Error is not null) return ImportOutcome.Unreadable(sheet.Error);
        var known = (await stores.RegionOfEach()).Keys.ToHashSet();
        var errors = new RowErrors();
        var rows = new List<(string Store, OpeningException Range)>();
        for (var i = 0; i < sheet.Rows.Count; i++)
            if (Check(sheet.Rows[i], i, known, errors) is { } row)
            {
                if (rows.Any(r => r.Store == row.Store && r.Range.SameEntry(row.Range)))
                    errors.Add(i, $"store '{row.Store}' has '{row.Range.Reason}' on these dates and weekdays twice in the file.",
                        $"门店“{row.Store}”的“{row.Range.Reason}”在文件中出现了两次（日期和星期相同）。");
                else rows.Add(row);
            }
        if (errors.All.Count > 0) return new ImportOutcome([], errors.All, null);
        return new ImportOutcome(await desk.SetEach(rows, actor), [], null);
    }

    private static (string Store, OpeningException Range)? Check(IReadOnlyDictionary<string, string> row, int index, IReadOnlySet<string> known,
        RowErrors errors)
    {
        var code = row.Get("store");
        var closed = BulkImport.YesOrNo(row.Get("closed"));
        if (closed is null) errors.Add(index, $"closed '{row.Get("closed")}' must be yes or no.", $"休息“{row.Get("closed")}”须为 是 或 否。");
        var days = Weekdays(row.Get("weekdays"));
        if (days is null) errors.Add(index, $"weekdays '{row.Get("weekdays")}' must be days like 1-5, 6,7 or 一至五 (empty: every day).",
            $"星期“{row.Get("weekdays")}”须为 1-5、6,7 或 一至五 这样的写法（空为每天）。");
        var (range, fieldErrors) = new SpecialHoursInput(row.Get("reason"), row.Get("from"), row.Get("to"), days ?? [], row.Get("open"), row.Get("close"),
            closed ?? false, null, null, null).Check();
        errors.AddAll(index, fieldErrors);
        if (code is null) errors.Add(index, "store is required.", "请填写门店编码。");
        else if (!known.Contains(code)) errors.Add(index, $"store '{code}' does not exist.", $"门店“{code}”不存在。");
        return range is not null && code is not null && known.Contains(code) && closed is not null && days is not null ? (code, range) : null;
    }

    /// <summary>The chain's entries as a sheet this import reads back: one row per store and range, by store then date.</summary>
    public static async Task<byte[]> Sheet(IReadOnlyList<SpecialHoursGroup> groups, CancellationToken cancellationToken) =>
        await Workbook.Save(new Dictionary<string, object>
        {
            ["special-hours"] = groups.SelectMany(g => g.Stores.Select(store => (Store: store, g.Range)))
                .OrderBy(r => r.Store, StringComparer.Ordinal).ThenBy(r => r.Range.From)
                .Select(r => new Dictionary<string, object?>
                {
                    ["门店编码"] = r.Store, ["原因"] = r.Range.Reason, ["开始日期"] = r.Range.From.ToString("yyyy-MM-dd"), ["结束日期"] = r.Range.To.ToString("yyyy-MM-dd"),
                    ["星期"] = DaysText(r.Range.Days), ["开门"] = r.Range.Hours.Closed ? "" : r.Range.Hours.Open.ToString("HH:mm"),
                    ["关门"] = r.Range.Hours.Closed ? "" : r.Range.Hours.Close.ToString("HH:mm"), ["休息"] = r.Range.Hours.Closed ? "是" : "否",
                }).ToList(),
        }, cancellationToken);

    /// <summary>ISO day numbers with runs as ranges ("1-5", "1-3,6"); every day empty, as the import reads it.</summary>
    private static string DaysText(Weekdays days)
    {
        if (days is Models.Weekdays.Every or Models.Weekdays.None) return "";
        var runs = new List<(int First, int Last)>();
        foreach (var d in days.IsoDays())
            if (runs.Count > 0 && runs[^1].Last == d - 1) runs[^1] = (runs[^1].First, d);
            else runs.Add((d, d));
        return string.Join(",", runs.Select(r => r.First == r.Last ? $"{r.First}" : $"{r.First}-{r.Last}"));
    }

    private const string ChineseDays = "一二三四五六日";

    /// <summary>"1-5", "6,7", "一至五", "周六、周日" as ISO day numbers; empty or 每天 is every day (none); null when not days.</summary>
    private static List<int>? Weekdays(string? text)
    {
        var days = new List<int>();
        if (text?.Trim() is "每天" or "每日" or "every day") return days;
        foreach (var part in (text ?? "").Replace("星期", "").Replace("周", "").Replace("天", "日")
                     .Split([',', '，', '、', ';', ' ', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split(['-', '~', '至', '–'], StringSplitOptions.RemoveEmptyEntries).Select(Day).ToList();
            if (ends.Count is < 1 or > 2 || ends.Any(d => d is null) || ends[^1] < ends[0]) return null;
            for (var d = ends[0]!.Value; d <= ends[^1]!.Value; d++) days.Add(d);
        }
        return days;
    }

    private static int? Day(string text) =>
        int.TryParse(text, out var n) && n is >= 1 and <= 7 ? n : text.Length == 1 && ChineseDays.Contains(text[0]) ? ChineseDays.IndexOf(text[0]) + 1 : null;
}
