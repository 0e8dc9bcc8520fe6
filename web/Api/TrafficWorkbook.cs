using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>A traffic report as an .xlsx workbook: the rows, the total, the comparison when asked for, and each store against its peers.</summary>
public static class TrafficWorkbook
{
    public static async Task<byte[]> Write(TrafficResult report, StoreBenchmarkResult standings, EntryRateTrend trend, CancellationToken cancellationToken)
    {
        var sheets = new Dictionary<string, object>
        {
            ["report"] = report.Rows.Select(r => Line(r, Label(r.Period, report.By))).ToList(),
            ["total"] = new[] { Line(report.Total, $"{report.From:yyyy-MM-dd} – {report.To:yyyy-MM-dd}") }
                .Concat(report.Comparison is { } c ? [Line(c.Total, $"{c.Kind}: {c.From:yyyy-MM-dd} – {c.To:yyyy-MM-dd}")] : [])
                .ToList(),
            // Every store covered, not only the page's first rows.
            ["stores"] = standings.Stores.Select(Standing).ToList(),
            ["entry-rate trend"] = trend.Stores.Select(t => Trend(t, trend.Months)).ToList(),
            ["receipts vs people"] = report.Mismatches.Select(m => new Dictionary<string, object?>
            {
                ["门店 store"] = m.StoreCode, ["时段 hour"] = m.HourLocal.ToString("yyyy-MM-dd HH:00"), ["类型 kind"] = m.Kind,
                ["进店 entries"] = m.Entries, ["小票数 receipts"] = m.Receipts,
            }).ToList(),
            // Last, so the sheets integrations already read keep their places.
            ["regions"] = RegionTraffic.Of(standings.Stores).Select(r => new Dictionary<string, object?>
            {
                ["大区 region"] = r.RegionCode, ["门店 stores"] = r.Stores, ["有客流门店 stores counted"] = r.StoresCounted,
                ["进店 entries"] = r.Entries, ["过店 passers-by"] = r.PassersBy, ["进店率 entry rate"] = r.EntryRate,
                ["独立访客 unique visitors"] = r.UniqueVisitors, ["店均日进店 entries a store a day"] = r.DailyEntriesPerStore,
                ["异常门店 stores flagged"] = r.StoresFlagged,
            }).ToList(),
        };
        return await Workbook.Save(sheets, cancellationToken);
    }

    private static string Label(DateTime period, string by) => by switch
    {
        "hour" => period.ToString("yyyy-MM-dd HH:00"),
        "month" => period.ToString("yyyy-MM"),
        _ => period.ToString("yyyy-MM-dd"),
    };

    /// <summary>A store's row of 进店率月度趋势: one column per month, its entry rate (blank: no traffic that month).</summary>
    private static Dictionary<string, object?> Trend(StoreTrend t, IReadOnlyList<DateOnly> months)
    {
        var row = new Dictionary<string, object?> { ["门店 store"] = t.Code, ["名称 name"] = t.Name };
        for (var i = 0; i < months.Count; i++) row[$"{months[i]:yyyy-MM} 进店率 entry rate"] = t.EntryRates[i];
        return row;
    }

    private static Dictionary<string, object?> Standing(StoreStanding s) => new()
    {
        ["门店 store"] = s.Code,
        ["名称 name"] = s.Name,
        ["大区 region"] = s.RegionCode,
        ["类型 type"] = s.Type,
        ["天数 days"] = s.Days,
        ["进店 entries"] = s.Entries,
        ["日均进店 entries a day"] = s.DailyEntries,
        ["同类日均 peers a day"] = s.Peers?.DailyEntries is { } d ? Math.Round(d, 1) : null,
        ["对标指数 vs peers"] = s.PeerIndex,
        ["进店率 entry rate"] = s.EntryRate,
        ["同类进店率 peers' entry rate"] = s.Peers?.EntryRate is { } r ? Math.Round(r, 4) : null,
        ["环比 vs period before"] = s.EntriesChange,
        ["疑似关门天数 days looked closed"] = s.ClosedDays,
        ["计数不全天数 days partly counted"] = s.PartlyCountedDays,
        ["营业时间外进店 off-hours entries"] = s.OffHoursEntries,
        ["提示 flags"] = string.Join(" ", s.Flags),
    };

    /// <summary>Column headers in both languages: the workbook goes to people who read either.</summary>
    private static Dictionary<string, object?> Line(TrafficRow r, string period) => new()
    {
        ["时段 period"] = period,
        ["进店 entries"] = r.Entries,
        ["出店 exits"] = r.Exits,
        ["过店 passers-by"] = r.PassersBy,
        ["进店率 entry rate"] = r.EntryRate,
        ["独立访客 unique visitors"] = r.UniqueVisitors,
        ["重复进店 repeats"] = r.Repeats,
        ["店员 staff"] = r.Staff,
        ["营业时间外进店 off-hours entries"] = r.OffHoursEntries,
        ["营业时间外过店 off-hours passers-by"] = r.OffHoursPassersBy,
        ["营业时间外出店 off-hours exits"] = r.OffHoursExits,
        ["平均店内人数 avg occupancy"] = r.AverageOccupancy,
        ["最高店内人数 max occupancy"] = r.MaxOccupancy,
        ["平均停留秒 avg dwell s"] = r.AverageDwellSeconds,
        ["停留<1分 dwell <1 min"] = r.DwellBuckets.ElementAtOrDefault(0),
        ["停留1-5分 1–5 min"] = r.DwellBuckets.ElementAtOrDefault(1),
        ["停留5-15分 5–15 min"] = r.DwellBuckets.ElementAtOrDefault(2),
        ["停留15-30分 15–30 min"] = r.DwellBuckets.ElementAtOrDefault(3),
        ["停留30-60分 30–60 min"] = r.DwellBuckets.ElementAtOrDefault(4),
        ["停留>60分 >60 min"] = r.DwellBuckets.ElementAtOrDefault(5),
        ["小票数 receipts"] = r.Receipts,
        ["小票金额 amount"] = r.Amount,
        ["成交率 conversion"] = r.Conversion,
        // Last, so integrations reading the columns by place keep them.
        ["营业时间外小票 off-hours receipts"] = r.OffHoursReceipts,
    };
}
