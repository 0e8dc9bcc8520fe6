using Dapper;

namespace SmartStore.Storage;

/// <summary>
/// The logs that grow with every use — the audit log (操作日志), the sign-in log (登录日志) and refused uploads — each kept for
/// a time and then removed oldest first, in batches: a busy chain's year of entries goes without one long lock or one
/// huge transaction, and the pages reading the log keep answering meanwhile.
/// </summary>
public sealed class LogRetention(SmartStoreDatabase database)
{
    public enum Log { Audit, SignIns, Rejections }

    /// <summary>The table a log is kept in.</summary>
    public static string TableOf(Log log) => log switch
    {
        Log.Audit => "audit_log",
        Log.SignIns => "sign_ins",
        Log.Rejections => "ingest_rejections",
        _ => throw new ArgumentOutOfRangeException(nameof(log), log, null),
    };

    /// <summary>Rows one statement removes.</summary>
    public const int Batch = 10_000;

    /// <summary>Entries older than <paramref name="beforeUtc"/> go; returns how many.</summary>
    public async Task<long> Forget(Log log, DateTime beforeUtc, CancellationToken cancellationToken = default)
    {
        var table = TableOf(log);
        var at = log == Log.SignIns ? "at_utc" : "at";
        long forgotten = 0;
        int removed;
        do
        {
            await using var connection = await database.Open(cancellationToken);
            // Oldest first by the time index each log has; the ids pick the rows so one statement stays one batch.
            removed = await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE {at} < @beforeUtc ORDER BY {at} LIMIT @batch)",
                new { beforeUtc, batch = Batch }, cancellationToken: cancellationToken));
            forgotten += removed;
        }
        while (removed == Batch);
        return forgotten;
    }
}
