using System.Text.Json;
using Dapper;
using Npgsql;

namespace SmartStore.Storage;

/// <summary>Who changed what, written in the same transaction as the change itself.</summary>
public static class AuditTrail
{
    public sealed record Entry(long Id, DateTime At, string Actor, string Action, string Entity, string EntityKey, string? Detail);

    public static Task Record(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string actor, string action, string entity, string entityKey, object? detail = null) =>
        connection.ExecuteAsync("""
            INSERT INTO audit_log (actor, action, entity, entity_key, detail)
            VALUES (@actor, @action, @entity, @entityKey, CAST(@detail AS jsonb))
            """,
            new { actor, action, entity, entityKey, detail = detail is null ? null : JsonSerializer.Serialize(detail, StorageJson.Options) },
            transaction);

    public static async Task<IReadOnlyList<Entry>> Latest(SmartStoreDatabase database, int limit, string? entity)
    {
        await using var connection = await database.Open();
        var rows = await connection.QueryAsync<Entry>("""
            SELECT id, at, actor, action, entity, entity_key AS EntityKey, detail::text AS Detail
            FROM audit_log WHERE @entity IS NULL OR entity = @entity
            ORDER BY id DESC LIMIT @limit
            """, new { limit, entity });
        return rows.ToList();
    }
}
