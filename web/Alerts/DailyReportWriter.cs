using Microsoft.Extensions.Options;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Web.Alerts;

/// <summary>
/// Writes 每日日报 once a day, at <see cref="WebhookOptions.DailyReportAt"/> on head office's clock, about the day before:
/// one report a region for the region's endpoints, one for the chain for the chain's, one for each store with an endpoint of
/// its own. Every web host looks once a
/// minute; the first to write claims the day. Nothing is computed while no endpoint wants the reports.
/// </summary>
public sealed class DailyReportWriter(DailyReports reports, StoreTotals totals, StoreTodos todos, TillDays tills, RegionRepository regions, ReportCalendar calendar,
    IOptions<WebhookOptions> options, IOptions<StoreBenchmarkOptions> benchmark, ILogger<DailyReportWriter> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private static readonly AccessScope Chain = AccessScope.Everything(Role.HqAdmin);
    private DateOnly _doneFor;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            do
            {
                try
                {
                    await WriteIfDue(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The daily report could not be written; trying again in a minute");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping: another host, or this one at its next start, writes the day's report.
        }
    }

    private async Task WriteIfDue(CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        if (_doneFor == today || calendar.TimeOfDay < options.Value.DailyReportAt) return;
        // Yesterday's report, once: already written (here or by another host), or written now.
        if (await reports.Written(today.AddDays(-1), cancellationToken)) _doneFor = today;
        else if (await reports.Wanted(cancellationToken) && await Write(today.AddDays(-1), cancellationToken)) _doneFor = today;
    }

    /// <summary>Writes the reports on <paramref name="day"/> (once: false when that day's were written already).</summary>
    public async Task<bool> Write(DateOnly day, CancellationToken cancellationToken = default)
    {
        var today = calendar.Today;
        var chain = new StoreCoverage(Chain, null, null);
        var now = await Standings(chain, day, today, cancellationToken);
        // The week before is only compared with: its entries, not a benchmark of its own.
        var before = await totals.Counted(chain, day.AddDays(-7), day.AddDays(-7), cancellationToken);
        int EntriesBefore(string? region) => before.Where(t => region is null || t.RegionCode == region).Sum(t => t.Entries);
        // What is left now, whenever it was raised.
        var left = await todos.Tally(chain, DateTime.UnixEpoch, DateTime.UtcNow.AddDays(1), cancellationToken);
        DailyReport.TodosLeft LeftIn(TodoTally? t) => new(t?.Open ?? 0, t?.Overdue ?? 0, t?.AwaitingReview ?? 0);
        var tillDays = await tills.Day(chain, day, cancellationToken);
        var root = PageLinks.Root(options.Value.PublicUrl);
        var texts = new List<DailyReportText>();
        var regionLines = new List<string>();
        foreach (var region in await regions.List(Chain))
        {
            var own = now.Where(s => s.RegionCode == region.Code).ToList();
            var tally = left.FirstOrDefault(t => t.StoreCode is null && t.RegionCode == region.Code);
            texts.Add(new DailyReportText(region.Code, null, DailyReport.Compose(region.Name, day, own, EntriesBefore(region.Code), LeftIn(tally),
                tillDays.Where(t => t.RegionCode == region.Code).ToList(), link: PageLinks.Report(root, day, region.Code))));
            regionLines.Add(DailyReport.RegionLine(region.Name, own, EntriesBefore(region.Code)));
        }
        texts.Add(new DailyReportText(DailyReports.Chain, null, DailyReport.Compose("全部门店", day, now, EntriesBefore(null),
            LeftIn(left.FirstOrDefault(t => t.RegionCode is null)), tillDays, regionLines, PageLinks.Report(root, day, null))));
        // A store's own report only where its own endpoint wants one: 2,000 reports nobody reads are not composed. Each
        // store's figures are looked up, not searched for: 2,000 wanted reports would otherwise scan the chain 8,000 times.
        var standing = now.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var entriesBefore = before.GroupBy(t => t.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(t => t.Entries), StringComparer.Ordinal);
        var leftOf = left.Where(t => t.StoreCode is not null).GroupBy(t => t.StoreCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var tillsOf = tillDays.ToLookup(t => t.StoreCode, StringComparer.Ordinal);
        foreach (var code in await reports.StoresWanting(cancellationToken))
        {
            if (!standing.TryGetValue(code, out var store)) continue;
            texts.Add(new DailyReportText(store.RegionCode, code, DailyReport.ComposeStore(store, day, entriesBefore.GetValueOrDefault(code),
                LeftIn(leftOf.GetValueOrDefault(code)), tillsOf[code].ToList(), PageLinks.Store(root, code))));
        }
        var written = await reports.Write(day, texts, DateTime.UtcNow, cancellationToken);
        if (written)
            logger.LogInformation("Daily reports on {Day} written for {Regions} regions, the chain and {Stores} stores", day,
                texts.Count(t => t.StoreCode is null) - 1, texts.Count(t => t.StoreCode is not null));
        return written;
    }

    /// <summary>Every store's standing on one day (门店对标 over the chain: a store's peers are the chain's stores of its type).</summary>
    private async Task<IReadOnlyList<StoreStanding>> Standings(StoreCoverage chain, DateOnly day, DateOnly today, CancellationToken cancellationToken)
    {
        var query = new TrafficQuery(chain, day, day, ReportGrain.Day, null);
        return (await TrafficQuery.Benchmark(query, totals, benchmark.Value, today, cancellationToken)).Stores;
    }
}
