namespace SmartStore.Web.Localization;

public static partial class UiText
{
    /// <summary>节假日营业时间: special hours set for many stores at once (/stores/special-hours).</summary>
    private static readonly Dictionary<string, (string Zh, string En)> SpecialHoursWords = new()
    {
        ["specialCalendar"] = ("日历", "Calendar"),
        ["specialCalendarHint"] = ("每天有哪些特殊营业时间、涉及几家门店（数字为门店数；红色为全天休息）。可往前往后翻看，每次三个月。", "The special hours on each day and how many stores they apply to (the number is stores; red: closed all day). Page earlier or later, three months at a time."),
        ["calendarEarlier"] = ("前三个月", "Earlier"),
        ["calendarLater"] = ("后三个月", "Later"),
        ["calendarThisMonth"] = ("回到本月", "This month"),
        ["specialStoresNamed"] = ("{0} 家门店：{1}", "{0} stores: {1}"),
        ["chainSpecialHours"] = ("节假日营业时间", "Holiday hours"),
        ["chainSpecialHoursHint"] = ("春节、国庆、商场闭店装修：一次为多家门店设置特殊营业时间，不必逐店编辑。设置后写入每家门店的特殊营业时间（可在门店编辑页单独调整），闭店判断、画面巡检和离线告警都按它计算。",
            "Spring Festival, National Day, a mall's refit: set special hours for many stores at once instead of store by store. Each store gets the range as one of its own special-hours rows (still adjustable on its edit page); the closure rule, view checks and offline alerts follow it."),
        ["specialManyStores"] = ("为多家门店设置节假日营业时间", "Set holiday hours for many stores"),
        ["specialComing"] = ("进行中和即将开始", "In effect and coming"),
        ["specialAll"] = ("全部（含已结束）", "All, ended ones included"),
        ["specialShowPast"] = ("显示已结束的", "Show ended ones"),
        ["dates"] = ("日期", "Dates"),
        ["dayCount"] = ("共 {0} 天", "{0} days"),
        ["oneDay"] = ("共 1 天", "1 day"),
        ["specialInEffect"] = ("进行中", "In effect"),
        ["specialEnded"] = ("已结束", "Ended"),
        ["specialNone"] = ("门店都没有即将到来的特殊营业时间。", "No store has special hours coming."),
        ["specialWithdraw"] = ("撤销", "Withdraw"),
        ["specialWithdrawConfirm"] = ("从 {0} 家门店撤销“{1}”的特殊营业时间？", "Withdraw “{1}” from {0} stores?"),
        ["specialSet"] = ("设置特殊营业时间", "Set special hours"),
        ["specialReasonHint"] = ("如 春节", "e.g. Spring Festival"),
        ["specialWeekdaysHint"] = ("（不勾选即每天）", "(none ticked: every day)"),
        ["specialClosedAllDay"] = ("全天休息", "Closed all day"),
        ["specialStoreCodes"] = ("或按门店编码（逗号或换行分隔，填写后不按大区和类型选择）", "Or by store code (commas or new lines; when given, region and type are not used)"),
        ["specialApply"] = ("应用到所选门店", "Apply to the stores chosen"),
        ["specialSetHint"] = ("同一原因、日期和星期再设置一次，即替换各门店之前的那一条；新设置的一条排在最后，同一天以它为准。",
            "Setting the same reason, dates and weekdays again replaces that row in each store; the new row goes last, so it counts on its days."),
        ["specialImport"] = ("按表格导入：各门店各自的时间", "Import a sheet: each store its own hours"),
        ["specialApplied"] = ("已为 {0} 家门店设置“{1}”。", "“{1}” set for {0} stores."),
        ["specialWithdrawn"] = ("已从 {0} 家门店撤销“{1}”。", "“{1}” withdrawn from {0} stores."),
    };
}
