namespace SmartStore.Models;

/// <summary>What a webhook can be told (消息推送): state changes head office wants to hear of at once, not on its next look.</summary>
public static class AlertKinds
{
    public const string CameraOffline = "camera-offline";
    public const string CameraOnline = "camera-online";
    public const string ViewFault = "view-fault";
    public const string ViewCleared = "view-cleared";
    public const string StoreLooksClosed = "store-looks-closed";
    public const string StoreReopened = "store-reopened";

    /// <summary>A shelf alert raised (陈列告警); its detail says which: compliance-low, out-of-stock, competitor-in-own-slot.</summary>
    public const string ShelfAlert = "shelf-alert";

    /// <summary>
    /// 陈列告警解除: a shelf alert raised earlier no longer stands at a patrol (restocked, the competitor gone, compliance back
    /// — or its slot left the plan); its detail, slot and SKU are the alert's.
    /// </summary>
    public const string ShelfAlertCleared = "shelf-alert-cleared";

    /// <summary>整改超期: a to-do still open when its deadline passed; its detail is the to-do's id, its text the to-do's.</summary>
    public const string TodoOverdue = "todo-overdue";

    /// <summary>
    /// 整改完成待验收: a store marked a to-do done (or answered a question about its till, 请门店说明); its detail is the to-do's
    /// id, its text the to-do's, its note the store's.
    /// </summary>
    public const string TodoDone = "todo-done";

    /// <summary>每日日报: each morning, yesterday of the endpoint's region (or the chain) in a few lines.</summary>
    public const string DailyReport = "daily-report";

    public static IReadOnlyList<string> All { get; } =
        [CameraOffline, CameraOnline, ViewFault, ViewCleared, StoreLooksClosed, StoreReopened, ShelfAlert, ShelfAlertCleared, TodoOverdue, TodoDone, DailyReport];
}
