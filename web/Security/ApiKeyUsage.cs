using System.Collections.Concurrent;
using SmartStore.Storage;

namespace SmartStore.Web.Security;

/// <summary>
/// Counts each API key's calls as they are authenticated (<see cref="CountedInMemory"/>): a write per call would double an
/// integration's load on the database. A host that dies loses seconds of counts, never a key's access.
/// </summary>
public sealed class ApiKeyUsage(ApiKeys keys, ILogger<ApiKeyUsage> logger) : CountedInMemory
{
    private readonly ConcurrentDictionary<int, (long Calls, DateTime LastUtc)> _pending = new();

    public void Called(int keyId, DateTime atUtc) =>
        _pending.AddOrUpdate(keyId, (1, atUtc), (_, was) => (was.Calls + 1, atUtc > was.LastUtc ? atUtc : was.LastUtc));

    public override async Task Flush()
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
