using System.Globalization;
using System.Text;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Alerts;

/// <summary>
/// 每日日报: a region's (or the chain's) yesterday in the few lines a group robot shows — entries against the same weekday
/// the week before, the entry rate, how many stores counted, the stores to look at (门店对标's flags), the to-dos left and
/// the tills' findings.
/// In Chinese, as the pages' words; pure text from figures.
/// </summary>
public static class DailyReport
{
    public const int StoresNamed = 5;

    /// <summary>What is left to put right in the region now (open, of them overdue, and done awaiting review).</summary>
    public sealed record TodosLeft(int Open, int Overdue, int AwaitingReview);

    /// <param name="title">the region's name, or 全部门店.</param>
    /// <param name="day">the stores' standings on the day reported on.</param>
    /// <param name="weekBefore">the same stores' entries on the same weekday a week before.</param>
    /// <param name="tills">收银追溯's figures of the day, of the stores with a till camera.</param>
    /// <param name="regionLines">for the chain's report: a line a region.</param>
    /// <param name="link">the day's benchmark page (<see cref="PageLinks.Report"/>), the last line whatever is cut; none when null.</param>
    public static string Compose(string title, DateOnly day, IReadOnlyList<StoreStanding> stores, int weekBefore, TodosLeft todos,
        IReadOnlyList<TillDayRow> tills, IReadOnlyList<string>? regionLines = null, string? link = null)
    {
        var lines = new List<string> { $"{title} {day:MM-dd}（{Weekday(day)}）日报", Traffic(stores, weekBefore) };
        var flagged = stores.Where(s => s.StandsOut).OrderByDescending(s => s.Flags.Count).ThenBy(s => s.PeerIndex ?? 1)
            .ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        if (flagged.Count > 0)
            lines.Add($"需关注 {flagged.Count} 家：" + string.Join("、", flagged.Take(StoresNamed).Select(s =>
                $"{s.Name}（{string.Join("、", FlagWords(s))}）"))
                + (flagged.Count > StoresNamed ? " 等" : ""));
        var silent = stores.Count(s => s.Flags.Contains(StoreStanding.NoTraffic));
        if (silent > 0) lines.Add($"无客流数据 {silent} 家");
        var partly = stores.Count(s => s.Flags.Contains(StoreStanding.PartlyCounted));
        if (partly > 0) lines.Add($"计数不全 {partly} 家（门口摄像机一段营业时间离线或画面故障）");
        lines.Add($"整改：待整改 {todos.Open}（超期 {todos.Overdue}），待验收 {todos.AwaitingReview}");
        if (TillLine(tills) is { } till) lines.Add(till);
        if (regionLines is { Count: > 0 }) lines.AddRange(regionLines);
        return Fit(lines, link is null ? "" : $"\n详情：{link}");
    }

    /// <summary>What a store was flagged for, in words; counting nobody or partly has its own line.</summary>
    private static IEnumerable<string> FlagWords(StoreStanding store) =>
        store.DoingFlags.Select(f => UiText.Zh("flag." + f));

    /// <summary>
    /// A store's own yesterday, for its own group or mailbox: its entries against the same weekday the week before and
    /// its entry rate, what 门店对标 flagged it for, its to-dos left and its till's findings.
    /// </summary>
    public static string ComposeStore(StoreStanding store, DateOnly day, int weekBefore, TodosLeft todos, IReadOnlyList<TillDayRow> tills, string? link)
    {
        var lines = new List<string> { $"{store.Name} {day:MM-dd}（{Weekday(day)}）日报" };
        if (store.Days == 0) lines.Add("无客流数据");
        else
        {
            lines.Add($"进店 {store.Entries.ToString("N0", CultureInfo.InvariantCulture)} 人，较上周同日 {Change(store.Entries, weekBefore)}；"
                + $"进店率 {Rate(store.Entries, store.PassersBy)}");
        }
        if (store.PartlyCountedDays > 0) lines.Add("计数不全：门口摄像机一段营业时间离线或画面故障");
        if (store.StandsOut)
            lines.Add("需关注：" + string.Join("、", FlagWords(store)));
        lines.Add($"整改：待整改 {todos.Open}（超期 {todos.Overdue}），待验收 {todos.AwaitingReview}");
        if (TillLine(tills, nameStores: false) is { } till) lines.Add(till);
        return Fit(lines, link is null ? "" : $"\n详情：{link}");
    }

    /// <summary>
    /// Group robots take 2,048 bytes a message: a chain of very many regions keeps its first lines and says more follow;
    /// the <paramref name="footer"/> (the link to the rest) is always kept.
    /// </summary>
    private static string Fit(List<string> lines, string footer)
    {
        var mostBytes = 1_900 - Encoding.UTF8.GetByteCount(footer); // the prefix 【SmartStore 智慧门店】 goes before it
        var text = string.Join("\n", lines);
        while (Encoding.UTF8.GetByteCount(text) > mostBytes && lines.Count > 3)
        {
            lines.RemoveAt(lines.Count - 1);
            text = string.Join("\n", lines) + "\n…";
        }
        return text + footer;
    }

    /// <summary>
    /// "收银追溯：有单无人 2、一卡多单 4、有人无单 1、可疑退单 1（上海南京东路旗舰店 7、…）；30 天内待核实 12", the stores with most findings
    /// named (内部会员卡, 可疑退单 and 可疑作废 only on a day with one) and the findings of the last 30 days nobody has reviewed yet
    /// (when there are any), with the questions to the stores among them still unanswered and answered; none without till cameras.
    /// </summary>
    /// <param name="nameStores">false in a store's own report: the store is not named, it is the report's.</param>
    private static string? TillLine(IReadOnlyList<TillDayRow> tills, bool nameStores = true)
    {
        if (tills.Count == 0) return null;
        var backlog = tills.Sum(t => t.RecentToReview);
        var (asked, answered) = (tills.Sum(t => t.RecentAsked), tills.Sum(t => t.RecentAnswered));
        var questions = asked + answered > 0 ? $"（待门店答复 {asked}、门店已答复 {answered}）" : "";
        return Findings(tills, nameStores) + (backlog > 0 ? $"；{TillDays.RecentDays} 天内待核实 {backlog}{questions}" : "");
    }

    private static string Findings(IReadOnlyList<TillDayRow> tills, bool nameStores)
    {
        var found = tills.Where(t => t.Findings > 0).OrderByDescending(t => t.Findings).ThenBy(t => t.StoreCode, StringComparer.Ordinal).ToList();
        if (found.Count == 0) return nameStores ? $"收银追溯：{tills.Count} 家门店无异常" : "收银追溯：无异常";
        var (staff, refunds, voids) = (tills.Sum(t => t.StaffCard), tills.Sum(t => t.RefundFindings), tills.Sum(t => t.VoidFindings));
        return $"收银追溯：有单无人 {tills.Sum(t => t.NoCustomer)}、一卡多单 {tills.Sum(t => t.CardReused)}、有人无单 {tills.Sum(t => t.Unrung)}"
            + (staff > 0 ? $"、内部会员卡 {staff}" : "") + (refunds > 0 ? $"、可疑退单 {refunds}" : "") + (voids > 0 ? $"、可疑作废 {voids}" : "")
            + (nameStores ? "（" + string.Join("、", found.Take(StoresNamed).Select(t => $"{t.StoreName} {t.Findings}")) + (found.Count > StoresNamed ? " 等" : "") + "）" : "");
    }

    /// <summary>A region's line in the chain's report: "华东大区 进店 1,234（↑5%）".</summary>
    public static string RegionLine(string name, IReadOnlyList<StoreStanding> stores, int weekBefore)
    {
        var entries = stores.Sum(s => s.Entries);
        return $"· {name} 进店 {entries.ToString("N0", CultureInfo.InvariantCulture)}（{Change(entries, weekBefore)}）";
    }

    private static string Traffic(IReadOnlyList<StoreStanding> stores, int weekBefore)
    {
        var entries = stores.Sum(s => s.Entries);
        return $"进店 {entries.ToString("N0", CultureInfo.InvariantCulture)} 人，较上周同日 {Change(entries, weekBefore)}；" +
               $"进店率 {Rate(entries, stores.Sum(s => s.PassersBy))}；有客流门店 {stores.Count(s => s.Days > 0)}/{stores.Count}";
    }

    /// <summary>The entry rate, entries of all who came by (in or past): "8.2%", or "—" when nobody was counted passing.</summary>
    private static string Rate(int entries, int passersBy) =>
        passersBy == 0 ? "—" : ((double)entries / (entries + passersBy)).ToString("0.0%", CultureInfo.InvariantCulture);

    /// <summary>"↑5%" / "↓12%" / "持平", or "—" when the week before counted nobody.</summary>
    private static string Change(int now, int before) =>
        before == 0 ? "—" : now == before ? "持平" : Pages.Display.Change((double)(now - before) / before);

    /// <summary>"周三": the pages' short weekday names (Monday first), in Chinese.</summary>
    private static string Weekday(DateOnly day) => "周" + UiText.Zh("weekdaysShort").Split(',')[((int)day.DayOfWeek + 6) % 7];
}
