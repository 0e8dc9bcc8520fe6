using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Stores' weekly staff plans (排班).</summary>
public sealed class StoreShifts(SmartStoreDatabase database)
{
    public const int MaxPerStore = 50;

    public async Task<IReadOnlyList<StoreShift>> Of(string storeCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string StoreCode, short Weekdays, TimeSpan Starts, TimeSpan Ends, int Staff)>(new CommandDefinition(
            "SELECT id, store_code, weekdays, starts, ends, staff FROM store_shifts WHERE store_code = @storeCode ORDER BY starts, ends, id",
            new { storeCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new StoreShift(r.Id, r.StoreCode, (Weekdays)r.Weekdays, TimeOnly.FromTimeSpan(r.Starts), TimeOnly.FromTimeSpan(r.Ends), r.Staff)).ToList();
    }

    /// <summary>Adds a shift; null when the store has <see cref="MaxPerStore"/> already.</summary>
    public Task<long?> Add(StoreShift shift, string actor) => database.InTransaction(async (c, t) =>
    {
        var count = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM store_shifts WHERE store_code = @StoreCode", new { shift.StoreCode }, t);
        if (count >= MaxPerStore) return (long?)null;
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO store_shifts (store_code, weekdays, starts, ends, staff, created_by)
            VALUES (@StoreCode, @Weekdays, @Starts, @Ends, @Staff, @actor) RETURNING id
            """, new { shift.StoreCode, Weekdays = (short)shift.Weekdays, Starts = shift.Starts.ToTimeSpan(), Ends = shift.Ends.ToTimeSpan(), shift.Staff, actor }, t);
        await AuditTrail.Record(c, t, actor, "create", "store-shift", id.ToString(), shift with { Id = id });
        return id;
    });

    public Task<bool> Delete(string storeCode, long id, string actor) => database.InTransaction(async (c, t) =>
    {
        var deleted = await c.ExecuteAsync("DELETE FROM store_shifts WHERE id = @id AND store_code = @storeCode", new { id, storeCode }, t) > 0;
        if (deleted) await AuditTrail.Record(c, t, actor, "delete", "store-shift", id.ToString(), new { storeCode });
        return deleted;
    });
}
