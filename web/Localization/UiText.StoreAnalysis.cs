namespace SmartStore.Web.Localization;

public static partial class UiText
{
    /// <summary>Words of 门店分析 (a store's day against forecast and staff, its profile, rank and trend) and 排班.</summary>
    private static readonly Dictionary<string, (string Zh, string En)> StoreAnalysisWords = new()
    {
        ["storeAnalysis"] = ("门店分析", "Store analysis"),
        ["actualVsForecast"] = ("实际 vs 预测客流", "Actual vs forecast"),
        ["actual"] = ("实际进店", "Actual entries"),
        ["forecastEntries"] = ("预测进店", "Forecast entries"),
        ["againstForecast"] = ("较预测", "Against forecast"),
        ["toHour"] = ("截至 {0}", "to {0}"),
        ["wholeDay"] = ("全天", "whole day"),
        ["noForecast"] = ("近 4 周同一星期几有客流的天数不足 2 天，暂无预测。", "Fewer than 2 of the same weekday with traffic in the last 4 weeks: no forecast yet."),
        ["forecastHow"] = ("预测 = 近 4 周同一星期几同一时段的平均进店数。", "Forecast = the mean entries of the same hour on the same weekday over the last 4 weeks."),
        ["staffingByHour"] = ("客流与店员配比", "Customers per staff member"),
        ["onDuty"] = ("在岗店员", "On duty"),
        ["perStaff"] = ("人均进店", "Per staff"),
        ["assessment"] = ("评价", "Assessment"),
        ["verdict.overstaffed"] = ("人手过剩", "Too many staff"),
        ["verdict.optimal"] = ("配比合适", "Optimal"),
        ["verdict.understaffed"] = ("人手不足", "Understaffed"),
        ["verdict.no-staff"] = ("无人在岗", "Nobody on duty"),
        ["forecastMark"] = ("预测", "forecast"),
        ["staffingBand"] = ("每小时人均进店少于 {0} 人为人手过剩，多于 {1} 人为人手不足。", "Under {0} customers per staff member an hour is too many staff; over {1}, too few."),
        ["staffFromHeadcount"] = ("未设置排班：按门店人数 {0} 人、营业时间内全员在岗计算。", "No shifts planned: the store's {0} staff are taken as on duty whenever it is open."),
        ["noStaffingHours"] = ("这一天没有在岗店员，也没有客流。", "Nobody on duty and no traffic this day."),
        ["shifts"] = ("排班", "Shifts"),
        ["addShift"] = ("新增班次", "Add a shift"),
        ["shiftStarts"] = ("上班", "Starts"),
        ["shiftEnds"] = ("下班", "Ends"),
        ["shiftStaff"] = ("人数", "People"),
        ["peopleUnit"] = ("人", "people"),
        ["noShifts"] = ("还没有排班。", "No shifts yet."),
        ["tooManyShifts"] = ("一家门店最多 {0} 个班次，请先删除一个。", "A store has at most {0} shifts; remove one first."),
        ["weekdayVsWeekend"] = ("工作日 / 周末客流曲线", "Weekday and weekend profile"),
        ["weekdays"] = ("工作日", "Weekdays"),
        ["weekends"] = ("周末", "Weekends"),
        ["profileDays"] = ("近 4 周平均每小时进店：工作日 {0} 天，周末 {1} 天。", "Mean entries per hour over the last 4 weeks: {0} weekdays, {1} weekend days."),
        ["noProfile"] = ("近 4 周没有客流数据。", "No foot traffic in the last 4 weeks."),
        ["monthRank"] = ("本月客流排名", "Rank this month"),
        ["rankInRegion"] = ("大区第 {0} / {1}", "{0} of {1} in its region"),
        ["perDay"] = ("日均进店 {0}", "{0} entries a day"),
        ["notRanked"] = ("本月尚无客流", "No traffic this month"),
        ["monthlyTrend"] = ("进店率月度趋势", "Monthly entry-rate trend"),
        ["monthCol"] = ("月份", "Month"),
    };
}
