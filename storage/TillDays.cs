using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// A store's day at the till in figures: sales, the amount taken less refunds, how many of each finding, the refunds
/// (how many, what they gave back, how many had a refund's own finding) and the voided sales (likewise).
/// </summary>
public sealed record TillDayFigures(int Receipts, decimal Amount, int NoCustomer, int CardReused, int Unrung, int Unchecked)
{
    /// <summary>Sales rung on a staff member's own member card (内部会员卡).</summary>
    public int StaffCard { get; init; }
    public int Refunds { get; init; }
    public decimal RefundAmount { get; init; }
    public int RefundFindings { get; init; }
    /// <summary>Sales voided after they were rung (作废), what they had taken, and how many of them are worth a look.</summary>
    public int Voids { get; init; }
    public decimal VoidAmount { get; init; }
    public int VoidFindings { get; init; }
}

/// <summary>One store's figures for a day, as head office's overview lists them.</summary>
public sealed record TillDayRow(string StoreCode, string StoreName, string RegionCode, DateOnly Day, int Receipts, decimal Amount, int NoCustomer,
    int CardReused, int Unrung, int Unchecked, DateTime ComputedAt)
{
    public int StaffCard { get; init; }
    public int Refunds { get; init; }
    public decimal RefundAmount { get; init; }
    public int RefundFindings { get; init; }
    public int Voids { get; init; }
    public decimal VoidAmount { get; init; }
    public int VoidFindings { get; init; }
    public int Findings => NoCustomer + CardReused + StaffCard + Unrung + RefundFindings + VoidFindings;
    /// <summary>The store's findings over the <see cref="TillDays.RecentDays"/> days up to this one: a till that keeps turning up, not a bad day.</summary>
    public int RecentFindings { get; init; }
    /// <summary>Of the day's findings, how many head office or the region confirmed as breaches and how many it cleared.</summary>
    public int Confirmed { get; init; }
    public int Cleared { get; init; }
    /// <summary>The findings not yet reviewed (never fewer than none: a review outlives a finding traced away).</summary>
    public int ToReview => Math.Max(0, Findings - Confirmed - Cleared);
    /// <summary>The breaches confirmed over the <see cref="TillDays.RecentDays"/> days up to this one.</summary>
    public int RecentConfirmed { get; init; }
    /// <summary>The findings over the <see cref="TillDays.RecentDays"/> days up to this one reviewed either way.</summary>
    public int RecentReviewed { get; init; }
    /// <summary>The store's findings of those days still to review: the backlog a region works through.</summary>
    public int RecentToReview => Math.Max(0, RecentFindings - RecentReviewed);
    /// <summary>Of those days' findings still to review, the store was asked about (请门店说明) and has not answered yet …</summary>
    public int RecentAsked { get; init; }
    /// <summary>… and has answered, the answer not yet accepted.</summary>
    public int RecentAnswered { get; init; }
    /// <summary>The store's clock, for tracing its day again (the export).</summary>
    public string TimeZone { get; init; } = "Asia/Shanghai";
}

/// <summary>The stores' figures of one day summed: how many stores had till figures, their sales and each finding.</summary>
public sealed record TillTrendDay(DateOnly Day, int Stores, int Receipts, int NoCustomer, int CardReused, int Unrung, int RefundFindings)
{
    public int StaffCard { get; init; }
    public int VoidFindings { get; init; }
    public int Findings => NoCustomer + CardReused + StaffCard + Unrung + RefundFindings + VoidFindings;
}

/// <summary>A store-day whose figures are missing or out of date.</summary>
public sealed record StaleTillDay(string StoreCode, string TimeZone, DateOnly Day);

/// <summary>收银追溯's figures per store and day (<c>till_days</c>), kept up to date by one web host at a time.</summary>
public sealed class TillDays(SmartStoreDatabase database)
{
    /// <summary>How many days, up to the one shown, a store's findings are summed over, and head office's trend reaches back.</summary>
    public const int RecentDays = 30;

    /// <summary>A till_days row's findings, the row named by <paramref name="alias"/>.</summary>
    private static string FindingsOf(string alias) =>
        $"{alias}.no_customer + {alias}.card_reused + {alias}.staff_card + {alias}.unrung + {alias}.refund_findings + {alias}.void_findings";

    /// <summary>
    /// The days from <paramref name="first"/> to each store's today, of the stores with a till camera, whose figures are
    /// missing, were computed before the day was an hour over (pictures analysed late still count), or are older than a
    /// receipt of the day pushed since.
    /// </summary>
    public async Task<IReadOnlyList<StaleTillDay>> Stale(DateOnly first, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(string StoreCode, string TimeZone, DateTime Day)>(new CommandDefinition("""
            WITH tills AS (
                SELECT DISTINCT s.code, s.time_zone FROM stores s JOIN cameras c ON c.store_code = s.code AND c.watches_till),
            days AS (
                SELECT t.code, t.time_zone, d::date AS day
                FROM tills t CROSS JOIN generate_series(@first::date, (now() AT TIME ZONE t.time_zone)::date, interval '1 day') d)
            SELECT d.code, d.time_zone, d.day
            FROM days d LEFT JOIN till_days k ON k.store_code = d.code AND k.day = d.day
            WHERE k.store_code IS NULL
               OR k.computed_at < ((d.day + 1) + interval '1 hour') AT TIME ZONE d.time_zone
               OR EXISTS (SELECT 1 FROM pos_receipts r WHERE r.store_code = d.code AND r.rung_local >= d.day
                            AND r.rung_local < d.day + 1 AND r.updated_at > k.computed_at)
            ORDER BY d.day DESC, d.code
            """, new { first = first.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return rows.Select(r => new StaleTillDay(r.StoreCode, r.TimeZone, DateOnly.FromDateTime(r.Day))).ToList();
    }

    public async Task Write(string storeCode, DateOnly day, TillDayFigures figures, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO till_days (store_code, day, receipts, amount, no_customer, card_reused, unrung, unchecked, refunds, refund_amount,
                                   refund_findings, staff_card, voids, void_amount, void_findings, computed_at)
            VALUES (@storeCode, @day, @Receipts, @Amount, @NoCustomer, @CardReused, @Unrung, @Unchecked, @Refunds, @RefundAmount, @RefundFindings,
                    @StaffCard, @Voids, @VoidAmount, @VoidFindings, now())
            ON CONFLICT (store_code, day) DO UPDATE SET receipts = EXCLUDED.receipts, amount = EXCLUDED.amount,
                no_customer = EXCLUDED.no_customer, card_reused = EXCLUDED.card_reused, unrung = EXCLUDED.unrung,
                unchecked = EXCLUDED.unchecked, refunds = EXCLUDED.refunds, refund_amount = EXCLUDED.refund_amount,
                refund_findings = EXCLUDED.refund_findings, staff_card = EXCLUDED.staff_card, voids = EXCLUDED.voids,
                void_amount = EXCLUDED.void_amount, void_findings = EXCLUDED.void_findings, computed_at = EXCLUDED.computed_at
            """, new
        {
            storeCode, day = day.ToDateTime(TimeOnly.MinValue), figures.Receipts, figures.Amount, figures.NoCustomer, figures.CardReused,
            figures.Unrung, figures.Unchecked, figures.Refunds, figures.RefundAmount, figures.RefundFindings, figures.StaffCard, figures.Voids,
            figures.VoidAmount, figures.VoidFindings,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>The day's figures of the stores the scope covers, most findings first.</summary>
    public Task<IReadOnlyList<TillDayRow>> Day(StoreCoverage coverage, DateOnly day, CancellationToken cancellationToken = default) =>
        Between(coverage, day, day, cancellationToken);

    /// <summary>The figures of each day from <paramref name="from"/> to <paramref name="to"/> of the stores covered: by day, most findings first.</summary>
    public async Task<IReadOnlyList<TillDayRow>> Between(StoreCoverage coverage, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT s.code AS StoreCode, s.name AS StoreName, s.region_code AS RegionCode, s.time_zone AS TimeZone, k.day, k.receipts, k.amount, k.no_customer AS NoCustomer,
                   k.card_reused AS CardReused, k.unrung, k.unchecked, k.refunds, k.refund_amount AS RefundAmount,
                   k.refund_findings AS RefundFindings, k.staff_card AS StaffCard, k.voids, k.void_amount AS VoidAmount,
                   k.void_findings AS VoidFindings, k.computed_at AS ComputedAt,
                   (SELECT coalesce(sum({FindingsOf("r")}), 0)::int FROM till_days r WHERE r.store_code = s.code
                      AND r.day > k.day - {RecentDays} AND r.day <= k.day) AS RecentFindings,
                   reviewed.confirmed, reviewed.cleared, reviewed.recent_confirmed AS RecentConfirmed, reviewed.recent_reviewed AS RecentReviewed,
                   questions.asked AS RecentAsked, questions.answered AS RecentAnswered
            FROM till_days k JOIN stores s ON s.code = k.store_code
            CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE v.day = k.day AND v.verdict = 'confirmed')::int AS confirmed,
                       count(*) FILTER (WHERE v.day = k.day AND v.verdict = 'cleared')::int AS cleared,
                       count(*) FILTER (WHERE v.verdict = 'confirmed')::int AS recent_confirmed,
                       count(*)::int AS recent_reviewed
                FROM till_reviews v WHERE v.store_code = s.code AND v.day > k.day - {RecentDays} AND v.day <= k.day) reviewed
            CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE q.done_utc IS NULL)::int AS asked,
                       count(*) FILTER (WHERE q.done_utc IS NOT NULL AND q.accepted_utc IS NULL)::int AS answered
                FROM store_todos q WHERE q.store_code = s.code AND q.till_day > k.day - {RecentDays} AND q.till_day <= k.day
                  -- Among the findings still to review: a question about one reviewed meanwhile no longer waits.
                  AND NOT EXISTS (SELECT 1 FROM till_reviews v WHERE v.store_code = q.store_code AND v.subject = q.till_subject)) questions
            WHERE k.day >= @from AND k.day <= @to AND {StoreScope.Covered}
            ORDER BY k.day, {FindingsOf("k")} DESC, k.receipts DESC, s.code
            """, StoreScope.Parameters(coverage, new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) }),
            cancellationToken: cancellationToken));
        return rows.Select(r => new TillDayRow(r.StoreCode, r.StoreName, r.RegionCode, DateOnly.FromDateTime(r.Day), r.Receipts, r.Amount, r.NoCustomer, r.CardReused,
            r.Unrung, r.Unchecked, DateTime.SpecifyKind(r.ComputedAt, DateTimeKind.Utc))
        {
            StaffCard = r.StaffCard,
            Refunds = r.Refunds,
            RefundAmount = r.RefundAmount,
            RefundFindings = r.RefundFindings,
            Voids = r.Voids,
            VoidAmount = r.VoidAmount,
            VoidFindings = r.VoidFindings,
            RecentFindings = r.RecentFindings,
            Confirmed = r.Confirmed,
            Cleared = r.Cleared,
            RecentConfirmed = r.RecentConfirmed,
            RecentReviewed = r.RecentReviewed,
            RecentAsked = r.RecentAsked,
            RecentAnswered = r.RecentAnswered,
            TimeZone = r.TimeZone,
        }).ToList();
    }

    /// <summary>
    /// The scope's stores' figures summed per day, the <see cref="RecentDays"/> days up to <paramref name="last"/> that have
    /// any: whether the findings shrink once stores are followed up.
    /// </summary>
    public async Task<IReadOnlyList<TillTrendDay>> Trend(StoreCoverage coverage, DateOnly last, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(DateTime Day, int Stores, int Receipts, int NoCustomer, int CardReused, int Unrung, int RefundFindings,
            int StaffCard, int VoidFindings)>(new CommandDefinition($"""
            SELECT k.day, count(*)::int, sum(k.receipts)::int, sum(k.no_customer)::int, sum(k.card_reused)::int, sum(k.unrung)::int,
                   sum(k.refund_findings)::int, sum(k.staff_card)::int, sum(k.void_findings)::int
            FROM till_days k JOIN stores s ON s.code = k.store_code
            WHERE k.day > @last::date - {RecentDays} AND k.day <= @last::date AND {StoreScope.Visible}
              AND (@region::text IS NULL OR s.region_code = @region)
            GROUP BY k.day ORDER BY k.day
            """, StoreScope.Parameters(coverage.Scope, new { last = last.ToDateTime(TimeOnly.MinValue), region = coverage.RegionCode }),
            cancellationToken: cancellationToken));
        return rows.Select(r => new TillTrendDay(DateOnly.FromDateTime(r.Day), r.Stores, r.Receipts, r.NoCustomer, r.CardReused, r.Unrung, r.RefundFindings)
        {
            StaffCard = r.StaffCard,
            VoidFindings = r.VoidFindings,
        }).ToList();
    }

    /// <summary>
    /// Runs <paramref name="work"/> unless another web host is running it (a session advisory lock held on a connection of
    /// its own meanwhile); false when it was left to the other.
    /// </summary>
    public async Task<bool> Exclusively(Func<Task> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(hashtext('till-days'))")) return false;
        try
        {
            await work();
            return true;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(hashtext('till-days'))");
        }
    }

    private sealed class Row
    {
        public string StoreCode { get; init; } = "";
        public string StoreName { get; init; } = "";
        public string RegionCode { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public DateTime Day { get; init; }
        public int Receipts { get; init; }
        public decimal Amount { get; init; }
        public int NoCustomer { get; init; }
        public int CardReused { get; init; }
        public int Unrung { get; init; }
        public int Unchecked { get; init; }
        public int Refunds { get; init; }
        public decimal RefundAmount { get; init; }
        public int RefundFindings { get; init; }
        public int StaffCard { get; init; }
        public int Voids { get; init; }
        public decimal VoidAmount { get; init; }
        public int VoidFindings { get; init; }
        public int RecentFindings { get; init; }
        public int Confirmed { get; init; }
        public int Cleared { get; init; }
        public int RecentConfirmed { get; init; }
        public int RecentReviewed { get; init; }
        public int RecentAsked { get; init; }
        public int RecentAnswered { get; init; }
        public DateTime ComputedAt { get; init; }
    }
}
