using SmartStore.Storage;

namespace SmartStore.Web.Analysis;

/// <summary>
/// The store's sales and refunds known around a day, by sale (虚报假账): how much of each sale was refunded, and how each
/// refund stands against its sale — was anyone at the till for that sale, is more given back than was paid (nothing was,
/// for a voided sale), is it late.
/// </summary>
internal sealed class RefundLedger
{
    // By the sale's store and number: a refund may be rung at another store than its sale.
    private readonly Dictionary<(string Store, string Number), TillReceipt> _sales;
    private readonly ILookup<(string Store, string Number), TillReceipt> _refunds;

    public RefundLedger(IEnumerable<TillReceipt> receipts)
    {
        var known = receipts.DistinctBy(r => (r.StoreCode, r.Number)).ToList();
        _sales = known.Where(r => !r.IsRefund).ToDictionary(r => r.Sale);
        _refunds = known.Where(r => r.IsRefund).OrderBy(r => r.RungUtc).ThenBy(r => r.Number, StringComparer.Ordinal).ToLookup(r => r.Sale);
    }

    /// <summary>The trace with what the ledger adds: a sale's refunded amount; a refund's sale and its refund flags.</summary>
    /// <param name="ordered">the till pictures in time order, covering the window around each sale a refund of the day refunds.</param>
    public ReceiptTrace Judge(ReceiptTrace trace, List<TillFrame> ordered, TillTraceOptions options)
    {
        var receipt = trace.Receipt;
        if (!receipt.IsRefund) return Tie(trace);
        // A sale the POS never sent (rung before the integration) leaves nothing to hold the refund against.
        if (!_sales.TryGetValue(receipt.Sale, out var sale)) return trace;
        var seen = TillTrace.Picture(ordered, sale, options.Window)?.Customers;
        var flags = trace.Flags.ToList();
        if (seen == 0) flags.Add(ReceiptFlags.UnseenSale);
        // A voided sale took nothing: any refund of it gives back money never paid.
        if (RefundedBy(sale, receipt) > (sale.IsVoided ? 0m : sale.Total) + 0.005m) flags.Add(ReceiptFlags.OverRefund);
        if (receipt.RungUtc - sale.RungUtc > options.ReturnPeriod) flags.Add(ReceiptFlags.LateRefund);
        return trace with { Flags = flags, Original = sale, OriginalCustomers = seen };
    }

    /// <summary>The trace tied to the ledger without judging it: a sale's refunded amount, a refund's sale when known.</summary>
    public ReceiptTrace Tie(ReceiptTrace trace) => trace.Receipt.IsRefund
        ? trace with { Original = _sales.GetValueOrDefault(trace.Receipt.Sale) }
        : trace with { Refunded = _refunds[trace.Receipt.Sale].Sum(r => r.Total) };

    /// <summary>What the sale's refunds gave back up to and including <paramref name="refund"/>, in the order they were rung.</summary>
    private decimal RefundedBy(TillReceipt sale, TillReceipt refund)
    {
        var total = 0m;
        foreach (var r in _refunds[sale.Sale])
        {
            total += r.Total;
            if ((r.StoreCode, r.Number) == (refund.StoreCode, refund.Number)) break;
        }
        return total;
    }
}
