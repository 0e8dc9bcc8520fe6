using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Web.Pages;

/// <summary>
/// AI识别报表 · 人流量: foot traffic by store, region or chain, cut by hour/day/week/month, with comparison and Excel export,
/// and each store covered against its peers (门店对标).
/// </summary>
public sealed class TrafficModel(StoreRepository storeRepository, RegionRepository regions, TrafficReport reports, ReportCalendar calendar,
    StoreTotals totals, IOptions<StoreBenchmarkOptions> benchmark, DictionaryRepository dictionary, StoreReceipts receipts, IOptions<PosOptions> pos,
    StoreMonths months)
    : ReportPageModel(storeRepository, regions)
{
    /// <summary>Stores listed on the page (those that counted nobody, then the furthest below their peers); the Excel export has them all.</summary>
    public const int StandingsShown = 100;

    [FromQuery] public string? By { get; set; }
    [FromQuery] public string? Compare { get; set; }

    public TrafficResult? Result { get; private set; }
    public StoreBenchmarkResult? Standings { get; private set; }
    /// <summary>The share of a day's hours its door cameras may be blind before the day is left out of 门店对标's averages.</summary>
    public StoreBenchmarkOptions Benchmarking => benchmark.Value;
    public EntryRateTrend? Trend { get; private set; }
    public IReadOnlyList<DictionaryEntry> StoreTypes { get; private set; } = [];
    protected override string ExcelPath => "/api/traffic/report.xlsx";

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var scope = await LoadFilter();
        var today = calendar.Today;
        From ??= today.AddDays(-6).ToString("yyyy-MM-dd");
        To ??= today.ToString("yyyy-MM-dd");
        By ??= "day";
        Compare = string.IsNullOrWhiteSpace(Compare) ? null : Compare;
        var (query, problem, messages) = await TrafficQuery.Read(scope, Store, Region, From, To, By, Compare, Stores, today);
        if (query is null) return messages.Count > 0 ? Refused(messages) : this.Refusal(problem);
        Result = await TrafficQuery.Run(query, reports, receipts, pos.Value, cancellationToken);
        Standings = await TrafficQuery.Benchmark(query, totals, benchmark.Value, today, cancellationToken);
        Trend = await EntryRateTrend.Of(query.Coverage, query.To, months, cancellationToken);
        StoreTypes = await dictionary.List(DictionaryRepository.StoreTag);
        return Page();
    }
}
