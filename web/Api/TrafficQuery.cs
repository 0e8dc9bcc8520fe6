using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>A parsed report request: coverage, period (store-local dates, inclusive), cut and comparison.</summary>
public sealed record TrafficQuery(StoreCoverage Coverage, DateOnly From, DateOnly To, ReportGrain By, string? Compare)
{
    /// <summary>Parses and checks a request; on failure, the API answer and (for pages) the messages of invalid fields.</summary>
    public static async Task<(TrafficQuery? Query, IResult? Problem, IReadOnlyList<string> Messages)> Read(AccessScope scope, string? store, string? region,
        string? from, string? to, string? by, string? compare, StoreRepository stores, DateOnly today)
    {
        var errors = new FieldErrors();
        var (fromDate, toDate) = ReportRequest.Period(errors, from, to, today);
        ReportGrain grain = ReportGrain.Day;
        if (by is not null && (int.TryParse(by, out _) || !Enum.TryParse(by, ignoreCase: true, out grain)))
            errors.Add("by", $"by '{by}' must be hour, day, week or month.", $"统计粒度“{by}”须为小时、日、周或月。");
        if (compare is not null and not ("previous" or "last-year")) errors.Add("compare", $"compare '{compare}' must be 'previous' or 'last-year'.", $"对比方式“{compare}”须为环比或同比。");
        ReportRequest.OneTarget(errors, store, region);
        if (errors.Any) return (null, errors.ToResult(), errors.Localized);
        var (coverage, problem) = await StoreAccess.Resolve(scope, store, region, stores);
        return coverage is null ? (null, problem, []) : (new TrafficQuery(coverage, fromDate, toDate, grain, compare), null, []);
    }

    /// <summary>The comparison period: the same number of days just before, or the same dates a year earlier.</summary>
    public (DateOnly From, DateOnly To)? ComparedPeriod() => Compare switch
    {
        "previous" => (From.AddDays(-(To.DayNumber - From.DayNumber + 1)), From.AddDays(-1)),
        "last-year" => (From.AddYears(-1), To.AddYears(-1)),
        _ => null,
    };

    /// <summary>Hours where receipts and people disagree, listed with a report (the newest this many).</summary>
    public const int MismatchesListed = 50;

    public static async Task<TrafficResult> Run(TrafficQuery query, TrafficReport reports, StoreReceipts receipts, PosOptions pos, CancellationToken cancellationToken)
    {
        var rows = await reports.Rows(query.Coverage, query.From, query.To, query.By, cancellationToken);
        var total = await reports.Total(query.Coverage, query.From, query.To, cancellationToken);
        TrafficComparison? comparison = null;
        if (query.ComparedPeriod() is { } period)
        {
            var before = await reports.Total(query.Coverage, period.From, period.To, cancellationToken);
            comparison = new TrafficComparison(query.Compare!, period.From, period.To, before, Change(total.Entries, before.Entries),
                Change(total.PassersBy, before.PassersBy), Change(total.UniqueVisitors, before.UniqueVisitors));
        }
        var mismatches = await receipts.Mismatches(query.Coverage, query.From, query.To, pos.MinReceiptsWithoutPeople, pos.MinEntriesWithoutReceipt,
            MismatchesListed, cancellationToken);
        return new TrafficResult(query.Coverage.StoreCode, query.Coverage.RegionCode, query.From, query.To, query.By.ToString().ToLowerInvariant(), rows, total,
            comparison, mismatches);
    }

    /// <summary>
    /// Every store the query covers against its peers of the chain, and against the same number of days just before — only
    /// once the period is over: a day still going compared with a whole one would flag every store as dropping.
    /// </summary>
    public static async Task<StoreBenchmarkResult> Benchmark(TrafficQuery query, StoreTotals totals, StoreBenchmarkOptions options, DateOnly today,
        CancellationToken cancellationToken)
    {
        var days = query.To.DayNumber - query.From.DayNumber + 1;
        (DateOnly From, DateOnly To)? before = query.To < today ? (query.From.AddDays(-days), query.From.AddDays(-1)) : null;
        var now = await totals.Over(query.Coverage, query.From, query.To, cancellationToken);
        var then = before is { } b ? await totals.Over(query.Coverage, b.From, b.To, cancellationToken) : [];
        var (groups, stores) = StoreBenchmark.Compare(now, then, options);
        return new StoreBenchmarkResult(query.From, query.To, before?.From, before?.To, groups, stores);
    }

    /// <summary>Relative change (0.12 = +12 %); null when the earlier period had none.</summary>
    private static double? Change(int now, int before) => before == 0 ? null : Math.Round((double)(now - before) / before, 4);
}

public sealed record TrafficComparison(string Kind, DateOnly From, DateOnly To, TrafficRow Total, double? EntriesChange, double? PassersByChange, double? UniqueVisitorsChange);

/// <summary>A traffic report; <see cref="Mismatches"/>: the hours where the POS's receipts and the counted people disagree.</summary>
public sealed record TrafficResult(string? Store, string? Region, DateOnly From, DateOnly To, string By,
    IReadOnlyList<TrafficRow> Rows, TrafficRow Total, TrafficComparison? Comparison, IReadOnlyList<ReceiptMismatch> Mismatches);

/// <summary>门店对标 over a period; the period before is null while the period has not ended.</summary>
public sealed record StoreBenchmarkResult(DateOnly From, DateOnly To, DateOnly? BeforeFrom, DateOnly? BeforeTo,
    IReadOnlyList<PeerGroup> Groups, IReadOnlyList<StoreStanding> Stores);
