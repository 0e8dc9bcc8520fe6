using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>One store's entry rate per month of the trend (null: no traffic counted that month) and its entries.</summary>
public sealed record StoreTrend(string Code, string Name, IReadOnlyList<double?> EntryRates, IReadOnlyList<int> Entries);

/// <summary>
/// 进店率月度趋势 (seed 001: one store's entry rate went 2.41 % in June to 8.36 % in December once the chain followed it
/// up): each covered store's entry rate over the months up to a report's end.
/// </summary>
public sealed record EntryRateTrend(IReadOnlyList<DateOnly> Months, IReadOnlyList<StoreTrend> Stores)
{
    /// <summary>Months in the trend: seed 001's table runs June to December.</summary>
    public const int MonthsShown = 7;

    public static async Task<EntryRateTrend> Of(StoreCoverage coverage, DateOnly to, StoreMonths months, CancellationToken cancellationToken)
    {
        var last = new DateOnly(to.Year, to.Month, 1);
        var columns = Enumerable.Range(0, MonthsShown).Select(i => last.AddMonths(i - MonthsShown + 1)).ToList();
        var rows = await months.Of(coverage, columns[0], to, cancellationToken);
        var stores = rows.GroupBy(r => (r.Code, r.Name)).Select(g =>
        {
            var byMonth = g.ToDictionary(r => DateOnly.FromDateTime(r.Month));
            return new StoreTrend(g.Key.Code, g.Key.Name,
                columns.Select(m => byMonth.TryGetValue(m, out var r) ? r.EntryRate : null).ToList(),
                columns.Select(m => byMonth.TryGetValue(m, out var r) ? r.Entries : 0).ToList());
        }).ToList();
        return new EntryRateTrend(columns, stores);
    }
}
