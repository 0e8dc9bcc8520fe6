using Dapper;
using Npgsql;

namespace SmartStore.Storage;

/// <summary>A member card one of the chain's staff holds (内部会员卡): whose it is, and at which store they work.</summary>
public sealed record StaffCard(string Card, string Holder, string StoreCode);

/// <summary>
/// The member cards of the chain's staff, per store (内部会员卡收费: a sale rung on one is the staff member collecting on a
/// customer's purchase). A card is one person's, chain-wide: registering it at a second store is refused, naming the
/// first. A change marks the till figures of the days the card was used on since <c>since</c> for tracing again.
/// </summary>
public sealed class StaffCards(SmartStoreDatabase database)
{
    public async Task<IReadOnlyList<StaffCard>> OfStore(string storeCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<StaffCard>(new CommandDefinition(
            "SELECT card, holder, store_code AS StoreCode FROM staff_cards WHERE store_code = @storeCode ORDER BY holder, card",
            new { storeCode }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The staff cards among <paramref name="cards"/>, by card.</summary>
    public async Task<IReadOnlyDictionary<string, StaffCard>> Among(IReadOnlyCollection<string> cards, CancellationToken cancellationToken = default)
    {
        if (cards.Count == 0) return new Dictionary<string, StaffCard>();
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<StaffCard>(new CommandDefinition(
            "SELECT card, holder, store_code AS StoreCode FROM staff_cards WHERE card = ANY(@cards)", new { cards = cards.ToArray() },
            cancellationToken: cancellationToken))).ToDictionary(c => c.Card);
    }

    /// <summary>
    /// Makes <paramref name="cards"/> the store's whole list (a sync from the chain's HR system); the cards already another
    /// store's when any, nothing changed.
    /// </summary>
    public Task<IReadOnlyList<StaffCard>> Replace(string storeCode, IReadOnlyList<(string Card, string Holder)> cards, string actor, DateOnly since,
        CancellationToken cancellationToken = default) =>
        database.InTransaction<IReadOnlyList<StaffCard>>(async (c, t) =>
        {
            var taken = await TakenElsewhere(c, t, storeCode, cards.Select(x => x.Card).ToArray());
            if (taken.Count > 0) return taken;
            var before = await c.QueryAsync<string>("DELETE FROM staff_cards WHERE store_code = @storeCode RETURNING card", new { storeCode }, t);
            await c.ExecuteAsync("INSERT INTO staff_cards (card, holder, store_code, added_by) VALUES (@Card, @Holder, @storeCode, @actor)",
                cards.Select(x => new { x.Card, x.Holder, storeCode, actor }), t);
            await Retrace(c, t, before.Concat(cards.Select(x => x.Card)).Distinct().ToArray(), since);
            await AuditTrail.Record(c, t, actor, "replace", "staff_cards", storeCode, new { cards = cards.Count });
            return [];
        }, cancellationToken);

    /// <summary>Registers one card at the store (its holder renamed when it is there already); the card when another store's.</summary>
    public Task<StaffCard?> Add(string storeCode, string card, string holder, string actor, DateOnly since) =>
        database.InTransaction<StaffCard?>(async (c, t) =>
        {
            if ((await TakenElsewhere(c, t, storeCode, [card])).FirstOrDefault() is { } taken) return taken;
            // The same card with the same holder (the demo's seed at every start) changes nothing and is not logged again.
            var written = await c.ExecuteAsync("""
                INSERT INTO staff_cards (card, holder, store_code, added_by) VALUES (@card, @holder, @storeCode, @actor)
                ON CONFLICT (card) DO UPDATE SET holder = EXCLUDED.holder WHERE staff_cards.holder IS DISTINCT FROM EXCLUDED.holder
                """, new { card, holder, storeCode, actor }, t);
            if (written == 0) return null;
            await Retrace(c, t, [card], since);
            await AuditTrail.Record(c, t, actor, "add", "staff_card", card, new { holder, store = storeCode });
            return null;
        });

    /// <summary>Removes a card from the store's list; false when it was not on it.</summary>
    public Task<bool> Remove(string storeCode, string card, string actor, DateOnly since) =>
        database.InTransaction(async (c, t) =>
        {
            var removed = await c.ExecuteAsync("DELETE FROM staff_cards WHERE store_code = @storeCode AND card = @card", new { storeCode, card }, t) > 0;
            if (!removed) return false;
            await Retrace(c, t, [card], since);
            await AuditTrail.Record(c, t, actor, "remove", "staff_card", card, new { store = storeCode });
            return true;
        });

    private static async Task<IReadOnlyList<StaffCard>> TakenElsewhere(NpgsqlConnection c, NpgsqlTransaction t, string storeCode, string[] cards) =>
        (await c.QueryAsync<StaffCard>(
            "SELECT card, holder, store_code AS StoreCode FROM staff_cards WHERE card = ANY(@cards) AND store_code <> @storeCode ORDER BY card",
            new { cards, storeCode }, t)).ToList();

    /// <summary>The till figures of every store-day since <paramref name="since"/> with a receipt on one of the cards are out of date.</summary>
    private static Task Retrace(NpgsqlConnection c, NpgsqlTransaction t, string[] cards, DateOnly since) =>
        c.ExecuteAsync("""
            UPDATE till_days k SET computed_at = 'epoch'
            FROM (SELECT DISTINCT store_code, rung_local::date AS day FROM pos_receipts
                  WHERE member_card = ANY(@cards) AND rung_local >= @since) used
            WHERE k.store_code = used.store_code AND k.day = used.day
            """, new { cards, since = since.ToDateTime(TimeOnly.MinValue) }, t);
}
