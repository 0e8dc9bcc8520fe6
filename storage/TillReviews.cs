using Dapper;

namespace SmartStore.Storage;

/// <summary>What a reviewer found a 收银追溯 finding to be (its subject: a receipt or a visit), with a note, who and when.</summary>
public sealed record TillReview(string StoreCode, string Subject, DateOnly Day, string Verdict, string Note, string ReviewedBy, DateTime ReviewedUtc)
{
    /// <summary>A breach: the finding was what it looked like.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Nothing wrong after all (a phone order, a test sale): the lead is closed.</summary>
    public const string Cleared = "cleared";
}

/// <summary>How many of a day's findings were confirmed, cleared, and are still to be looked at.</summary>
public sealed record ReviewTally(int Confirmed, int Cleared, int Open)
{
    /// <param name="findings">the day's findings, as reviews name them.</param>
    public static ReviewTally Of(IEnumerable<string> findings, IReadOnlyDictionary<string, TillReview> reviews)
    {
        var verdicts = findings.Select(f => reviews.GetValueOrDefault(f)?.Verdict).ToList();
        return new(verdicts.Count(v => v == TillReview.Confirmed), verdicts.Count(v => v == TillReview.Cleared), verdicts.Count(v => v is null));
    }
}

/// <summary>The reviews of 收银追溯's findings, per store and subject; each change is audited.</summary>
public sealed class TillReviews(SmartStoreDatabase database)
{
    private const string Columns = "store_code AS StoreCode, subject, day, verdict, note, reviewed_by AS ReviewedBy, reviewed_utc AS ReviewedUtc";

    /// <summary>The store's reviews of a day's findings, by subject.</summary>
    public async Task<IReadOnlyDictionary<string, TillReview>> Of(string storeCode, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM till_reviews WHERE store_code = @storeCode AND day = @day",
            new { storeCode, day = day.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReview()).ToDictionary(r => r.Subject);
    }

    /// <summary>The covered stores' reviews of the days from <paramref name="from"/> to <paramref name="to"/>, by store and subject.</summary>
    public async Task<IReadOnlyDictionary<(string Store, string Subject), TillReview>> Between(StoreCoverage coverage, DateOnly from, DateOnly to,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} FROM till_reviews v JOIN stores s ON s.code = v.store_code
            WHERE v.day >= @from AND v.day <= @to AND {StoreScope.Covered}
            """, StoreScope.Parameters(coverage, new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) }),
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReview()).ToDictionary(r => (r.StoreCode, r.Subject));
    }

    /// <summary>Records the verdict on a finding of the store's day (replacing an earlier one), or with none opens it again.</summary>
    public Task Set(string storeCode, DateOnly day, string subject, string? verdict, string note, string actor, CancellationToken cancellationToken = default) =>
        database.InTransaction(async (c, t) =>
        {
            if (verdict is null)
                await c.ExecuteAsync(new CommandDefinition("DELETE FROM till_reviews WHERE store_code = @storeCode AND subject = @subject",
                    new { storeCode, subject }, t, cancellationToken: cancellationToken));
            else
                await c.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO till_reviews (store_code, subject, day, verdict, note, reviewed_by) VALUES (@storeCode, @subject, @day, @verdict, @note, @actor)
                    ON CONFLICT (store_code, subject) DO UPDATE SET day = EXCLUDED.day, verdict = EXCLUDED.verdict, note = EXCLUDED.note,
                        reviewed_by = EXCLUDED.reviewed_by, reviewed_utc = now()
                    """, new { storeCode, subject, day = day.ToDateTime(TimeOnly.MinValue), verdict, note, actor }, t, cancellationToken: cancellationToken));
            await AuditTrail.Record(c, t, actor, verdict is null ? "reopen" : "review", "till_finding", $"{storeCode}/{subject}", new { verdict, note });
            return true;
        }, cancellationToken);

    private sealed class Row
    {
        public string StoreCode { get; init; } = "";
        public string Subject { get; init; } = "";
        public DateTime Day { get; init; }
        public string Verdict { get; init; } = "";
        public string Note { get; init; } = "";
        public string ReviewedBy { get; init; } = "";
        public DateTime ReviewedUtc { get; init; }

        public TillReview ToReview() => new(StoreCode, Subject, DateOnly.FromDateTime(Day), Verdict, Note, ReviewedBy, DateTime.SpecifyKind(ReviewedUtc, DateTimeKind.Utc));
    }
}
