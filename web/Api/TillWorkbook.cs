using SmartStore.Storage;
using SmartStore.Web.Analysis;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Api;

/// <summary>
/// 收银追溯 as an .xlsx workbook for the chain's loss-prevention team: every receipt worth a look of the stores and days
/// asked for, the visits that rang nothing, each cashier's findings over the days traced, and each store-day's figures.
/// </summary>
public static class TillWorkbook
{
    /// <summary>One store-day traced: the store's figures that day, its clock, and its receipts and visits.</summary>
    public sealed record TracedDay(TillDayRow Row, TimeZoneInfo Zone, TillDay Till);

    /// <param name="reviews">what each finding was found to be, by store and subject.</param>
    /// <param name="root">the address people open SmartStore at: pictures as links when set, as numbers otherwise.</param>
    public static async Task<byte[]> Write(IReadOnlyList<TillDayRow> rows, IReadOnlyList<TracedDay> traced,
        IReadOnlyDictionary<(string Store, string Subject), TillReview> reviews, string? root, CancellationToken cancellationToken)
    {
        string Picture(TillFrame? frame) => frame is null ? "" : root is null ? $"#{frame.SnapshotId}" : $"{root}/snapshots/{frame.SnapshotId}";
        string? Review(string store, string subject) => reviews.GetValueOrDefault((store, subject)) is { } v
            ? UiText.Zh("tillReview." + v.Verdict) + (v.Note.Length > 0 ? $"：{v.Note}" : "") + $"（{v.ReviewedBy}）"
            : null;
        var sheets = new Dictionary<string, object>
        {
            ["receipts"] = traced.SelectMany(d => d.Till.Receipts.Where(r => r.Flagged).Select(r => new Dictionary<string, object?>
            {
                ["门店 store"] = d.Row.StoreCode, ["名称 name"] = d.Row.StoreName, ["日期 day"] = d.Row.Day.ToString("yyyy-MM-dd"),
                ["时间 rung at"] = r.Receipt.RungLocal.ToString("HH:mm:ss"), ["单号 number"] = r.Receipt.Number, ["收银台 till"] = r.Receipt.Till,
                ["收银员 cashier"] = r.Receipt.Cashier, ["会员卡 member card"] = r.Receipt.MemberCard, ["持卡员工 staff"] = r.StaffCard?.Holder,
                ["金额 total"] = r.Receipt.IsRefund ? -r.Receipt.Total : r.Receipt.Total, ["原单 refunds"] = r.Receipt.RefundOf,
                ["原单门店 sold at"] = r.Receipt.IsRefund ? r.Receipt.RefundStore ?? r.Receipt.StoreCode : null,
                ["异常 findings"] = string.Join("、", r.Flags.Select(f => UiText.Zh("till." + f))),
                ["收银台人数 people at the till"] = r.Customers, ["画面 picture"] = Picture(r.Picture),
                ["作废于 voided at"] = r.Receipt.VoidedLocal?.ToString("MM-dd HH:mm:ss"), ["作废人 voided by"] = r.Receipt.VoidedBy,
                ["作废时人数 people at the void"] = r.VoidPicture?.Customers, ["作废画面 void picture"] = Picture(r.VoidPicture),
                ["核实 review"] = Review(d.Row.StoreCode, r.Subject),
            })).ToList(),
            ["unrung"] = traced.SelectMany(d => d.Till.Unrung.Select(v => new Dictionary<string, object?>
            {
                ["门店 store"] = d.Row.StoreCode, ["名称 name"] = d.Row.StoreName, ["日期 day"] = d.Row.Day.ToString("yyyy-MM-dd"),
                ["从 from"] = Local(v.FromUtc, d.Zone), ["到 to"] = Local(v.ToUtc, d.Zone), ["分钟 minutes"] = Math.Round(v.Length.TotalMinutes, 1),
                ["最多人数 most people"] = v.MostCustomers, ["摄像机 camera"] = v.CameraCode, ["收银台 till"] = v.Picture.Till, ["画面 picture"] = Picture(v.Picture),
                ["核实 review"] = Review(d.Row.StoreCode, v.Subject),
            })).ToList(),
            // Each cashier of each store over the days exported (a day the keeper never stored only when it had findings).
            ["cashiers"] = traced.GroupBy(d => (d.Row.StoreCode, d.Row.StoreName))
                .SelectMany(store => CashierFigures.Of(store.SelectMany(d => d.Till.Receipts)).Select(c => new Dictionary<string, object?>
                {
                    ["门店 store"] = store.Key.StoreCode, ["名称 name"] = store.Key.StoreName, ["收银员 cashier"] = c.Cashier, ["小票 sales"] = c.Sales,
                    ["退单 refunds"] = c.Refunds, ["有单无人 no customer"] = c.NoCustomer, ["一卡多单 one card, many receipts"] = c.CardReused,
                    ["内部会员卡 staff card"] = c.StaffCard, ["可疑退单 refunds worth a look"] = c.RefundFindings, ["作废 voids"] = c.Voids,
                    ["可疑作废 voids worth a look"] = c.VoidFindings, ["异常合计 findings"] = c.Findings,
                })).ToList(),
            ["stores"] = rows.Select(r => new Dictionary<string, object?>
            {
                ["门店 store"] = r.StoreCode, ["名称 name"] = r.StoreName, ["大区 region"] = r.RegionCode, ["日期 day"] = r.Day.ToString("yyyy-MM-dd"),
                ["小票 receipts"] = r.Receipts, ["净销售额 sales less refunds"] = r.Amount, ["有单无人 no customer"] = r.NoCustomer,
                ["一卡多单 one card, many receipts"] = r.CardReused, ["内部会员卡 staff card"] = r.StaffCard, ["有人无单 nothing rung"] = r.Unrung,
                ["退单 refunds"] = r.Refunds, ["退款 refunded"] = r.RefundAmount, ["可疑退单 refunds worth a look"] = r.RefundFindings,
                ["作废 voids"] = r.Voids, ["作废金额 voided"] = r.VoidAmount, ["可疑作废 voids worth a look"] = r.VoidFindings,
                ["无画面 unchecked"] = r.Unchecked,
            }).ToList(),
        };
        return await Workbook.Save(sheets, cancellationToken);
    }

    private static string Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("HH:mm:ss");
}
