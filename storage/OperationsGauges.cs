using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// The figures a chain's operations team watches SmartStore by (<c>/metrics</c>): how much waits to be analysed and sent,
/// what was refused at the door, what is broken in the shops now, how large the database has grown. Each a count over a small index, so a scrape every
/// 15 seconds costs the database little at any chain size.
/// </summary>
public sealed class OperationsGauges(SmartStoreDatabase database)
{
    public sealed record Figures(long Stores, long Cameras, long ViewFaultsOpen,
        long DeliveriesPending, long DeliveriesGivenUp, long TodosOpen, long TodosOverdue, long DatabaseBytes)
    {
        /// <summary>Uploads refused in the last hour, by reason (corrupt, unknown camera, bad password …).</summary>
        public IReadOnlyDictionary<string, long> RejectionsLastHour { get; init; } = new Dictionary<string, long>();

        /// <summary>
        /// Pictures waiting to be analysed by the kind of camera they came from, and how long the oldest has waited: people
        /// cameras' frames go first, so a shelf patrol waiting minutes is normal and a door's frames waiting is not.
        /// </summary>
        public IReadOnlyDictionary<string, Waiting> WaitingByKind { get; init; } = new Dictionary<string, Waiting>();
    }

    public sealed record Waiting(long Count, double OldestSeconds);

    public async Task<Figures> Read(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var figures = await connection.QuerySingleAsync<Figures>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM stores) AS Stores,
                   (SELECT count(*) FROM cameras WHERE store_code IS NOT NULL) AS Cameras,
                   (SELECT count(*) FROM camera_incidents WHERE ended_utc IS NULL AND kind <> 'offline') AS ViewFaultsOpen,
                   (SELECT count(*) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id AND w.removed_utc IS NULL
                    WHERE d.delivered_utc IS NULL AND d.gave_up_utc IS NULL) AS DeliveriesPending,
                   (SELECT count(*) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id AND w.removed_utc IS NULL
                    WHERE d.gave_up_utc IS NOT NULL) AS DeliveriesGivenUp,
                   (SELECT count(*) FROM store_todos WHERE done_utc IS NULL) AS TodosOpen,
                   (SELECT count(*) FROM store_todos WHERE done_utc IS NULL AND due_utc < now()) AS TodosOverdue,
                   pg_database_size(current_database()) AS DatabaseBytes
            """, cancellationToken: cancellationToken));
        var rejections = await connection.QueryAsync<(string Reason, long Count)>(new CommandDefinition(
            "SELECT reason, count(*) FROM ingest_rejections WHERE at > now() - interval '1 hour' GROUP BY reason ORDER BY reason",
            cancellationToken: cancellationToken));
        var waiting = (await connection.QueryAsync<(string Kind, long Count, double Oldest)>(new CommandDefinition("""
            SELECT c.kind, count(*), extract(epoch FROM now() - min(s.received_at))::float8
            FROM snapshots s JOIN cameras c ON c.code = s.camera_code WHERE s.status = 'pending' GROUP BY c.kind
            """, cancellationToken: cancellationToken))).ToDictionary(w => w.Kind, w => new Waiting(w.Count, Math.Round(Math.Max(0, w.Oldest), 1)));
        return figures with
        {
            RejectionsLastHour = rejections.ToDictionary(r => r.Reason, r => r.Count),
            // Each analysed kind has its figures, 0 when nothing of it waits.
            WaitingByKind = SnapshotAnalysisQueue.AnalysedKinds.Select(k => k.ToCode()).ToDictionary(k => k, k => waiting.GetValueOrDefault(k, new Waiting(0, 0))),
        };
    }
}
