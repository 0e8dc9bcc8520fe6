using System.Text.Json;
using Dapper;

namespace SmartStore.Storage;

/// <summary>One line of a receipt: what was sold, how many, at what price, the discount taken off and what was paid.</summary>
public sealed record ReceiptLine(string Name, decimal Quantity, decimal UnitPrice, decimal Discount, decimal Amount);

/// <summary>
/// One receipt of a store's POS (小票), rung at a store-local time, with the member card it was rung on, if any, and the
/// till (收银台) when the POS names it; a refund (退单) names the receipt it gives money back on, its lines what was given back;
/// a sale taken back whole after it was rung (作废) says when.
/// </summary>
public sealed record TillReceipt(string Number, DateTime RungLocal, DateTime RungUtc, string Cashier, string? MemberCard, decimal Total,
    IReadOnlyList<ReceiptLine> Lines, string? RefundOf = null, string? Till = null)
{
    public bool IsRefund => RefundOf is not null;

    /// <summary>The store whose POS rang it, as read back (a push names the store apart).</summary>
    public string StoreCode { get; init; } = "";

    /// <summary>A refund of a sale rung at another store of the chain: that store (null: its own).</summary>
    public string? RefundStore { get; init; }

    /// <summary>When a sale was voided (作废) after it was rung, store-local and UTC, and by whom when the POS says; null: not voided.</summary>
    public DateTime? VoidedLocal { get; init; }
    public DateTime? VoidedUtc { get; init; }
    public string? VoidedBy { get; init; }
    public bool IsVoided => VoidedUtc is not null;

    /// <summary>The sale it is, or as a refund gives money back on: that sale's store and number.</summary>
    public (string Store, string Number) Sale => IsRefund ? (RefundStore ?? StoreCode, RefundOf!) : (StoreCode, Number);
}

/// <summary>
/// One analysed picture of a camera watching a till: how many people stood in its counting area (the customers' side),
/// which till the camera watches when it was told (null: every till it sees), and its store.
/// </summary>
public sealed record TillFrame(long SnapshotId, string CameraCode, DateTime AtUtc, int Customers, string? Till = null, string StoreCode = "")
{
    /// <summary>Whether the picture shows who stood at the receipt's till: its store's, and its till when both are named.</summary>
    public bool Shows(TillReceipt receipt) => StoreCode == receipt.StoreCode && (receipt.Till is null || Till is null || Till == receipt.Till);
}

/// <summary>
/// Receipts one by one (收银追溯), as the chain's POS integration pushes them, and the pictures of the store's till cameras
/// to hold them against. The hourly receipt counts the traffic reports join with entries are kept from the receipts.
/// </summary>
public sealed class TillReceipts(SmartStoreDatabase database)
{
    /// <summary>
    /// Writes receipts by number (a receipt sent again replaces itself) and rewrites the store-local hours they fall in,
    /// and any hour a resent receipt left, in the hourly receipts, so conversion counts each sale once. A refund is not a
    /// purchase, nor is a voided sale: the hours count sales and their amount only (gross of refunds, which 收银追溯 lists).
    /// <paramref name="rungWhileClosed"/>: the numbers of those rung while the store was closed by its hours, counted apart
    /// within their hour (conversion leaves them out).
    /// </summary>
    public Task Write(string storeCode, IReadOnlyCollection<TillReceipt> receipts, IReadOnlySet<string> rungWhileClosed,
        CancellationToken cancellationToken = default) =>
        database.InTransaction(async (c, t) =>
        {
            var numbers = receipts.Select(r => r.Number).ToArray();
            var left = await c.QueryAsync<DateTime>(new CommandDefinition(
                "SELECT DISTINCT date_trunc('hour', rung_local) FROM pos_receipts WHERE store_code = @storeCode AND number = ANY(@numbers)",
                new { storeCode, numbers }, t, cancellationToken: cancellationToken));
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO pos_receipts (store_code, number, rung_local, rung_utc, cashier, member_card, total, lines, refund_of, till, refund_store,
                                          voided_local, voided_utc, voided_by, off_hours)
                VALUES (@StoreCode, @Number, @RungLocal, @RungUtc, @Cashier, @MemberCard, @Total, CAST(@Lines AS jsonb), @RefundOf, @Till, @RefundStore,
                        @VoidedLocal, @VoidedUtc, @VoidedBy, @OffHours)
                ON CONFLICT (store_code, number) DO UPDATE SET rung_local = EXCLUDED.rung_local, rung_utc = EXCLUDED.rung_utc,
                    cashier = EXCLUDED.cashier, member_card = EXCLUDED.member_card, total = EXCLUDED.total, lines = EXCLUDED.lines,
                    refund_of = EXCLUDED.refund_of, till = EXCLUDED.till, refund_store = EXCLUDED.refund_store,
                    voided_local = EXCLUDED.voided_local, voided_utc = EXCLUDED.voided_utc, voided_by = EXCLUDED.voided_by,
                    off_hours = EXCLUDED.off_hours, updated_at = now()
                """, receipts.Select(r => new
            {
                StoreCode = storeCode, r.Number, r.RungLocal, RungUtc = DateTime.SpecifyKind(r.RungUtc, DateTimeKind.Utc), r.Cashier, r.MemberCard,
                r.Total, Lines = JsonSerializer.Serialize(r.Lines, StorageJson.Options), r.RefundOf, r.Till, r.RefundStore, r.VoidedLocal,
                VoidedUtc = r.VoidedUtc is { } voided ? DateTime.SpecifyKind(voided, DateTimeKind.Utc) : (DateTime?)null, r.VoidedBy,
                OffHours = rungWhileClosed.Contains(r.Number),
            }), t, cancellationToken: cancellationToken));
            var hours = left.Concat(receipts.Select(r => HourOf(r.RungLocal))).Distinct().ToArray();
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO store_receipts (store_code, hour_local, receipts, amount, off_hours_receipts)
                SELECT @storeCode, h, count(r.number), coalesce(sum(r.total), 0), count(r.number) FILTER (WHERE r.off_hours)
                FROM unnest(@hours::timestamp[]) h
                LEFT JOIN pos_receipts r ON r.store_code = @storeCode AND date_trunc('hour', r.rung_local) = h AND r.refund_of IS NULL
                                        AND r.voided_utc IS NULL
                GROUP BY h
                ON CONFLICT (store_code, hour_local) DO UPDATE SET receipts = EXCLUDED.receipts, amount = EXCLUDED.amount,
                    off_hours_receipts = EXCLUDED.off_hours_receipts, updated_at = now()
                """, new { storeCode, hours }, t, cancellationToken: cancellationToken));
            return true;
        }, cancellationToken);

    private static DateTime HourOf(DateTime local) => new(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);

    private const string Columns =
        "number, rung_local AS RungLocal, rung_utc AS RungUtc, cashier, member_card AS MemberCard, total, lines::text AS LinesJson, " +
        "refund_of AS RefundOf, till, store_code AS StoreCode, refund_store AS RefundStore, voided_local AS VoidedLocal, voided_utc AS VoidedUtc, " +
        "voided_by AS VoidedBy";

    /// <summary>The receipts of one store-local day, in the order they were rung.</summary>
    public async Task<IReadOnlyList<TillReceipt>> Day(string storeCode, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<ReceiptRow>(new CommandDefinition($"""
            SELECT {Columns}
            FROM pos_receipts
            WHERE store_code = @storeCode AND rung_local >= @from AND rung_local < @to
            ORDER BY rung_local, number
            """, new { storeCode, from = day.ToDateTime(TimeOnly.MinValue), to = day.AddDays(1).ToDateTime(TimeOnly.MinValue) },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReceipt()).ToList();
    }

    /// <summary>
    /// The receipts outside <paramref name="dayReceipts"/> (the store's day) that a refund ties to them: the sales the refunds
    /// among them give money back on, and every refund of those sales and of the sales among them, whenever and at
    /// whichever of the chain's stores rung.
    /// </summary>
    public async Task<IReadOnlyList<TillReceipt>> Linked(string storeCode, IReadOnlyList<TillReceipt> dayReceipts, CancellationToken cancellationToken = default)
    {
        var sales = dayReceipts.Select(r => r.Sale).Distinct().ToArray();
        var known = dayReceipts.Select(r => r.Number).ToArray();
        if (sales.Length == 0) return [];
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<ReceiptRow>(new CommandDefinition($"""
            WITH sale AS (SELECT * FROM unnest(@stores::text[], @numbers::text[]) AS k(store, number))
            SELECT {Columns}
            FROM pos_receipts r
            WHERE (EXISTS (SELECT 1 FROM sale WHERE sale.store = r.store_code AND sale.number = r.number)
                   OR (r.refund_of IS NOT NULL AND EXISTS (SELECT 1 FROM sale
                       WHERE sale.store = coalesce(r.refund_store, r.store_code) AND sale.number = r.refund_of)))
              AND NOT (r.store_code = @storeCode AND r.number = ANY(@known))
            ORDER BY rung_local, number
            """, new { storeCode, stores = sales.Select(s => s.Store).ToArray(), numbers = sales.Select(s => s.Number).ToArray(), known },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReceipt()).ToList();
    }

    /// <summary>The covered stores' filter on store <c>s</c> and a store-local day range, for the receipts of many store-days.</summary>
    private const string CoveredDays = $"s.code = r.store_code AND r.rung_local >= @from AND r.rung_local < @to AND {StoreScope.Covered}";

    private static DynamicParameters CoveredDaysParameters(StoreCoverage coverage, DateOnly from, DateOnly to) =>
        StoreScope.Parameters(coverage, new { from = from.ToDateTime(TimeOnly.MinValue), to = to.AddDays(1).ToDateTime(TimeOnly.MinValue) });

    /// <summary>How many receipts the covered stores rang from <paramref name="from"/> to <paramref name="to"/> (store-local days).</summary>
    public async Task<int> Count(StoreCoverage coverage, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*)::int FROM pos_receipts r, stores s WHERE {CoveredDays}",
            CoveredDaysParameters(coverage, from, to), cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The covered stores' receipts of those days, each with its trace as the keeper last stored it (null: not traced yet),
    /// by store and in the order rung.
    /// </summary>
    public async Task<IReadOnlyList<(TillReceipt Receipt, string? Trace)>> WithTraces(StoreCoverage coverage, DateOnly from, DateOnly to,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<ReceiptRow>(new CommandDefinition($"""
            SELECT {Columns}, r.trace::text AS Trace
            FROM pos_receipts r, stores s
            WHERE {CoveredDays}
            ORDER BY r.store_code, r.rung_local, r.number
            """, CoveredDaysParameters(coverage, from, to), cancellationToken: cancellationToken));
        return rows.Select(r => (r.ToReceipt(), r.Trace)).ToList();
    }

    /// <summary>Which of the receipts named by store and number are refunds (a refund names a sale, never another refund).</summary>
    public async Task<IReadOnlySet<(string Store, string Number)>> RefundsAmong(IReadOnlyCollection<(string Store, string Number)> named,
        CancellationToken cancellationToken = default)
    {
        if (named.Count == 0) return new HashSet<(string, string)>();
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(string Store, string Number)>(new CommandDefinition("""
            SELECT r.store_code, r.number FROM pos_receipts r
            JOIN unnest(@stores::text[], @numbers::text[]) AS k(store, number) ON k.store = r.store_code AND k.number = r.number
            WHERE r.refund_of IS NOT NULL
            """, new { stores = named.Select(n => n.Store).ToArray(), numbers = named.Select(n => n.Number).ToArray() },
            cancellationToken: cancellationToken));
        return rows.ToHashSet();
    }

    /// <summary>
    /// How many sales (not voided) each of <paramref name="cards"/> was on that store-local day at any of the chain's stores (a card
    /// shared round a district shows only across them).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> CardSales(IReadOnlyCollection<string> cards, DateOnly day, CancellationToken cancellationToken = default)
    {
        if (cards.Count == 0) return new Dictionary<string, int>();
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(string Card, int Sales)>(new CommandDefinition("""
            SELECT member_card, count(*)::int FROM pos_receipts
            WHERE member_card = ANY(@cards) AND refund_of IS NULL AND voided_utc IS NULL AND rung_local >= @from AND rung_local < @to
            GROUP BY member_card
            """, new { cards = cards.ToArray(), from = day.ToDateTime(TimeOnly.MinValue), to = day.AddDays(1).ToDateTime(TimeOnly.MinValue) },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Card, r => r.Sales);
    }

    /// <summary>The store's cameras that watch a till.</summary>
    public async Task<IReadOnlyList<string>> TillCameras(string storeCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT code FROM cameras WHERE store_code = @storeCode AND watches_till ORDER BY code", new { storeCode },
            cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// The analysed pictures of a store's till cameras taken within each of <paramref name="spans"/> (a store's day, and the
    /// moments of the sales its refunds refund, of other days or stores), in one query, oldest first, each once, at the
    /// time the analysis trusted (its capture time unless that is far from its arrival; see <see cref="SnapshotTimes.MaxCaptureSkew"/>).
    /// </summary>
    public async Task<IReadOnlyList<TillFrame>> Frames(IReadOnlyList<(string Store, DateTime FromUtc, DateTime ToUtc)> spans,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<TillFrame>(new CommandDefinition($"""
            SELECT DISTINCT s.id AS SnapshotId, s.camera_code AS CameraCode, t.at AS AtUtc, (s.analysis->>'counted')::int AS Customers, c.till,
                c.store_code AS StoreCode
            FROM unnest(@stores::text[], @froms::timestamptz[], @tos::timestamptz[]) AS span(store, f, t)
            JOIN cameras c ON c.store_code = span.store AND c.watches_till
            JOIN snapshots s ON s.camera_code = c.code AND s.received_at >= span.f - @skew AND s.received_at < span.t + @skew
            CROSS JOIN LATERAL (SELECT {SnapshotTimes.TrustedAt("s")} AS at) t
            WHERE s.status = 'analysed' AND s.analysis ? 'counted' AND t.at >= span.f AND t.at < span.t
            ORDER BY AtUtc, SnapshotId
            """, new
        {
            stores = spans.Select(s => s.Store).ToArray(),
            froms = spans.Select(s => DateTime.SpecifyKind(s.FromUtc, DateTimeKind.Utc)).ToArray(),
            tos = spans.Select(s => DateTime.SpecifyKind(s.ToUtc, DateTimeKind.Utc)).ToArray(),
            skew = SnapshotTimes.MaxCaptureSkew,
        }, cancellationToken: cancellationToken))).Select(f => f with { AtUtc = DateTime.SpecifyKind(f.AtUtc, DateTimeKind.Utc) }).ToList();
    }

    private sealed class ReceiptRow
    {
        public string Number { get; init; } = "";
        public DateTime RungLocal { get; init; }
        public DateTime RungUtc { get; init; }
        public string Cashier { get; init; } = "";
        public string? MemberCard { get; init; }
        public decimal Total { get; init; }
        public string LinesJson { get; init; } = "[]";
        public string? RefundOf { get; init; }
        public string? Till { get; init; }
        public string StoreCode { get; init; } = "";
        public string? RefundStore { get; init; }
        public DateTime? VoidedLocal { get; init; }
        public DateTime? VoidedUtc { get; init; }
        public string? VoidedBy { get; init; }
        /// <summary>The keeper's stored trace, where a query reads it.</summary>
        public string? Trace { get; init; }

        public TillReceipt ToReceipt() => new(Number, RungLocal, DateTime.SpecifyKind(RungUtc, DateTimeKind.Utc), Cashier, MemberCard, Total,
            JsonSerializer.Deserialize<List<ReceiptLine>>(LinesJson, StorageJson.Options) ?? [], RefundOf, Till)
        {
            StoreCode = StoreCode,
            RefundStore = RefundStore,
            VoidedLocal = VoidedLocal,
            VoidedUtc = VoidedUtc is { } voided ? DateTime.SpecifyKind(voided, DateTimeKind.Utc) : null,
            VoidedBy = VoidedBy,
        };
    }
}
