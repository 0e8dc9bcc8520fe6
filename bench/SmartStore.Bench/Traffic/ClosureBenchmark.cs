using SmartStore.Grains.Traffic;

namespace SmartStore.Bench.Traffic;

/// <summary>
/// 营业时间内疑似关门 (the store grain's <see cref="ClosureWatch"/>, as configured by default) on simulated store days. No
/// annotated store-day exists here (the people sets are seconds of video), so this is a model, and the figures say what
/// the rule does under it: a store open 10:00–22:00 whose entrance reports once a minute; each hour its own flow of
/// passers-by (0.5–4 a minute) and its own share of them coming in (the day's base share × 0.5–1.5: lunch, after work);
/// arrivals at random within that. A normal day that raises a closure is a false alarm; a day whose door shuts at 19:50
/// (seed 001's store, 130 minutes early) is found if a closure is raised before 22:00, so many minutes after 19:50.
/// </summary>
public sealed class ClosureBenchmark : IBenchmark
{
    private const int OpenMinutes = 12 * 60;
    private const int ShutAt = 9 * 60 + 50; // 19:50
    private static readonly DateTime Opening = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc); // 10:00 in Shanghai
    private static readonly double[] BaseShares = [0.05, 0.10, 0.20];

    public string Name => "closure";
    public string Usage => "[--days N] [--chance X] [--rate-share X]  stores that look closed during opening hours, on simulated days";

    public Task<int> RunAsync(BenchArgs args, CancellationToken cancellation)
    {
        var days = args.Get("days", 1000);
        var defaults = new ClosureOptions();
        var options = defaults with
        {
            Chance = args.Get("chance", (float)defaults.Chance),
            RateShare = args.Get("rate-share", (float)defaults.RateShare),
        };
        Progress.Say($"closure: {days} normal and {days} early-closing days per base entry share {string.Join(", ", BaseShares)}; chance {options.Chance:G3}, rate share {options.RateShare:G3}, quiet {options.MinQuiet.TotalMinutes} min");
        var figures = new Figures();
        var rng = new Random(20261205);
        int falseAlarms = 0, normal = 0, found = 0, shut = 0, swingAlarms = 0;
        var minutes = new List<double>();
        foreach (var share in BaseShares)
        {
            cancellation.ThrowIfCancellationRequested();
            int alarms = 0, hits = 0, swing = 0;
            var delays = new List<double>();
            for (var d = 0; d < days; d++)
            {
                if (Day(rng, options, share, 0.5, shutAt: null) is not null) alarms++;
                if (Day(rng, options, share, 0.75, shutAt: null) is not null) swing++;
                if (Day(rng, options, share, 0.5, ShutAt) is { } raised) { hits++; delays.Add(raised - ShutAt); }
            }
            Progress.Say($"closure: base share {share:P0}: false alarms on {alarms}/{days} normal days ({swing}/{days} when the hourly share swings ±75 %), " +
                $"early closing found on {hits}/{days} days, median {Median(delays):0} min after 19:50");
            (falseAlarms, swingAlarms, normal, found, shut) = (falseAlarms + alarms, swingAlarms + swing, normal + days, found + hits, shut + days);
            minutes.AddRange(delays);
        }
        figures.Add("closure_false_alarm_days", falseAlarms / (double)normal, "ratio");
        figures.Add("closure_false_alarm_days_swing75", swingAlarms / (double)normal, "ratio");
        figures.Add("closure_found_share", found / (double)shut, "ratio");
        figures.Add("closure_found_minutes_median", Median(minutes), "minutes");
        figures.Print();
        return Task.FromResult(0);
    }

    /// <summary>The minute of the day the watch raised a closure, or null.</summary>
    private static int? Day(Random rng, ClosureOptions options, double baseShare, double swing, int? shutAt)
    {
        var watch = new ClosureWatch("SIM", options);
        var flow = Enumerable.Range(0, 12).Select(_ => 0.5 + 3.5 * rng.NextDouble()).ToArray();
        var shares = Enumerable.Range(0, 12).Select(_ => Math.Min(0.9, baseShare * (1 - swing + 2 * swing * rng.NextDouble()))).ToArray();
        int entries = 0, passersBy = 0;
        for (var minute = 0; minute < OpenMinutes; minute++)
        {
            var hour = minute / 60;
            int came = Poisson(rng, flow[hour]), customers = 0;
            var share = shutAt is { } s && minute >= s ? 0 : shares[hour];
            for (var i = 0; i < came; i++) if (rng.NextDouble() < share) customers++;
            entries += customers;
            passersBy += came - customers;
            if (watch.Observe(Opening.AddMinutes(minute), customers, came - customers, open: true, entries, passersBy) is { ReopenedUtc: null })
                return minute;
        }
        return null;
    }

    private static int Poisson(Random rng, double mean)
    {
        int k = 0;
        for (double p = rng.NextDouble(), limit = Math.Exp(-mean); p > limit; p *= rng.NextDouble()) k++;
        return k;
    }

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);
}
