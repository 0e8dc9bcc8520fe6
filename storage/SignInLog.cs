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

    /// <summary>The latest sign-ins, newest first; of one username (any case) and one outcome when given.</summary>
    public async Task<IReadOnlyList<Entry>> Recent(string? username, string? outcome, int limit)
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<Entry>("""
            SELECT id, username, at_utc AS AtUtc, address, user_agent AS UserAgent, outcome FROM sign_ins
            WHERE (@username::text IS NULL OR lower(username) = lower(@username)) AND (@outcome::text IS NULL OR outcome = @outcome)
            ORDER BY at_utc DESC, id DESC LIMIT @limit
            """, new { username, outcome, limit })).ToList();
    }

    /// <summary>Sign-ins older than <paramref name="beforeUtc"/> go; returns how many.</summary>
    public async Task<int> Forget(DateTime beforeUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sign_ins WHERE at_utc < @beforeUtc", new { beforeUtc },
            cancellationToken: cancellationToken));
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
