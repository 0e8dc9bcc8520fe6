using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>
/// 客流大屏 (the HQ cockpit's traffic screen): today's foot traffic of the viewer's stores on a wall screen — totals, the
/// stores on the map of China sized by today's entries, the regions, the time of day against the same weekday last
/// week, the busiest stores — following the live feed. A region's bar opens the region's own screen (<c>?region=</c>):
/// its stores, the map framed on them, its cities instead of the regions. This week or this month (<c>?period=</c>): the
/// same over the period so far, from the flushed history, day by day against the period before.
/// </summary>
public sealed class TrafficScreenModel(ScopeSummaries scopeSummaries, RegionRepository regions, TrafficReport reports, StoreTotals totals,
    ReportCalendar calendar) : PageModel
{
    /// <summary>Each store with its live figures, as the store grains hold them now.</summary>
    public IReadOnlyList<(Store Store, StoreSummary Summary)> Stores { get; private set; } = [];
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    /// <summary>Entries by store-local hour, today and on the same weekday a week ago (history flushed by the store grains).</summary>
    public IReadOnlyList<TrafficRow> Today { get; private set; } = [];
    public IReadOnlyList<TrafficRow> LastWeek { get; private set; } = [];
    public DateOnly Day { get; private set; }

    /// <summary>Today (live), this week or this month so far (<c>?period=week|month</c>).</summary>
    [FromQuery(Name = "period")] public string? PeriodCode { get; set; }
    public ScreenPeriod Period { get; private set; } = null!;
    /// <summary>For a week or a month: each store's entries and passers-by so far (from the history the store grains flush).</summary>
    public IReadOnlyDictionary<string, StoreTotal> PeriodTotals { get; private set; } = new Dictionary<string, StoreTotal>();
    /// <summary>For a week or a month: entries by day, this period and the one before.</summary>
    public IReadOnlyList<TrafficRow> Days { get; private set; } = [];
    public IReadOnlyList<TrafficRow> DaysBefore { get; private set; } = [];

    /// <summary>The region shown on its own (drilled into from the regions' chart), or null: all the viewer's stores.</summary>
    [FromQuery(Name = "region")] public string? RegionCode { get; set; }
    public Region? Shown { get; private set; }
    public bool MayOpenRegions => ScreenRegion.MayOpenAny(Regions, User.Scope());

    /// <summary>Today's screen: the stores open now by their hours (at night its zeros are closed stores, not a dead feed).</summary>
    public int OpenNow { get; private set; }
    /// <summary>When the next store of the screen opens or closes, for the screen to read <see cref="OpenNow"/> again then.</summary>
    public DateTime? HoursChangeUtc { get; private set; }

    /// <summary>Where the screen re-reads today's hours (the live feed carries each store's counters, not its hours).</summary>
    public string HoursUrl => $"/api/traffic/report?from={Day:yyyy-MM-dd}&to={Day:yyyy-MM-dd}&by=hour"
        + (Shown is null ? "" : $"&region={Uri.EscapeDataString(Shown.Code)}");

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        Day = calendar.Today;
        Period = ScreenPeriod.Of(PeriodCode, Day);
        Regions = await regions.List(scope);
        (Shown, var refusal) = await ScreenRegion.Of(RegionCode, Regions, scope, regions);
        if (refusal != ScreenRegion.Refusal.None) return this.Refusal(refusal);
        Stores = (await scopeSummaries.Load(scope, tradingOnly: true)).Where(p => Shown is null || p.Store.RegionCode == Shown.Code).ToList();
        var covered = new StoreCoverage(scope, null, Shown?.Code);
        if (Period.Today)
        {
            Today = await reports.Rows(covered, Day, Day, ReportGrain.Hour, cancellationToken);
            LastWeek = await reports.Rows(covered, Day.AddDays(-7), Day.AddDays(-7), ReportGrain.Hour, cancellationToken);
            (OpenNow, HoursChangeUtc) = Display.OpenNow(Stores.Select(p => p.Store).ToList(), DateTime.UtcNow);
            return Page();
        }
        PeriodTotals = (await totals.Counted(covered, Period.From, Period.To, cancellationToken)).Where(t => t.Covered).ToDictionary(t => t.Code);
        Days = await reports.Rows(covered, Period.From, Period.To, ReportGrain.Day, cancellationToken);
        DaysBefore = await reports.Rows(covered, Period.BeforeFrom, Period.BeforeTo, ReportGrain.Day, cancellationToken);
        return Page();
    }

    /// <summary>What the screen's script draws from.</summary>
    public string DataJson => JsonSerializer.Serialize(new
    {
        stores = Stores.Select(p => new
        {
            code = p.Store.Code, name = p.Store.Name, region = p.Store.RegionCode, city = p.Store.City, lat = p.Store.Latitude, lng = p.Store.Longitude,
            traffic = Period.Today ? p.Summary.Today : (object)PeriodCounters(p.Store.Code), closed = Period.Today && p.Summary.LooksClosed is not null,
        }),
        regions = Regions.Select(r => new { code = r.Code, name = Display.RegionName(r, r.Code), open = User.Scope().AllowsRegion(r.Code) }),
        shown = Shown?.Code,
        hours = Enumerable.Range(0, 24).Select(h => new { hour = h, today = EntriesAt(Today, h), lastWeek = EntriesAt(LastWeek, h) }),
        period = Period.Code,
        // Day by day, this period against the one before, day n with day n.
        days = Enumerable.Range(0, Period.To.DayNumber - Period.From.DayNumber + 1).Select(i => new
        {
            day = Period.From.AddDays(i).ToString("MM-dd"),
            now = EntriesOn(Days, Period.From.AddDays(i)),
            before = EntriesOn(DaysBefore, Period.BeforeFrom.AddDays(i)),
        }),
    }, JsonSerializerOptions.Web);

    private static int EntriesAt(IReadOnlyList<TrafficRow> rows, int hour) => rows.Where(r => r.Period.Hour == hour).Sum(r => r.Entries);

    private static int EntriesOn(IReadOnlyList<TrafficRow> rows, DateOnly day) =>
        rows.Where(r => DateOnly.FromDateTime(r.Period) == day).Sum(r => r.Entries);

    /// <summary>A store's figures so far this week or month, in the shape of its live counters (no occupancy over a period).</summary>
    private object PeriodCounters(string code) => PeriodTotals.TryGetValue(code, out var t)
        ? new { entries = t.Entries, passersBy = t.PassersBy, occupancy = 0 }
        : new { entries = 0, passersBy = 0, occupancy = 0 };
}
