using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Analysis;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>门店分析 and 排班 for integrators: a store's day against forecast and staff, its profile, rank and monthly trend; its shifts.</summary>
public static class StoreAnalysisEndpoints
{
    public sealed record ShiftInput(IReadOnlyList<int>? Weekdays, string? Starts, string? Ends, int? Staff);

    public static RouteGroupBuilder MapStoreAnalysis(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{code}/analysis", Analysis).WithSummary("门店分析: a store's day against its forecast, its weekday profile, rank, monthly entry rate and staffing").Produces<StoreDayAnalysis>().WithTags("Foot traffic");
        api.MapGet("/stores/{code}/shifts", Shifts).WithSummary("A store's planned shifts (staff on duty by weekday and hour)").Produces<StoreShiftPlan>().WithTags("Foot traffic");
        api.MapPost("/stores/{code}/shifts", AddShift).WithSummary("Adds a shift to a store's plan").Produces<PlannedShift>(StatusCodes.Status201Created).WithTags("Foot traffic");
        api.MapDelete("/stores/{code}/shifts/{id:long}", DeleteShift).WithSummary("Removes a shift from a store's plan").Produces(StatusCodes.Status204NoContent).WithTags("Foot traffic");
        return api;
    }

    private static async Task<IResult> Analysis(string code, string? day, ClaimsPrincipal user, StoreRepository stores, StoreAnalysisQuery query)
    {
        var (store, problem) = await StoreAccess.Visible(user.Scope(), code, stores);
        if (store is null) return problem!;
        var (date, errors) = Day(day, store);
        if (errors.Any) return errors.ToResult();
        var a = await query.For(store, date, user.Scope());
        return Results.Ok(new StoreDayAnalysis
        {
            Store = store.Code, Day = a.Day.ToString("yyyy-MM-dd"), NowHour = a.NowHour,
            Entries = a.Entries, Forecast = a.Forecast, EntriesSoFar = a.EntriesSoFar, ForecastSoFar = a.ForecastSoFar, AgainstForecast = a.AgainstForecast,
            ForecastLow = a.ForecastLow, ForecastHigh = a.ForecastHigh,
            UsualSoFar = a.UsualSoFar is { } usual ? new UsualRange(usual.Low, usual.High, usual.Days) : null, AgainstUsual = a.AgainstUsual,
            WeekdayProfile = a.WeekdayProfile, WeekdayDays = a.WeekdayDays, WeekendProfile = a.WeekendProfile, WeekendDays = a.WeekendDays,
            Staffing = a.Staffing, StaffFromShifts = a.StaffFromShifts,
            MonthRank = a.MonthRank is { } r
                ? new MonthRank(a.MonthFrom.ToString("yyyy-MM-dd"), r.EntriesPerDay, r.Type, r.InType, r.TypeCount, r.InRegion, r.RegionCount, r.Dwell, r.EntryRate)
                : null,
            ByWeather = a.ByWeather.Select(w => new WeatherEntries(w.Condition, w.Days, w.EntriesPerDay)).ToList(), WeatherMean = a.WeatherMean,
            Months = a.Months.Select(m => new MonthEntryRate(m.Period.ToString("yyyy-MM"), m.Entries, m.PassersBy, m.EntryRate, m.Receipts, m.Conversion)).ToList(),
        });
    }

    private static async Task<IResult> Shifts(string code, ClaimsPrincipal user, StoreRepository stores, StoreShifts shifts)
    {
        var (store, problem) = await StoreAccess.Visible(user.Scope(), code, stores);
        return store is null ? problem! : Results.Ok(new StoreShiftPlan(store.Code, (await shifts.Of(store.Code)).Select(ShiftJson).ToList()));
    }

    private static async Task<IResult> AddShift(string code, ShiftInput input, ClaimsPrincipal user, StoreRepository stores, StoreShifts shifts)
    {
        var (store, problem) = await StoreAccess.Visible(user.Scope(), code, stores);
        if (store is null) return problem!;
        if (!MayPlanShifts(user.Scope(), store)) return Problems.OutOfScope($"Planning the shifts of store '{code}'");
        var (shift, errors) = Check(store.Code, input);
        if (shift is null) return errors.ToResult();
        if (await shifts.Add(shift, user.Actor()) is not { } id)
        {
            errors.Add("shifts", $"a store has at most {StoreShifts.MaxPerStore} shifts; remove one first.", $"每家门店最多 {StoreShifts.MaxPerStore} 个班次，请先删除一个。");
            return errors.ToResult();
        }
        return Results.Created($"/api/stores/{store.Code}/shifts", ShiftJson(shift with { Id = id }));
    }

    private static async Task<IResult> DeleteShift(string code, long id, ClaimsPrincipal user, StoreRepository stores, StoreShifts shifts)
    {
        var (store, problem) = await StoreAccess.Visible(user.Scope(), code, stores);
        if (store is null) return problem!;
        if (!MayPlanShifts(user.Scope(), store)) return Problems.OutOfScope($"Planning the shifts of store '{code}'");
        return await shifts.Delete(store.Code, id, user.Actor()) ? Results.NoContent() : Problems.NotFound($"Shift {id} of store '{code}'");
    }

    /// <summary>The store's own manager plans its shifts, as do those above it; a read-only analyst does not.</summary>
    public static bool MayPlanShifts(AccessScope scope, Store store) => scope.Role != Role.HqAnalyst && scope.AllowsStore(store.Code, store.RegionCode);

    /// <summary>A store-local day up to today (default today): the future has no traffic to analyse.</summary>
    public static (DateOnly Day, FieldErrors Errors) Day(string? day, Store store)
    {
        var errors = new FieldErrors();
        var today = DateOnly.FromDateTime(StoreAnalysisQuery.LocalNow(store));
        if (day is null) return (today, errors);
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", out var date)) errors.Add("day", $"day '{day}' must be yyyy-MM-dd.", $"日期“{day}”须为 yyyy-MM-dd 格式。");
        else if (date > today) errors.Add("day", $"day {day} is after the store's today ({today:yyyy-MM-dd}).", $"日期 {day} 晚于门店的今天（{today:yyyy-MM-dd}）。");
        return (date, errors);
    }

    public static (StoreShift? Shift, FieldErrors Errors) Check(string storeCode, ShiftInput input)
    {
        var errors = new FieldErrors();
        var days = PlanningInput.Weekdays(input.Weekdays, errors);
        var starts = PlanningInput.Time("starts", input.Starts, errors);
        var ends = PlanningInput.Time("ends", input.Ends, errors);
        if (starts is { } s && ends is { } e && e == s) errors.Add("ends", $"ends {input.Ends} is when the shift starts (an end before the start is the next day's).", $"结束时间 {input.Ends} 与开始时间相同（早于开始时间的结束时间算作次日）。");
        if (input.Staff is not (>= 1 and <= 500)) errors.Add("staff", "staff must be 1 to 500 people.", "在岗人数须为 1 至 500 人。");
        return errors.Any ? (null, errors) : (new StoreShift(0, storeCode, days, starts!.Value, ends!.Value, input.Staff!.Value), errors);
    }

    private static PlannedShift ShiftJson(StoreShift s) => new(s.Id, s.Weekdays.IsoDays().ToList(), s.Starts.ToString("HH:mm"), s.Ends.ToString("HH:mm"), s.Staff);

    /// <summary>A store's planned shifts: staff on duty on those weekdays (1 Monday … 7 Sunday) from starts to ends, store-local.</summary>
    public sealed record StoreShiftPlan(string Store, IReadOnlyList<PlannedShift> Shifts);

    public sealed record PlannedShift(long Id, IReadOnlyList<int> Weekdays, string Starts, string Ends, int Staff);
}
