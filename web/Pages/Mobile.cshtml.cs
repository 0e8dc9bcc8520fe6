using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>
/// 识别管理APP, as an installable web app (/m): for store and region managers on a phone, what needs them now (a store
/// that looks closed, a camera offline, a view fault) above today's traffic of each of their stores, live.
/// </summary>
public sealed class MobileModel(ScopeSummaries scopeSummaries, StoreTodos todos, InspectionCaptures captures, Api.ReportCalendar calendar,
    StoreTotals totals, TillDays tills, IOptions<Api.StoreBenchmarkOptions> benchmark, Navigation.ChainMenu menu) : PageModel
{
    /// <summary>The menu entries head office hid from the reader's role (菜单管理): their items stay off this page too.</summary>
    public IReadOnlySet<string> Closed { get; private set; } = new HashSet<string>();

    /// <summary>Today's stores whose till had findings (收银追溯), most first, as the figures were last kept.</summary>
    public IReadOnlyList<TillDayRow> TillFindings { get; private set; } = [];

    /// <summary>Stores listed as standing out yesterday; the rest are on the traffic report's 门店对标.</summary>
    public const int FlaggedShown = 20;

    /// <summary>
    /// Yesterday's 门店对标 (a whole day, against the stores of the same type and the day before): the stores flagged as
    /// standing out, most flags first, and how many counted nobody.
    /// </summary>
    public IReadOnlyList<Api.StoreStanding> FlaggedYesterday { get; private set; } = [];
    public int FlaggedYesterdayCount { get; private set; }
    public int UncountedYesterday { get; private set; }
    /// <summary>Stores whose door cameras were blind for a spell of yesterday's hours: their count is partial, not judged.</summary>
    public int PartlyCountedYesterday { get; private set; }

    /// <summary>One thing to see to: which store, what (looks-closed, offline, a fault code) and, for a camera, which.</summary>
    public sealed record Attention(string StoreCode, string StoreName, string What, string? CameraCode, StoreClosure? Closure, TimeZoneInfo Zone);

    /// <summary>
    /// A phone lists at most this many things to see to, and this many store cards: head office's scope is the whole chain
    /// (2,000 stores, every camera of a region that lost its network), which the HQ board and the store list show whole.
    /// </summary>
    public const int AttentionShown = 40, StoresShown = 100;

    /// <summary>The store cards shown (those that need something first, then the busiest) and how many stores there are in all.</summary>
    public IReadOnlyList<(Store Store, StoreSummary Summary)> Stores { get; private set; } = [];
    public int StoreCount { get; private set; }
    /// <summary>The stores outside their opening hours now, and why (opens at 10:00, closed for the day …), by code.</summary>
    public IReadOnlyDictionary<string, string> NotOpen { get; private set; } = new Dictionary<string, string>();
    /// <summary>The next instant one of the stores opens or closes: the page reads its cards and open count again then.</summary>
    public DateTime? HoursChangeUtc { get; private set; }
    /// <summary>How many of them are within their opening hours now: before the first opens, today's 0s are no fault.</summary>
    public int OpenNow => StoreCount - NotOpen.Count;
    /// <summary>The things to see to that are listed, and how many there are in all.</summary>
    public IReadOnlyList<Attention> NeedsAttention { get; private set; } = [];
    public int NeedsAttentionCount { get; private set; }
    public TrafficCounters Total { get; private set; } = TrafficCounters.Zero;
    /// <summary>The stores' open to-dos (待办), oldest first: what a store manager has been asked to put right.</summary>
    public IReadOnlyList<StoreTodo> OpenTodos { get; private set; } = [];
    /// <summary>Today's inspection pictures waiting for this reviewer's look (0 for those who do not review).</summary>
    public int PicturesToReview { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>To-dos the stores say are done, waiting for this reviewer's 验收 (0 for those who do not review).</summary>
    public int TodosToReview { get; private set; }
    /// <summary>With no store live in the reader's scope: how many of its stores have closed for good (闭店), so the page says why it is empty.</summary>
    public int ClosedDown { get; private set; }
    public int AttentionCount => NeedsAttentionCount + OpenTodos.Count + (PicturesToReview > 0 ? 1 : 0) + (TodosToReview > 0 ? 1 : 0) + TillFindings.Count;
    public DateTime UtcNow { get; } = DateTime.UtcNow;

    public async Task OnGet()
    {
        var summaries = await scopeSummaries.Load(User.Scope());
        var attention = summaries.SelectMany(p => AttentionOf(p.Store, p.Summary))
            .OrderBy(a => a.What == "looks-closed" ? 0 : a.What == "offline" ? 1 : 2).ThenBy(a => a.StoreCode, StringComparer.Ordinal).ToList();
        NeedsAttention = attention.Take(AttentionShown).ToList();
        NeedsAttentionCount = attention.Count;
        var flagged = attention.Select(a => a.StoreCode).ToHashSet();
        // Stores that need something first, then the busiest: what a manager scrolls for.
        Stores = summaries.OrderBy(p => flagged.Contains(p.Store.Code) ? 0 : 1).ThenByDescending(p => p.Summary.Today.Entries)
            .ThenBy(p => p.Store.Code, StringComparer.Ordinal).Take(StoresShown).ToList();
        StoreCount = summaries.Count;
        if (StoreCount == 0) ClosedDown = await scopeSummaries.ClosedDown(User.Scope());
        NotOpen = summaries.Select(p => (p.Store.Code, Why: Display.NotOpenNow(p.Store, UtcNow))).Where(p => p.Why is not null)
            .ToDictionary(p => p.Code, p => p.Why!);
        HoursChangeUtc = Display.NextOpenOrClose(summaries.Select(p => p.Store), UtcNow);
        Total = summaries.Aggregate(TrafficCounters.Zero, (sum, p) => sum.Plus(p.Summary.Today));
        var scope = User.Scope();
        Closed = (await menu.Of(scope.Role)).Where(i => !i.Shown).Select(i => i.Entry.Key).ToHashSet();
        Today = calendar.Today;
        if (!Closed.Contains("inspections"))
        {
            OpenTodos = await todos.Recent(new StoreCoverage(scope, null, null), TodoStates.Open, 50);
            if (scope.Role is Role.HqAdmin or Role.RegionManager)
            {
                PicturesToReview = await captures.AwaitingReview(scope, Today);
                TodosToReview = (await todos.Counts(new StoreCoverage(scope, null, null))).AwaitingReview;
            }
        }
        // A store whose findings have all been reviewed needs nobody's attention any more.
        if (!Closed.Contains("till"))
            TillFindings = (await tills.Day(new StoreCoverage(scope, null, null), Today)).Where(t => t.ToReview > 0).Take(AttentionShown).ToList();
        await LoadYesterday(scope);
    }

    /// <summary>门店地图: every store in scope where it is, coloured by what it needs; fetched when the map is opened, not with the page.</summary>
    public async Task<IActionResult> OnGetMap()
    {
        var summaries = await scopeSummaries.Load(User.Scope());
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(summaries.Select(p => new
        {
            code = p.Store.Code,
            name = p.Store.Name,
            lat = p.Store.Latitude,
            lng = p.Store.Longitude,
            state = p.Summary.LooksClosed is not null ? "closed" : AttentionOf(p.Store, p.Summary).Any() ? "attention" : "fine",
            entries = p.Summary.Today.Entries,
        }));
    }

    private async Task LoadYesterday(AccessScope scope)
    {
        // The traffic report's 门店对标 for yesterday alone (a whole day, so compared with the day before).
        var yesterday = Today.AddDays(-1);
        var query = new Api.TrafficQuery(new StoreCoverage(scope, null, null), yesterday, yesterday, ReportGrain.Day, null);
        var stores = (await Api.TrafficQuery.Benchmark(query, totals, benchmark.Value, Today, HttpContext.RequestAborted)).Stores;
        // A store that counted nobody is one line of its own: on a chain without yesterday's data, every store.
        var flagged = stores.Where(s => s.StandsOut)
            .OrderByDescending(s => s.Flags.Count).ThenBy(s => s.PeerIndex ?? 1).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        FlaggedYesterday = flagged.Take(FlaggedShown).ToList();
        FlaggedYesterdayCount = flagged.Count;
        UncountedYesterday = stores.Count(s => s.Flags.Contains(Api.StoreStanding.NoTraffic));
        PartlyCountedYesterday = stores.Count(s => s.Flags.Contains(Api.StoreStanding.PartlyCounted));
    }

    private static IEnumerable<Attention> AttentionOf(Store store, StoreSummary summary)
    {
        var zone = StoreTimeZones.Find(store.TimeZone);
        if (summary.LooksClosed is { } closed) yield return new(store.Code, store.Name, "looks-closed", null, closed, zone);
        foreach (var camera in summary.Cameras)
        {
            if (!camera.Online) yield return new(store.Code, store.Name, "offline", camera.CameraCode, null, zone);
            foreach (var fault in camera.Faults ?? []) yield return new(store.Code, store.Name, fault, camera.CameraCode, null, zone);
        }
    }
}
