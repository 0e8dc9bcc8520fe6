using Dapper;

namespace SmartStore.Storage;

/// <summary>登录日志: each sign-in tried on the web and how it went (ok, failed, locked-out, disabled).</summary>
public sealed class SignInLog(SmartStoreDatabase database)
{
    public sealed record Entry(long Id, string Username, DateTime AtUtc, string Address, string UserAgent, string Outcome);

    public static readonly IReadOnlyList<string> Outcomes = ["ok", "failed", "locked-out", "disabled"];

    public async Task Record(string username, string address, string userAgent, string outcome)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync(
            "INSERT INTO sign_ins (username, address, user_agent, outcome) VALUES (@username, @address, @userAgent, @outcome)",
            new { username = Cut(username, 100), address = Cut(address, 64), userAgent = Cut(userAgent, 300), outcome });
    }

    /// <summary>
    /// What 登录日志 is searched by, every part optional: the username (any case), the outcome, the address it came from,
    /// when (UTC, from inclusive, to exclusive), and, to page back, the entries older than one already shown.
    /// </summary>
    public sealed record Query(string? Username = null, string? Outcome = null, string? Address = null, DateTime? FromUtc = null,
        DateTime? ToUtc = null, long? Before = null);

    /// <summary>The latest sign-ins, newest first; of one username (any case) and one outcome when given.</summary>
    public Task<IReadOnlyList<Entry>> Recent(string? username, string? outcome, int limit) => Search(new Query(username, outcome), limit);

    /// <summary>The newest <paramref name="limit"/> sign-ins matching, newest first.</summary>
    public async Task<IReadOnlyList<Entry>> Search(Query query, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<Entry>(new CommandDefinition("""
            SELECT id, username, at_utc AS AtUtc, address, user_agent AS UserAgent, outcome FROM sign_ins
            WHERE (@Username::text IS NULL OR lower(username) = lower(@Username)) AND (@Outcome::text IS NULL OR outcome = @Outcome)
              AND (@Address::text IS NULL OR address = @Address)
              AND (@FromUtc::timestamptz IS NULL OR at_utc >= @FromUtc) AND (@ToUtc::timestamptz IS NULL OR at_utc < @ToUtc)
              AND (@Before::bigint IS NULL OR id < @Before)
            ORDER BY id DESC LIMIT @limit
            """, new { query.Username, query.Outcome, query.Address, query.FromUtc, query.ToUtc, query.Before, limit },
            cancellationToken: cancellationToken))).ToList();
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
