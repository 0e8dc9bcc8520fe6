using Dapper;

namespace SmartStore.Storage;

/// <summary>Today's visitor memory per store (JSON documents written by the store grain; old days are deleted as they pass).</summary>
public sealed class VisitorMemories(SmartStoreDatabase database)
{
    public async Task<IReadOnlyList<string>> Read(string storeCode, DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT memory::text FROM store_visitors WHERE store_code = @storeCode AND day = @day ORDER BY visitor_id",
            new { storeCode, day = day.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Upserts the given visitors and drops the store's memory of earlier days.</summary>
    public async Task Write(string storeCode, DateOnly day, IReadOnlyCollection<(int Id, string Json)> visitors, CancellationToken cancellationToken)
    {
        if (visitors.Count == 0) return;
        await using var connection = await database.Open(cancellationToken);
        var date = day.ToDateTime(TimeOnly.MinValue);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO store_visitors (store_code, day, visitor_id, memory) VALUES (@storeCode, @date, @Id, CAST(@Json AS jsonb))
            ON CONFLICT (store_code, day, visitor_id) DO UPDATE SET memory = EXCLUDED.memory, updated_at = now()
            """, visitors.Select(v => new { storeCode, date, v.Id, v.Json }).ToList(), cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM store_visitors WHERE store_code = @storeCode AND day < @date", new { storeCode, date }, cancellationToken: cancellationToken));
    }
}
