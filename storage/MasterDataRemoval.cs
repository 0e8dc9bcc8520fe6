using Dapper;
using Npgsql;

namespace SmartStore.Storage;

/// <summary>
/// Deletes a master-data record (store, region, camera, SKU) by its code, with its 操作日志 entry, in one transaction; the
/// database's refusal (a record still using it …) comes back as a <see cref="MasterDataConflict"/> a user can act on.
/// </summary>
internal static class MasterDataRemoval
{
    /// <param name="table">The record's table (a name from the code, never from a request).</param>
    /// <param name="entity">What the record is, as refusals name it ("Store"); in lower case, as the audit log does.</param>
    /// <param name="refusal">Words a refusal its own way, or null for <see cref="MasterDataConflict.From"/>'s.</param>
    public static async Task<bool> ByCode(SmartStoreDatabase database, string table, string entity, string code, string actor,
        Func<PostgresException, MasterDataConflict?>? refusal = null)
    {
        try
        {
            return await database.InTransaction(async (c, t) =>
            {
                var deleted = await c.ExecuteAsync($"DELETE FROM {table} WHERE code = @code", new { code }, t) > 0;
                if (deleted) await AuditTrail.Record(c, t, actor, "delete", entity.ToLowerInvariant(), code);
                return deleted;
            });
        }
        catch (PostgresException e)
        {
            // Deleting, a broken reference can only be another record's to this one, whatever language the server words it in.
            throw refusal?.Invoke(e) ?? (e.SqlState == PostgresErrorCodes.ForeignKeyViolation ? MasterDataConflict.InUse(e, entity, code) : MasterDataConflict.From(e, entity, code));
        }
    }
}
