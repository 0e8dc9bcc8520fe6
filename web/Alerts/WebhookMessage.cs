using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Localization;
using SmartStore.Web.Todos;
using static SmartStore.Storage.Webhooks;

namespace SmartStore.Web.Alerts;

/// <summary>
/// What an endpoint receives for an event: for the chain's own systems a JSON document signed with the endpoint's secret;
/// for a WeCom or DingTalk group robot the text message both accept, in Chinese, as the people in the group read it.
/// </summary>
public static class WebhookMessage
{
    public const string SignatureHeader = "X-SmartStore-Signature";
    public const string EventHeader = "X-SmartStore-Event";
    public const string DeliveryHeader = "X-SmartStore-Delivery";

    /// <summary>The kind of the message an admin sends to check an endpoint; never stored as an event.</summary>
    public const string TestKind = "test";

    /// <summary>What a test send carries: the shape of a real event, naming no store.</summary>
    public static DueDelivery Test(string url, string format, string secret) =>
        new(0, 0, 0, url, format, secret, TestKind, null, null, DailyReports.Chain, "UTC", null, null, DateTime.UtcNow);

    // Chinese as itself, not \uXXXX: both are JSON, but people read these bodies in logs and robot consoles.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="root">the address people open SmartStore at (<see cref="PageLinks.Root"/>): the message links to its page; null, no link.</param>
    public static string Body(DueDelivery d, string? root = null) => d.Format == "text"
        ? JsonSerializer.Serialize(new { msgtype = "text", text = new { content = Text(d, root) } }, Json)
        : JsonSerializer.Serialize(new
        {
            id = d.EventId,
            kind = d.Kind,
            occurredAt = DateTime.SpecifyKind(d.OccurredUtc, DateTimeKind.Utc),
            // A daily report is a region's, or the chain's (no region), and of no store; so is a test send.
            store = d.StoreCode is null ? null : new { code = d.StoreCode, name = d.StoreName, region = d.RegionCode },
            region = d.RegionCode == DailyReports.Chain ? null : d.RegionCode,
            camera = d.CameraCode,
            // A view fault's code, or a shelf alert's kind.
            detail = d.Detail,
            slot = d.SlotId,
            sku = d.Sku,
            figure = d.Figure,
            // Why a shelf alert ended, where the plan told; null for every other event.
            endedBecause = d.EndedBecause,
            // The to-do's id as the API knows it (a number; the event keeps it as its detail text).
            todo = d.Kind is AlertKinds.TodoOverdue or AlertKinds.TodoDone
                ? new { id = long.TryParse(d.Detail, out var todoId) ? todoId : (long?)null, text = d.Text, note = d.Note }
                : null,
            report = d.Report,
            url = PageLinks.Of(d, root),
            text = Text(d, root),
        }, Json);

    public const string Prefix = "【SmartStore 智慧门店】";

    /// <summary>
    /// The robot messages for several events due at once: group robots take about 20 messages a minute and 2,048 bytes
    /// of text each, so a burst (a region's cameras losing their network) goes as a few messages of many lines, not as
    /// one message an event. Each message says how many lines it holds; events keep their order.
    /// </summary>
    public static IReadOnlyList<(string Body, IReadOnlyList<DueDelivery> Deliveries)> RobotBatches(IReadOnlyList<DueDelivery> deliveries,
        string? root = null, int maxBytes = 2000) =>
        Groups(deliveries, root, maxBytes)
            .Select(group => (JsonSerializer.Serialize(new { msgtype = "text", text = new { content = Prefix + Lines(group, root) } }, Json), group))
            .ToList();

    /// <summary>
    /// Events due at once to one endpoint, in the messages they go as: a daily report a message of its own, alerts together
    /// while their lines (and a heading) fit in <paramref name="maxBytes"/>; events keep their order.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<DueDelivery>> Groups(IReadOnlyList<DueDelivery> deliveries, string? root, int maxBytes)
    {
        var groups = new List<IReadOnlyList<DueDelivery>>();
        var group = new List<DueDelivery>();
        // The heading ("N 条告警") is counted at a generous 20 bytes.
        var heading = Encoding.UTF8.GetByteCount(Prefix) + 20;
        var size = heading;
        void Close()
        {
            if (group.Count == 0) return;
            groups.Add(group);
            group = [];
            size = heading;
        }
        foreach (var d in deliveries)
        {
            if (d.Kind == AlertKinds.DailyReport)
            {
                Close(); // the alerts before it go first: events keep their order
                groups.Add([d]);
                continue;
            }
            var bytes = Encoding.UTF8.GetByteCount(Line(d, root));
            if (group.Count > 0 && size + bytes > maxBytes) Close();
            group.Add(d);
            size += bytes + 1; // and its line break
        }
        Close();
        return groups;
    }

    /// <summary>A group's text after the prefix: one alert's line, or "N 条告警" and a line each.</summary>
    public static string Lines(IReadOnlyList<DueDelivery> group, string? root) => group.Count == 1
        ? Line(group[0], root)
        : $"{group.Count} 条告警\n" + string.Join("\n", group.Select(d => Line(d, root)));

    /// <summary>"sha256=" and the HMAC-SHA256 of the body under the endpoint's secret, hex: the receiver recomputes it to trust the body.</summary>
    public static string Signature(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>One line a store manager understands: what, where, since when on the store's clock, and the page to open.</summary>
    public static string Text(DueDelivery d, string? root = null) => Prefix + Line(d, root);

    private static string Line(DueDelivery d, string? root) => PageLinks.Of(d, root) is { } link ? $"{Words(d)} {link}" : Words(d);

    /// <summary>What happened, where and when, in the store manager's words; no link.</summary>
    public static string Words(DueDelivery d)
    {
        if (d.Kind == TestKind) return "测试消息：门店告警会推送到这里。";
        if (d.Kind == AlertKinds.DailyReport) return d.Report ?? "";
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d.OccurredUtc, DateTimeKind.Utc), StoreTimeZones.Find(d.TimeZone));
        var where = $"{d.StoreName}（{d.StoreCode}）";
        var when = at.ToString("MM-dd HH:mm");
        var what = d.Kind switch
        {
            AlertKinds.CameraOffline => $"摄像头 {d.CameraCode} 离线，最后心跳 {when}",
            AlertKinds.CameraOnline => $"摄像头 {d.CameraCode} 已恢复在线（{when}）",
            AlertKinds.ViewFault => $"摄像头 {d.CameraCode} 画面异常：{FaultWord(d.Detail)}，{when} 起",
            AlertKinds.ViewCleared => $"摄像头 {d.CameraCode} 画面已恢复：{FaultWord(d.Detail)}（{when}）",
            AlertKinds.StoreLooksClosed => $"营业时间内疑似关门：{when} 起无顾客进店",
            AlertKinds.StoreReopened => $"已有顾客进店，疑似关门结束（{when}）",
            AlertKinds.ShelfAlert => $"{UiText.Zh("alert.shelf-alert")}：{UiText.Zh("alert." + d.Detail)}，{ShelfWords(d)}",
            AlertKinds.ShelfAlertCleared => $"{UiText.Zh("alert.shelf-alert-cleared")}：{UiText.Zh("alert." + d.Detail)}{EndedWords(d)}（{when}）",
            AlertKinds.TodoOverdue => $"整改超期：{d.Text}（期限 {TodoDeadline.DayOf(d.OccurredUtc, d.TimeZone):MM-dd} 当天，待办 #{d.Detail}）",
            AlertKinds.TodoDone => $"整改已完成，待验收：{d.Text} 门店说明：{d.Note}（待办 #{d.Detail}）",
            _ => d.Kind,
        };
        return $"{where} {what}";
    }

    /// <summary>The store page's words for the alert, with its slot.</summary>
    private static string ShelfWords(DueDelivery d) => d.Detail switch
    {
        ShelfAlert.ComplianceLow when d.Figure?.Split('/') is [var matching, var planned] =>
            string.Format(UiText.Zh("alertComplianceText"), matching, planned),
        ShelfAlert.OutOfStock => string.Format(UiText.Zh("alertOutOfStockText"), $"货位 {d.SlotId}（{d.Sku}）", d.Figure),
        ShelfAlert.CompetitorInOwnSlot => $"{string.Format(UiText.Zh("alertCompetitorText"), d.Sku, d.Figure)}（货位 {d.SlotId}）",
        _ => d.Figure ?? "",
    };

    /// <summary>
    /// Which alert ended, by its slot and SKU, and why where the plan told (the slot out of the plan, another SKU planned, the
    /// SKU no longer a competitor); without a reason the shelf itself changed — restocked, the competitor gone.
    /// </summary>
    private static string EndedWords(DueDelivery d) => (d.Detail, d.EndedBecause) switch
    {
        (ShelfAlert.OutOfStock, _) when d.SlotId is not null => $"，货位 {d.SlotId}（{d.Sku}）" + BecauseWords(d),
        (ShelfAlert.CompetitorInOwnSlot, null) when d.SlotId is not null => $"，货位 {d.SlotId}" + (d.Sku is null ? "" : $" 不再是 {d.Sku}"),
        (ShelfAlert.CompetitorInOwnSlot, _) when d.SlotId is not null => $"，货位 {d.SlotId}" + (d.Sku is null ? "" : $"（{d.Sku}）") + BecauseWords(d),
        _ => "",
    };

    private static string BecauseWords(DueDelivery d) => d.EndedBecause is { } because ? "：" + UiText.Zh("alertEnd." + because) : "";

    private static string FaultWord(string? code) => code is null ? "" : UiText.Zh("fault." + code);
}
