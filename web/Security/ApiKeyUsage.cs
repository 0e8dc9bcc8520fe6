using System.Collections.Concurrent;
using SmartStore.Storage;

namespace SmartStore.Web.Security;

/// <summary>
/// Counts each API key's calls as they are authenticated and adds them to PostgreSQL every <see cref="FlushEvery"/> (and
/// when the host stops): a write per call would double an integration's load on the database for a figure read by people.
/// A host that dies loses at most that many seconds of counts, never a key's access.
/// </summary>
public sealed class ApiKeyUsage(ApiKeys keys, ILogger<ApiKeyUsage> logger) : BackgroundService
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<int, (long Calls, DateTime LastUtc)> _pending = new();

    public void Called(int keyId, DateTime atUtc) =>
        _pending.AddOrUpdate(keyId, (1, atUtc), (_, was) => (was.Calls + 1, atUtc > was.LastUtc ? atUtc : was.LastUtc));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await Flush();
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is counted is written below.
        }
        await Flush();
    }

    /// <summary>Writes the counts so far (the tests and the admin page need not wait for the timer).</summary>
    public async Task Flush()
    {
        var taken = new List<(int, long, DateTime)>();
        foreach (var id in _pending.Keys)
            if (_pending.TryRemove(id, out var use)) taken.Add((id, use.Calls, use.LastUtc));
        try
        {
            await keys.RecordUse(taken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Put back for the next round: the database may be restarting.
            foreach (var (id, calls, last) in taken)
                _pending.AddOrUpdate(id, (calls, last), (_, was) => (was.Calls + calls, last > was.LastUtc ? last : was.LastUtc));
            logger.LogWarning(e, "API key usage of {Keys} keys not written yet", taken.Count);
        }
    }
}
