namespace SmartStore.Storage;

/// <summary>
/// The tail of a statement that changes a state webhooks are told of: its CTE <c>changed</c> returns the changed rows
/// (a camera's or a store's code, the event's kind, when it happened and its detail), and this records the event with
/// one delivery per live subscription that wants it — in the same statement, so a state change and its notice are
/// written together or not at all. A camera in no store has no one to tell.
/// </summary>
internal static class AlertOutbox
{
    public const string ForCameras = """
        , event AS (
            INSERT INTO alert_events (kind, store_code, region_code, camera_code, detail, occurred_utc)
            SELECT x.event_kind, s.code, s.region_code, c.code, x.detail, x.occurred_utc
            FROM changed x JOIN cameras c ON c.code = x.camera_code JOIN stores s ON s.code = c.store_code
            RETURNING id, kind, region_code, store_code)
        """ + FanOut;

    public const string ForStores = """
        , event AS (
            INSERT INTO alert_events (kind, store_code, region_code, occurred_utc)
            SELECT x.event_kind, s.code, s.region_code, x.occurred_utc
            FROM changed x JOIN stores s ON s.code = x.store_code WHERE x.event_kind IS NOT NULL
            ORDER BY x.occurred_utc
            RETURNING id, kind, region_code, store_code)
        """ + FanOut;

    /// <summary>One delivery of the CTE <c>event</c>'s rows to each live endpoint that wants their kind, region and store.</summary>
    public const string FanOut = """

        INSERT INTO webhook_deliveries (webhook_id, event_id)
        SELECT w.id, e.id FROM event e
        JOIN webhooks w ON w.removed_utc IS NULL AND e.kind = ANY(w.kinds) AND (w.region_code IS NULL OR w.region_code = e.region_code)
            AND (w.store_code IS NULL OR w.store_code = e.store_code)
        """;
}
