using System.Globalization;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// A push of receipts one by one (收银追溯): each with its number, store-local time, till, cashier, member card and lines;
/// a refund (退单) also names the receipt it gives money back on (and that receipt's store, when it was rung at another of
/// the chain's stores), its lines what was given back. A sale voided after it was rung (作废) is sent again with when and by
/// whom.
/// Every receipt is checked; one bad receipt refuses the push with its field and reason.
/// </summary>
public static class SalesInput
{
    public sealed record Push(IReadOnlyList<ReceiptInput?>? Receipts);

    public sealed record ReceiptInput(string? Number, string? At, string? Cashier, string? MemberCard, decimal? Total, IReadOnlyList<LineInput?>? Items,
        string? RefundOf = null, string? Till = null, string? RefundStore = null, string? VoidedAt = null, string? VoidedBy = null);

    public sealed record LineInput(string? Name, decimal? Quantity, decimal? UnitPrice, decimal? Discount, decimal? Amount);

    public const int MaxReceipts = 5_000;
    public const int MaxLines = 200;
    /// <summary>The longest till name a receipt or camera may give (收银台号).</summary>
    public const int MaxTill = 20;
    private const decimal MaxMoney = 100_000_000m;
    private const string Example = "[{\"number\": \"0032\", \"at\": \"2026-12-05T20:16:49\", \"till\": \"1\", \"cashier\": \"店长\", \"memberCard\": null, " +
        "\"items\": [{\"name\": \"T恤\", \"quantity\": 1, \"unitPrice\": 39, \"discount\": 5.7, \"amount\": 33.3}]}, " +
        "{\"number\": \"0040\", \"refundOf\": \"0032\", \"at\": \"2026-12-06T11:02:10\", \"items\": [{\"name\": \"T恤\", \"quantity\": 1, \"unitPrice\": 39, \"amount\": 33.3}]}, …]";

    /// <summary>
    /// The receipts of a push to <paramref name="storeCode"/>, their store-local times turned to UTC on the store's clock. A
    /// refund's sale store naming this store is taken as none (whether another store exists is the caller's to check).
    /// </summary>
    public static (IReadOnlyList<TillReceipt> Receipts, FieldErrors Errors) Read(Push input, string storeCode, TimeZoneInfo zone)
    {
        var errors = new FieldErrors();
        var numbers = new HashSet<string>();
        var receipts = BatchPush.Read(input.Receipts, "receipts", Example, MaxReceipts, errors, (r, field) =>
        {
            var number = r.Number?.Trim();
            errors.Text($"{field}.number", number, 64);
            if (number is { Length: > 0 } && !numbers.Add(number)) errors.Add($"{field}.number", $"{field}.number '{number}' is given twice.");
            var at = LocalTime(r.At);
            if (at is null)
                errors.Add($"{field}.at", $"{field}.at '{r.At}' must be the store-local time it was rung, yyyy-MM-ddTHH:mm:ss.");
            errors.Text($"{field}.cashier", r.Cashier?.Trim(), 60, required: false);
            var card = string.IsNullOrWhiteSpace(r.MemberCard) ? null : r.MemberCard.Trim();
            errors.Text($"{field}.memberCard", card, 40, required: false);
            var refundOf = string.IsNullOrWhiteSpace(r.RefundOf) ? null : r.RefundOf.Trim();
            errors.Text($"{field}.refundOf", refundOf, 64, required: false);
            var refundStore = string.IsNullOrWhiteSpace(r.RefundStore) || r.RefundStore.Trim() == storeCode ? null : r.RefundStore.Trim();
            errors.Text($"{field}.refundStore", refundStore, 32, required: false);
            if (refundStore is not null && refundOf is null) errors.Add($"{field}.refundStore", $"{field}.refundStore is the store of the sale a refund gives money back on: give refundOf too.");
            if (refundOf is not null && refundOf == number && refundStore is null) errors.Add($"{field}.refundOf", $"{field}.refundOf names the receipt itself: a refund gives money back on another receipt.");
            // Which till, as the POS names it (收银台 1, POS-02): held against the camera told it watches that till.
            var till = string.IsNullOrWhiteSpace(r.Till) ? null : r.Till.Trim();
            errors.Text($"{field}.till", till, MaxTill, required: false);
            var (voidedAt, voidedBy) = Void(r, refundOf is not null, at, field, errors);
            var lines = Lines(r.Items, field, errors);
            var total = lines.Sum(l => l.Amount);
            if (r.Total is { } given && Math.Abs(given - total) > 0.01m)
                errors.Add($"{field}.total", $"{field}.total {given} is not the sum of its items' amounts ({total}).");
            var rung = at ?? default;
            return new TillReceipt(number ?? "", rung, StoreTimeZones.ToUtc(rung, zone), r.Cashier?.Trim() ?? "", card, total, lines, refundOf, till)
            {
                StoreCode = storeCode,
                RefundStore = refundStore,
                VoidedLocal = voidedAt,
                VoidedUtc = voidedAt is { } voided ? StoreTimeZones.ToUtc(voided, zone) : null,
                VoidedBy = voidedBy,
            };
        });
        return (receipts, errors);
    }

    private static DateTime? LocalTime(string? text) =>
        DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>When a sale was voided (store-local) and by whom: a sale's only, and not before it was rung.</summary>
    private static (DateTime? At, string? By) Void(ReceiptInput r, bool isRefund, DateTime? rung, string field, FieldErrors errors)
    {
        var by = string.IsNullOrWhiteSpace(r.VoidedBy) ? null : r.VoidedBy.Trim();
        errors.Text($"{field}.voidedBy", by, 60, required: false);
        if (string.IsNullOrWhiteSpace(r.VoidedAt))
        {
            if (by is not null) errors.Add($"{field}.voidedBy", $"{field}.voidedBy is who voided the sale: give voidedAt too.");
            return (null, null);
        }
        var at = LocalTime(r.VoidedAt);
        if (at is null) errors.Add($"{field}.voidedAt", $"{field}.voidedAt '{r.VoidedAt}' must be the store-local time the sale was voided, yyyy-MM-ddTHH:mm:ss.");
        else if (isRefund) errors.Add($"{field}.voidedAt", $"{field}.voidedAt is a sale's: a refund is not voided.");
        else if (at < rung) errors.Add($"{field}.voidedAt", $"{field}.voidedAt {r.VoidedAt} is before the sale was rung: a sale is voided after.");
        return (at, by);
    }

    private static IReadOnlyList<ReceiptLine> Lines(IReadOnlyList<LineInput?>? items, string receipt, FieldErrors errors)
    {
        var lines = new List<ReceiptLine>();
        var name = $"{receipt}.items";
        if (items is not { Count: > 0 }) { errors.Add(name, $"{name} is required: a receipt sells something, a refund gives something back."); return lines; }
        if (items.Count > MaxLines) { errors.Add(name, $"at most {MaxLines} items a receipt, not {items.Count}."); return lines; }
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"{name}[{i}]";
            if (items[i] is not { } item) { errors.Add(field, $"{field} is empty."); continue; }
            errors.Text($"{field}.name", item.Name?.Trim(), 120);
            if (item.Quantity is not (> 0 and <= 100_000)) errors.Add($"{field}.quantity", $"{field}.quantity must be more than 0 and at most 100000.");
            if (item.UnitPrice is not (>= 0 and < MaxMoney)) errors.Add($"{field}.unitPrice", $"{field}.unitPrice must be 0 or more.");
            if (item.Discount is < 0 or >= MaxMoney) errors.Add($"{field}.discount", $"{field}.discount must be 0 or more.");
            var (quantity, price, discount) = (item.Quantity ?? 0, item.UnitPrice ?? 0, item.Discount ?? 0);
            // A line's amount is what was paid; left out, it is the price of the quantity less the discount.
            var amount = item.Amount ?? Math.Round(quantity * price - discount, 2);
            if (amount is < 0 or >= MaxMoney) errors.Add($"{field}.amount", $"{field}.amount must be 0 or more (the price of the quantity less the discount).");
            lines.Add(new ReceiptLine(item.Name?.Trim() ?? "", quantity, price, discount, Math.Round(amount, 2)));
        }
        return lines;
    }
}
