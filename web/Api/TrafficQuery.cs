using System.Globalization;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>Which stores a traffic request may cover, checked against the viewer's scope.</summary>
public static class TrafficCoverage
{
    public static async Task<(TrafficReport.Coverage? Coverage, IResult? Problem)> Resolve(AccessScope scope, string? store, string? region, StoreRepository stores)
    {
        if (store is not null)
        {
            var found = await stores.Find(store);
            if (found is null) return (null, Problems.NotFound($"Store '{store}'"));
            if (!scope.AllowsStore(found.Code, found.RegionCode)) return (null, Problems.OutOfScope($"Store '{store}'"));
            return (new TrafficReport.Coverage(scope, store, null), null);
        }
        if (region is not null)
            return scope.AllowsRegion(region) ? (new TrafficReport.Coverage(scope, null, region), null) : (null, Problems.OutOfScope($"Region '{region}'"));
        // Nothing named: everything the scope allows (the chain for head office, own regions or stores for managers).
        return (new TrafficReport.Coverage(scope, null, null), null);
    }
}

/// <summary>A parsed report request: coverage, period (store-local dates, inclusive), cut and comparison.</summary>
public sealed record TrafficQuery(TrafficReport.Coverage Coverage, DateOnly From, DateOnly To, ReportGrain By, string? Compare)
{
    public const int MaxDays = 400;

    /// <summary>Parses and checks a request; on failure, the API answer and (for pages) the messages of invalid fields.</summary>
    public static async Task<(TrafficQuery? Query, IResult? Problem, IReadOnlyList<string> Messages)> Read(AccessScope scope, string? store, string? region,
        string? from, string? to, string? by, string? compare, StoreRepository stores, DateOnly today)
    {
        var errors = new FieldErrors();
        var fromDate = ParseDate(errors, "from", from) ?? today;
        var toDate = ParseDate(errors, "to", to) ?? fromDate;
        if (toDate < fromDate) errors.Add("to", "to is before from.");
        else if (toDate.DayNumber - fromDate.DayNumber >= MaxDays) errors.Add("to", $"a report covers at most {MaxDays} days.");
        ReportGrain grain = ReportGrain.Day;
        if (by is not null && (int.TryParse(by, out _) || !Enum.TryParse(by, ignoreCase: true, out grain)))
            errors.Add("by", $"by '{by}' must be hour, day, week or month.");
        if (compare is not null and not ("previous" or "last-year")) errors.Add("compare", $"compare '{compare}' must be 'previous' or 'last-year'.");
        if (store is not null && region is not null) errors.Add("store", "name a store or a region, not both.");
        if (errors.Any) return (null, errors.ToResult(), errors.Messages);
        var (coverage, problem) = await TrafficCoverage.Resolve(scope, store, region, stores);
        return coverage is null ? (null, problem, []) : (new TrafficQuery(coverage, fromDate, toDate, grain, compare), null, []);
    }

    /// <summary>The comparison period: the same number of days just before, or the same dates a year earlier.</summary>
    public (DateOnly From, DateOnly To)? ComparedPeriod() => Compare switch
    {
        "previous" => (From.AddDays(-(To.DayNumber - From.DayNumber + 1)), From.AddDays(-1)),
        "last-year" => (From.AddYears(-1), To.AddYears(-1)),
        _ => null,
    };

    public static async Task<TrafficResult> Run(TrafficQuery query, TrafficReport reports, CancellationToken cancellationToken)
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
        return new TrafficResult(query.Coverage.StoreCode, query.Coverage.RegionCode, query.From, query.To, query.By.ToString().ToLowerInvariant(), rows, total, comparison);
    }

    /// <summary>Relative change (0.12 = +12 %); null when the earlier period had none.</summary>
    private static double? Change(int now, int before) => before == 0 ? null : Math.Round((double)(now - before) / before, 4);

    private static DateOnly? ParseDate(FieldErrors errors, string field, string? text)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, $"{field} '{text}' must be a date yyyy-MM-dd.");
        return null;
    }
}

public sealed record TrafficComparison(string Kind, DateOnly From, DateOnly To, TrafficRow Total, double? EntriesChange, double? PassersByChange, double? UniqueVisitorsChange);

public sealed record TrafficResult(string? Store, string? Region, DateOnly From, DateOnly To, string By,
    IReadOnlyList<TrafficRow> Rows, TrafficRow Total, TrafficComparison? Comparison);
