using Microsoft.Extensions.Options;
using SmartStore.Storage;
using SmartStore.Web.Analysis;

namespace SmartStore.Web.Api;

/// <summary>
/// A store's staff cards (内部会员卡) from the API and the page alike: each card checked, a card of another store's staff
/// refused naming them, and the till days the card was used on within the keeper's reach traced again.
/// </summary>
public sealed class StaffCardDesk(StaffCards cards, IOptions<TillTraceOptions> options)
{
    public sealed record CardInput(string? Card, string? Holder);

    public const int MaxCards = 500;
    /// <summary>The longest card number and holder's name (staff_cards' columns).</summary>
    private const int MaxCard = 40, MaxHolder = 60;

    /// <summary>Makes the given cards the store's whole list; the errors when any card is wrong or another store's.</summary>
    public async Task<FieldErrors> Replace(string storeCode, IReadOnlyList<CardInput?>? input, string actor)
    {
        var errors = new FieldErrors();
        if (input is null) { errors.Add("cards", "cards is required: the store's staff cards, [{\"card\": \"M88000001\", \"holder\": \"王丽\"}, …] ([] for none)."); return errors; }
        if (input.Count > MaxCards) { errors.Add("cards", $"at most {MaxCards} cards a store, not {input.Count}."); return errors; }
        var read = new List<(string Card, string Holder)>();
        for (var i = 0; i < input.Count; i++)
            if (Read(input[i], $"cards[{i}]", errors) is { } card)
            {
                if (read.Any(r => r.Card == card.Card)) errors.Add($"cards[{i}].card", $"cards[{i}].card '{card.Card}' is given twice.");
                read.Add(card);
            }
        if (errors.Any) return errors;
        foreach (var taken in await cards.Replace(storeCode, read, actor, Since)) Taken(taken, errors);
        return errors;
    }

    /// <summary>Registers one card at the store; the errors when it is wrong or another store's.</summary>
    public async Task<FieldErrors> Add(string storeCode, CardInput input, string actor)
    {
        var errors = new FieldErrors();
        if (Read(input, "", errors) is { } card && await cards.Add(storeCode, card.Card, card.Holder, actor, Since) is { } taken) Taken(taken, errors);
        return errors;
    }

    public Task<bool> Remove(string storeCode, string card, string actor) => cards.Remove(storeCode, card.Trim(), actor, Since);

    /// <summary>The first day whose figures the keeper brings up to date again (a day earlier: a store's day may begin before UTC's).</summary>
    private DateOnly Since => options.Value.FirstKept(DateTime.UtcNow).AddDays(-1);

    private static (string Card, string Holder)? Read(CardInput? input, string field, FieldErrors errors)
    {
        var prefix = field.Length == 0 ? "" : field + ".";
        if (input is null) { errors.Add(field, $"{field} is empty."); return null; }
        var (card, holder) = (input.Card?.Trim(), input.Holder?.Trim());
        errors.Text(prefix + "card", card, MaxCard);
        errors.Text(prefix + "holder", holder, MaxHolder);
        return string.IsNullOrEmpty(card) || string.IsNullOrEmpty(holder) || card.Length > MaxCard || holder.Length > MaxHolder ? null : (card, holder);
    }

    private static void Taken(StaffCard taken, FieldErrors errors) =>
        errors.Add("card", $"card '{taken.Card}' is {taken.Holder}'s at store {taken.StoreCode}: a card is one person's.",
            $"会员卡“{taken.Card}”已登记为门店 {taken.StoreCode} 的 {taken.Holder} 的内部卡。");
}
