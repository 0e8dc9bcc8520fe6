using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>The chain's campaigns (营销活动), whose traffic effect the reports judge.</summary>
public sealed class Campaigns(SmartStoreDatabase database)
{
    private const string Columns = """
        id AS Id, name AS Name, from_date AS FromDate, to_date AS ToDate, region_code AS RegionCode, store_tag AS StoreTag, created_by AS CreatedBy
        """;

    /// <summary>Campaigns, latest first: head office sees every one, a manager those that reach a store of theirs.</summary>
    public Task<IReadOnlyList<Campaign>> List(AccessScope scope, CancellationToken cancellationToken = default) =>
        Visible(scope, null, cancellationToken);

    /// <summary>One campaign, if the viewer sees it (as <see cref="List"/> would list it).</summary>
    public async Task<Campaign?> Find(long id, AccessScope scope, CancellationToken cancellationToken = default) =>
        (await Visible(scope, id, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<Campaign>> Visible(AccessScope scope, long? id, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} FROM campaigns k
            WHERE (@id::bigint IS NULL OR k.id = @id)
              AND (@wholeChain OR EXISTS (SELECT 1 FROM stores s WHERE {StoreScope.Visible} AND {StoreReach.OfPlan}))
            ORDER BY k.from_date DESC, k.id DESC
            """, StoreScope.Parameters(scope, new { id }), cancellationToken: cancellationToken));
        return rows.Select(r => r.ToCampaign()).ToList();
    }

    public async Task<Campaign?> Find(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM campaigns WHERE id = @id", new { id }, cancellationToken: cancellationToken)))?.ToCampaign();
    }

    /// <summary>The codes of the stores a campaign runs in.</summary>
    public async Task<IReadOnlySet<string>> StoresOf(Campaign campaign, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var codes = await connection.QueryAsync<string>(new CommandDefinition($"""
            SELECT code FROM stores s WHERE {StoreReach.OfParameters}
            """, new { region = campaign.RegionCode, tag = campaign.StoreTag }, cancellationToken: cancellationToken));
        return codes.ToHashSet();
    }

    public Task<long> Create(Campaign campaign, string actor) => database.InTransaction(async (c, t) =>
    {
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO campaigns (name, from_date, to_date, region_code, store_tag, created_by)
            VALUES (@Name, @From, @To, @RegionCode, @StoreTag, @actor) RETURNING id
            """, new
        {
            campaign.Name, From = campaign.From.ToDateTime(TimeOnly.MinValue), To = campaign.To.ToDateTime(TimeOnly.MinValue),
            campaign.RegionCode, campaign.StoreTag, actor,
        }, t);
        await AuditTrail.Record(c, t, actor, "create", "campaign", id.ToString(), campaign with { Id = id });
        return id;
    });

    public Task<bool> Delete(long id, string actor) => database.InTransaction(async (c, t) =>
    {
        var deleted = await c.ExecuteAsync("DELETE FROM campaigns WHERE id = @id", new { id }, t) > 0;
        if (deleted) await AuditTrail.Record(c, t, actor, "delete", "campaign", id.ToString());
        return deleted;
    });

    private sealed class Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public DateTime FromDate { get; init; }
        public DateTime ToDate { get; init; }
        public string? RegionCode { get; init; }
        public string? StoreTag { get; init; }
        public string CreatedBy { get; init; } = "";

        public Campaign ToCampaign() => new(Id, Name, DateOnly.FromDateTime(FromDate), DateOnly.FromDateTime(ToDate), RegionCode, StoreTag, CreatedBy);
    }
}
