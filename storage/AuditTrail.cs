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

    /// <summary>
    /// What 操作日志 is searched by, every part optional: who (a username, or an API key's name as its actor reads), what
    /// was done, to what kind of thing and which one, when (UTC, from inclusive, to exclusive), and, to page back, the
    /// entries older than one already shown.
    /// </summary>
    public sealed record Query(string? Actor = null, string? Action = null, string? Entity = null, string? Key = null,
        DateTime? FromUtc = null, DateTime? ToUtc = null, long? Before = null);

    /// <summary>The latest change of one record (who, when), to say who changed it meanwhile.</summary>
    public static async Task<Entry?> Last(SmartStoreDatabase database, string entity, string key) =>
        (await Search(database, new Query(Entity: entity, Key: key), limit: 1)).FirstOrDefault();

    /// <summary>
    /// The newest <paramref name="limit"/> entries matching, newest first. A key finds what lies under it too: a camera's
    /// code its presets' planograms (CAM-S0001-P1/P2), a store's code its till findings (S0001/…).
    /// </summary>
    public static async Task<IReadOnlyList<Entry>> Search(SmartStoreDatabase database, Query query, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<Entry>(new CommandDefinition("""
            SELECT id, at, actor, action, entity, entity_key AS EntityKey, detail::text AS Detail
            FROM audit_log
            WHERE (@Actor::text IS NULL OR actor = @Actor) AND (@Action::text IS NULL OR action = @Action)
              AND (@Entity::text IS NULL OR entity = @Entity) AND (@Key::text IS NULL OR entity_key = @Key OR entity_key LIKE @below)
              AND (@FromUtc::timestamptz IS NULL OR at >= @FromUtc) AND (@ToUtc::timestamptz IS NULL OR at < @ToUtc)
              AND (@Before::bigint IS NULL OR id < @Before)
            ORDER BY id DESC LIMIT @limit
            """, new { query.Actor, query.Action, query.Entity, query.Key, below = Below(query.Key), query.FromUtc, query.ToUtc, query.Before, limit },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The LIKE pattern of the keys under <paramref name="key"/> ("key/…"), its own wildcards taken literally.</summary>
    private static string? Below(string? key) =>
        key is null ? null : key.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "/%";
}
