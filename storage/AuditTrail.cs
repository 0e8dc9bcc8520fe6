using System.Text.Json;
using Dapper;
using Npgsql;

namespace SmartStore.Storage;

/// <summary>Who changed what, written in the same transaction as the change itself.</summary>
public static class AuditTrail
{
    /// <param name="Previous">
    /// for an entry that wrote the whole record (<see cref="RecordActions"/>, a camera's drawings), the record as the entry before it wrote it —
    /// what this one changed is the difference; null for other entries and for a record's first.
    /// </param>
    public sealed record Entry(long Id, DateTime At, string Actor, string Action, string Entity, string EntityKey, string? Detail, string? Previous = null);

    /// <summary>The actions whose detail is the whole record as written, so that one such entry can be compared with the one before.</summary>
    public static readonly string[] RecordActions = ["create", "update", "import", "upsert"];

    /// <summary>
    /// A camera's drawings and till, saved on their own: their entries keep the whole camera as well — before, only what was
    /// drawn, so an older such entry (one without the camera's code) is not a whole record.
    /// </summary>
    private static readonly string[] CameraPartActions = ["door-line", "counting-area", "watches-till"];

    /// <summary>SQL: whether the entry aliased <paramref name="alias"/> holds its whole record (parameters @records, @parts).</summary>
    private static string WholeRecord(string alias) =>
        $"({alias}.action = ANY(@records) OR ({alias}.action = ANY(@parts) AND {alias}.detail ->> 'code' IS NOT NULL))";

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

    /// <summary>
    /// What happened to one record after the version an edit was sent against: the entries since (oldest first; every kind —
    /// a door line drawn or a secret rotated moves the version as an edit does), and the record as written at that version
    /// and as written last, for a refusal to say what changed. The version is the record's updated_at (<see cref="Revision"/>),
    /// which the change's own entry shares (both are the transaction's now()).
    /// </summary>
    /// <param name="Last">the latest change, whether or not the version read is known.</param>
    /// <param name="Then">the record as its last whole-record entry up to the version read wrote it (null: unknown version, or
    /// that entry removed by retention).</param>
    /// <param name="Now">the record as its latest whole-record entry since wrote it (null: no whole-record entry since).</param>
    public sealed record Meanwhile(Entry? Last, IReadOnlyList<Entry> Since, string? Then = null, string? Now = null);

    /// <summary>
    /// The entries of one record (its own key only: not its presets' planograms, not a store's till findings) since its
    /// version <paramref name="revision"/> was read — the latest 100, oldest first; null or no such version: only the last change.
    /// </summary>
    /// <param name="besides">actions that do not change the record's version (a password changed), so are not who changed it.</param>
    public static async Task<Meanwhile> SinceVersion(SmartStoreDatabase database, string entity, string key, long? revision,
        IReadOnlyList<string>? besides = null)
    {
        const string Entries = """
            SELECT id, at, actor, action, entity, entity_key AS EntityKey, detail::text AS Detail, NULL::text AS Previous
            FROM audit_log
            WHERE entity = @entity AND entity_key = @key AND (@readAt::timestamptz IS NULL OR at > @readAt) AND NOT action = ANY(@besides)
            ORDER BY id DESC LIMIT @limit
            """;
        DateTime? readAt = revision is { } version and >= 0 ? DateTime.UnixEpoch.AddTicks(version * 10) : null;
        var args = new { entity, key, readAt, besides = besides ?? [], limit = readAt is null ? 1 : 100, records = RecordActions, parts = CameraPartActions };
        await using var connection = await database.Open();
        var latest = (await connection.QueryAsync<Entry>(Entries, args)).ToList();
        if (readAt is null) return new(latest.FirstOrDefault(), []);
        // Nothing since the version read (one this record was never at): still say who changed it last.
        var last = latest.FirstOrDefault() ?? await connection.QueryFirstOrDefaultAsync<Entry>(Entries, args with { readAt = (DateTime?)null, limit = 1 });
        latest.Reverse();
        var (then, now) = await connection.QuerySingleAsync<(string?, string?)>($"""
            SELECT (SELECT detail::text FROM audit_log
                    WHERE entity = @entity AND entity_key = @key AND at <= @readAt AND {WholeRecord("audit_log")} ORDER BY id DESC LIMIT 1),
                   (SELECT detail::text FROM audit_log
                    WHERE entity = @entity AND entity_key = @key AND at > @readAt AND {WholeRecord("audit_log")} ORDER BY id DESC LIMIT 1)
            """, args);
        return new(last, latest, then, now);
    }

    /// <summary>
    /// The newest <paramref name="limit"/> entries matching, newest first. A key finds what lies under it too: a camera's
    /// code its presets' planograms (CAM-S0001-P1/P2), a store's code its till findings (S0001/…).
    /// </summary>
    public static async Task<IReadOnlyList<Entry>> Search(SmartStoreDatabase database, Query query, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        // The page is chosen first, then each of its record entries finds its predecessor by the (entity, key, id) index.
        var rows = await connection.QueryAsync<Entry>(new CommandDefinition($"""
            WITH page AS (
                SELECT id, at, actor, action, entity, entity_key, detail
                FROM audit_log
                WHERE (@Actor::text IS NULL OR actor = @Actor) AND (@Action::text IS NULL OR action = @Action)
                  AND (@Entity::text IS NULL OR entity = @Entity) AND (@Key::text IS NULL OR entity_key = @Key OR entity_key LIKE @below)
                  AND (@FromUtc::timestamptz IS NULL OR at >= @FromUtc) AND (@ToUtc::timestamptz IS NULL OR at < @ToUtc)
                  AND (@Before::bigint IS NULL OR id < @Before)
                ORDER BY id DESC LIMIT @limit)
            SELECT page.id, page.at, page.actor, page.action, page.entity, page.entity_key AS EntityKey, page.detail::text AS Detail,
                   previous.detail::text AS Previous
            FROM page
            LEFT JOIN LATERAL (
                SELECT b.detail FROM audit_log b
                WHERE {WholeRecord("page")} AND b.entity = page.entity AND b.entity_key = page.entity_key
                  AND b.id < page.id AND {WholeRecord("b")}
                ORDER BY b.id DESC LIMIT 1) previous ON true
            ORDER BY page.id DESC
            """, new { query.Actor, query.Action, query.Entity, query.Key, below = Below(query.Key), query.FromUtc, query.ToUtc, query.Before, limit,
                records = RecordActions, parts = CameraPartActions },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The LIKE pattern of the keys under <paramref name="key"/> ("key/…"), its own wildcards taken literally.</summary>
    private static string? Below(string? key) =>
        key is null ? null : key.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "/%";
}
