using Npgsql;

namespace SmartStore.Storage;

/// <summary>
/// PostgreSQL not answering (refused, unreachable, timed out), as against refusing a statement: the request that met it
/// was fine and is worth sending again, so the web host's API and pages and the silo's HTTP upload all answer 503 with the
/// same Retry-After.
/// </summary>
public static class DatabaseOutage
{
    public const string RetryAfterSeconds = "10";

    public static bool Is(Exception exception) => exception is NpgsqlException { IsTransient: true };
}
