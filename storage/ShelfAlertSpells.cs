using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// One spell of a shelf alert at a store (陈列告警记录): when it was raised — for an empty slot, since the first patrol
/// that found it empty — and when it went (null: not recorded). <see cref="Open"/>: its alert's latest spell, with no end
/// recorded — standing, if the store still has it; one raised again after it ended unrecorded (before ends were sent) is not.
/// <see cref="EndedBecause"/>: why it ended, where the plan told (<see cref="ShelfAlertEnd"/>'s causes).
/// </summary>
public sealed record ShelfAlertSpell(string Detail, string? SlotId, string? Sku, DateTime RaisedUtc, DateTime? EndedUtc, bool Open = false,
    string? EndedBecause = null)
{
    /// <summary>The same key a standing <see cref="ShelfAlert"/> has.</summary>
    public string Key => ShelfAlert.KeyOf(Detail, SlotId);

    /// <summary>Whether this spell is standing now, given the alerts (keys) the store has now.</summary>
    public bool Stands(IReadOnlySet<string> standingKeys) => Open && standingKeys.Contains(Key);
}

/// <summary>A store's shelf alerts over the last days, from the events written for the webhooks (kept 90 days).</summary>
public sealed class ShelfAlertSpells(SmartStoreDatabase database)
{
    /// <summary>The store's spells raised or ended since <paramref name="sinceUtc"/>, newest first.</summary>
    public async Task<IReadOnlyList<ShelfAlertSpell>> Of(string storeCode, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var events = await connection.QueryAsync<(string Kind, string Detail, string? Slot, string? Sku, DateTime At, string? Because)>(new CommandDefinition("""
            SELECT kind, detail, slot_id, sku, occurred_utc, ended_because FROM alert_events
            WHERE store_code = @storeCode AND kind IN (@raised, @ended) AND created_utc >= @sinceUtc
            ORDER BY id
            """, new { storeCode, sinceUtc, raised = AlertKinds.ShelfAlert, ended = AlertKinds.ShelfAlertCleared }, cancellationToken: cancellationToken));
        return Pair(events.Select(e => e with { At = DateTime.SpecifyKind(e.At, DateTimeKind.Utc) }));
    }

    /// <summary>
    /// Raised and ended events, in the order written, as spells: an end closes the open spell of its alert (an end whose
    /// raising is older than the events read closes nothing).
    /// </summary>
    public static IReadOnlyList<ShelfAlertSpell> Pair(IEnumerable<(string Kind, string Detail, string? Slot, string? Sku, DateTime At, string? Because)> events)
    {
        var spells = new List<ShelfAlertSpell>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var spell = new ShelfAlertSpell(e.Detail, e.Slot, e.Sku, e.At, null);
            if (e.Kind == AlertKinds.ShelfAlert)
            {
                open[spell.Key] = spells.Count;
                spells.Add(spell);
            }
            else if (open.Remove(spell.Key, out var i)) spells[i] = spells[i] with { EndedUtc = e.At, EndedBecause = e.Because };
        }
        foreach (var i in open.Values) spells[i] = spells[i] with { Open = true };
        return spells.OrderByDescending(s => s.RaisedUtc).ToList();
    }
}
