using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Web.Analysis;

/// <summary>
/// Keeps 收银追溯's figures per store and day (<see cref="TillDays"/>) for head office's overview: every
/// <see cref="TillTraceOptions.KeepEvery"/>, one web host at a time traces again each store-day with a till camera that
/// is new, still going on (or less than an hour over), or has had receipts pushed since it was traced.
/// </summary>
public sealed class TillDayKeeper(TillDays days, TillEvidence evidence, TillDesk desk, IOptions<TillTraceOptions> options, ILogger<TillDayKeeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A little after start, so a host's first minute goes to the pages.
            await Task.Delay(TimeSpan.FromSeconds(20), stoppingToken);
            using var timer = new PeriodicTimer(options.Value.KeepEvery);
            do
            {
                try
                {
                    await days.Exclusively(() => Keep(stoppingToken), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The till figures could not be brought up to date; trying again in {Every}", options.Value.KeepEvery);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping: the next cycle, here or on another host, picks up where this one left.
        }
    }

    /// <summary>
    /// Traces every stale store-day and writes its figures, and the day as traced with the pictures of its findings kept as
    /// evidence; how many it wrote.
    /// </summary>
    public async Task<int> Keep(CancellationToken cancellationToken = default)
    {
        var stale = await days.Stale(options.Value.FirstKept(DateTime.UtcNow), cancellationToken);
        foreach (var day in stale)
        {
            var traced = await desk.Trace(day.StoreCode, StoreTimeZones.Find(day.TimeZone), day.Day, cancellationToken);
            await days.Write(day.StoreCode, day.Day, traced.Figures, cancellationToken);
            await evidence.Write(day.StoreCode, day.Day,
                traced.Receipts.Select(r => (r.Receipt.Number, JsonSerializer.Serialize(TracedReceipt.Of(r), StorageJson.Options))).ToList(),
                JsonSerializer.Serialize(traced.Unrung, StorageJson.Options), traced.Evidence,
                day.Day.AddDays(options.Value.EvidenceDays + 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), cancellationToken);
        }
        if (stale.Count > 0) logger.LogInformation("Till figures of {Days} store-days brought up to date", stale.Count);
        return stale.Count;
    }
}
