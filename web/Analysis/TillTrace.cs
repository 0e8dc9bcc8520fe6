using SmartStore.Storage;

namespace SmartStore.Web.Analysis;

/// <summary>How receipts are held against the till cameras' pictures (setting section Till).</summary>
public sealed record TillTraceOptions
{
    /// <summary>
    /// A receipt is rung while its customer stands at the till; a till camera sending a picture every 10–30 s has one this
    /// close to the receipt's time on either side, and a POS clock a minute off still finds it.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>People at the till this long (first picture to last) with nothing rung meanwhile are a visit worth a look (有人无单).</summary>
    public TimeSpan MinUnrungVisit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Pictures further apart than this do not make one visit: the camera was quiet in between.</summary>
    public TimeSpan MaxPictureGap { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>One member card on this many receipts of a store in a day is a card collecting on others' purchases (内部会员卡).</summary>
    public int CardReceiptsPerDay { get; init; } = 4;

    /// <summary>How often the stores' figures for head office's overview are brought up to date (today's among them).</summary>
    public TimeSpan KeepEvery { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many days back a day's figures are computed again when receipts for it arrive late.</summary>
    public int KeepDays { get; init; } = 7;

    /// <summary>The first day the keeper still traces again; a day before it is shown as the keeper last traced it.</summary>
    public DateOnly FirstKept(DateTime nowUtc) => DateOnly.FromDateTime(nowUtc).AddDays(-KeepDays);

    /// <summary>A refund rung longer than this after its sale is past the return period (seed 001: 七天无理由退换货).</summary>
    public TimeSpan ReturnPeriod { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A sale voided longer than this after it was rung was voided once its customer had paid and gone (事后作废): a void at
    /// the till while the customer changes their mind comes within a minute or two.
    /// </summary>
    public TimeSpan VoidPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The pictures that show a finding are kept this many days after their day, past the snapshots' retention: a
    /// loss-prevention case is opened weeks later.
    /// </summary>
    public int EvidenceDays { get; init; } = 180;
}

/// <summary>Why a receipt is worth a look.</summary>
public static class ReceiptFlags
{
    /// <summary>有单无人: the till cameras saw nobody on the customers' side when it was rung.</summary>
    public const string NoCustomer = "no-customer";

    /// <summary>一卡多单: its member card was on <see cref="TillTraceOptions.CardReceiptsPerDay"/> or more sales that day, at any of the chain's stores.</summary>
    public const string CardReused = "card-reused";

    /// <summary>内部会员卡: a sale rung on a card the chain's staff hold (<see cref="StaffCards"/>): points and discounts on a customer's purchase.</summary>
    public const string StaffCard = "staff-card";

    /// <summary>退无人单 (虚报假账): a refund of a sale that was rung with nobody at the till — a sale made up, then taken back.</summary>
    public const string UnseenSale = "unseen-sale";

    /// <summary>超额退款: the sale's refunds, this one included, give back more than was paid for it.</summary>
    public const string OverRefund = "over-refund";

    /// <summary>超期退货: rung longer than <see cref="TillTraceOptions.ReturnPeriod"/> after its sale.</summary>
    public const string LateRefund = "late-refund";

    /// <summary>The flags only a refund can carry: a refund with one of them is a refund finding.</summary>
    public static readonly IReadOnlySet<string> OfRefunds = new HashSet<string> { UnseenSale, OverRefund, LateRefund };

    /// <summary>作废无人: a sale voided when the till cameras saw nobody on the customers' side — its customer had paid and gone.</summary>
    public const string VoidUnattended = "void-unattended";

    /// <summary>事后作废: a sale voided longer than <see cref="TillTraceOptions.VoidPeriod"/> after it was rung.</summary>
    public const string LateVoid = "late-void";

    /// <summary>The flags only a voided sale can carry.</summary>
    public static readonly IReadOnlySet<string> OfVoids = new HashSet<string> { VoidUnattended, LateVoid };
}

/// <summary>
/// A receipt against the till: the most customers any till camera counted within the window (null when no till picture
/// was taken then, so nothing can be said), the picture that shows it, and its flags. A sale says how much of it was
/// refunded since, and a voided one who stood at the till when it was voided; a refund, the sale it refunds when the
/// store's POS sent that sale, and who stood at the till for it.
/// </summary>
public sealed record ReceiptTrace(TillReceipt Receipt, int? Customers, TillFrame? Picture, IReadOnlyList<string> Flags)
{
    public bool Flagged => Flags.Count > 0;
    /// <summary>How a review names it (<see cref="TillReviews"/>).</summary>
    public string Subject => $"receipt:{Receipt.Number}";
    /// <summary>A refund with a refund's own finding (退无人单, 超额退款, 超期退货).</summary>
    public bool IsRefundFinding => Flags.Any(ReceiptFlags.OfRefunds.Contains);
    /// <summary>A voided sale with a void's own finding (作废无人, 事后作废).</summary>
    public bool IsVoidFinding => Flags.Any(ReceiptFlags.OfVoids.Contains);
    /// <summary>A sale that stands: not a refund, not voided.</summary>
    public bool IsSale => !Receipt.IsRefund && !Receipt.IsVoided;
    /// <summary>The staff member whose card it was rung on (内部会员卡), when it was.</summary>
    public StaffCard? StaffCard { get; init; }
    public decimal Refunded { get; init; }
    public TillReceipt? Original { get; init; }
    public int? OriginalCustomers { get; init; }
    /// <summary>A voided sale: the till picture nearest its void that shows most customers (null: none within the window).</summary>
    public TillFrame? VoidPicture { get; init; }
}

/// <summary>
/// A receipt as the keeper traced it, stored for the day past its pictures' retention (<see cref="TillTrace.Restore"/>):
/// its flags, who stood at the till and the pictures that showed it, the staff card it was on, who stood there for its sale.
/// </summary>
public sealed record TracedReceipt(IReadOnlyList<string> Flags, int? Customers, TillFrame? Picture, TillFrame? VoidPicture, StaffCard? StaffCard,
    int? OriginalCustomers)
{
    public static TracedReceipt Of(ReceiptTrace trace) =>
        new(trace.Flags, trace.Customers, trace.Picture, trace.VoidPicture, trace.StaffCard, trace.OriginalCustomers);
}

/// <summary>有人无单: people stood at a till from one picture to another and nothing was rung meanwhile.</summary>
public sealed record UnrungVisit(string CameraCode, DateTime FromUtc, DateTime ToUtc, int MostCustomers, TillFrame Picture)
{
    public TimeSpan Length => ToUtc - FromUtc;
    /// <summary>How a review names it: its camera and first picture's moment.</summary>
    public string Subject => $"visit:{CameraCode}@{FromUtc:yyyy-MM-ddTHH:mm:ss}Z";
}

/// <summary>
/// One cashier's receipts of a day and how many of them are worth a look, by finding (a visit that rang nothing has no
/// cashier to go with it). A void is the voider's: a supervisor's key may take back a cashier's sale.
/// </summary>
public sealed record CashierFigures(string Cashier, int Sales, int Refunds, int NoCustomer, int CardReused, int StaffCard, int RefundFindings)
{
    public int Voids { get; init; }
    public int VoidFindings { get; init; }
    public int Findings => NoCustomer + CardReused + StaffCard + RefundFindings + VoidFindings;

    /// <summary>Each cashier of <paramref name="receipts"/> (a receipt naming none counts as "—"), most findings first.</summary>
    public static IReadOnlyList<CashierFigures> Of(IEnumerable<ReceiptTrace> receipts)
    {
        var all = receipts.ToList();
        var rung = all.ToLookup(r => Name(r.Receipt.Cashier));
        var voided = all.Where(r => r.Receipt.IsVoided).ToLookup(r => Name(r.Receipt.VoidedBy ?? r.Receipt.Cashier));
        return rung.Select(g => g.Key).Union(voided.Select(g => g.Key))
            .Select(name => new CashierFigures(name, rung[name].Count(r => r.IsSale), rung[name].Count(r => r.Receipt.IsRefund),
                rung[name].Count(r => r.Flags.Contains(ReceiptFlags.NoCustomer)), rung[name].Count(r => r.Flags.Contains(ReceiptFlags.CardReused)),
                rung[name].Count(r => r.Flags.Contains(ReceiptFlags.StaffCard)), rung[name].Count(r => r.IsRefundFinding))
            {
                Voids = voided[name].Count(),
                VoidFindings = voided[name].Count(r => r.IsVoidFinding),
            })
            .OrderByDescending(c => c.Findings).ThenByDescending(c => c.Sales).ThenBy(c => c.Cashier, StringComparer.Ordinal).ToList();
    }

    private static string Name(string cashier) => cashier.Length == 0 ? "—" : cashier;
}

/// <summary>A store's day at the till: its sales and refunds in the order rung.</summary>
public sealed record TillDay(IReadOnlyList<ReceiptTrace> Receipts, IReadOnlyList<UnrungVisit> Unrung)
{
    /// <summary>Null: traced now; otherwise a day the keeper no longer traces, shown as it traced it then.</summary>
    public DateTime? TracedAtUtc { get; init; }

    /// <summary>The day's findings as reviews name them: the receipts worth a look and the visits that rang nothing.</summary>
    public IEnumerable<string> FindingSubjects => Receipts.Where(r => r.Flagged).Select(r => r.Subject).Concat(Unrung.Select(v => v.Subject));

    /// <summary>The pictures that show the day's findings: each receipt worth a look's, each void's, each visit's.</summary>
    public IReadOnlyList<long> Evidence => TillTrace.PicturesOf(Receipts.Where(r => r.Flagged).Select(TracedReceipt.Of), Unrung);

    /// <summary>The day's receipts by cashier: whose till keeps turning up, not only which receipts.</summary>
    public IReadOnlyList<CashierFigures> Cashiers => CashierFigures.Of(Receipts);

    /// <summary>The sales that stand (a voided sale took nothing).</summary>
    public IEnumerable<ReceiptTrace> Sales => Receipts.Where(r => r.IsSale);
    public IEnumerable<ReceiptTrace> Refunds => Receipts.Where(r => r.Receipt.IsRefund);
    public IEnumerable<ReceiptTrace> Voids => Receipts.Where(r => r.Receipt.IsVoided);
    public int Unchecked => Receipts.Count(r => r.Customers is null);
    public int Flagged(string flag) => Receipts.Count(r => r.Flags.Contains(flag));
    public decimal RefundAmount => Refunds.Sum(r => r.Receipt.Total);
    /// <summary>What the voided sales had taken before they were voided.</summary>
    public decimal VoidAmount => Voids.Sum(r => r.Receipt.Total);
    /// <summary>What the day's sales took less what its refunds gave back.</summary>
    public decimal Amount => Sales.Sum(r => r.Receipt.Total) - RefundAmount;
    /// <summary>Refunds with a refund's own finding (a refund with nobody at the till counts among <see cref="ReceiptFlags.NoCustomer"/>).</summary>
    public int RefundFindings => Refunds.Count(r => r.IsRefundFinding);
    public int VoidFindings => Voids.Count(r => r.IsVoidFinding);

    public TillDayFigures Figures => new(Sales.Count(), Amount, Flagged(ReceiptFlags.NoCustomer), Flagged(ReceiptFlags.CardReused), Unrung.Count, Unchecked)
    {
        StaffCard = Flagged(ReceiptFlags.StaffCard),
        Refunds = Refunds.Count(),
        RefundAmount = RefundAmount,
        RefundFindings = RefundFindings,
        Voids = Voids.Count(),
        VoidAmount = VoidAmount,
        VoidFindings = VoidFindings,
    };
}

/// <summary>
/// 收银追溯 (seed 001: the POS bound to the cameras): each receipt held against who stood at the till when it was rung,
/// and the visits to the till that rang nothing. Pure: the receipts and pictures come in, the findings go out.
/// </summary>
public static class TillTrace
{
    /// <param name="receipts">the day's sales and refunds.</param>
    /// <param name="frames">the till cameras' pictures covering the receipts' day and the window either side, and the window
    /// around each sale of <paramref name="linked"/> and each void of another day.</param>
    /// <param name="nowUtc">a visit that ended less than the window before this may still get its receipt, so it is not judged yet.</param>
    /// <param name="linked">the receipts of other days or stores a refund ties to the day's: the sales its refunds refund, and
    /// the refunds of those and of its sales.</param>
    /// <param name="staffCards">the staff cards among the receipts' member cards, by card.</param>
    /// <param name="cardSales">each of the receipts' member cards' sales that day across the chain (a card passed round a
    /// district's tills is one card on many receipts though each store sees a few); null: the day's receipts' own.</param>
    public static TillDay Check(IReadOnlyList<TillReceipt> receipts, IReadOnlyList<TillFrame> frames, TillTraceOptions options, DateTime nowUtc,
        IReadOnlyList<TillReceipt>? linked = null, IReadOnlyDictionary<string, StaffCard>? staffCards = null,
        IReadOnlyDictionary<string, int>? cardSales = null)
    {
        cardSales ??= receipts.Where(r => r.MemberCard is not null && !r.IsRefund).GroupBy(r => r.MemberCard!).ToDictionary(g => g.Key, g => g.Count());
        var reusedCards = cardSales.Where(c => c.Value >= options.CardReceiptsPerDay).Select(c => c.Key).ToHashSet();
        // In time order, so each receipt looks only at the pictures of its window (a day of a till is thousands of them).
        var ordered = frames.OrderBy(f => f.AtUtc).ToList();
        var ledger = new RefundLedger(receipts.Concat(linked ?? []));
        var traces = receipts.Select(r => ledger.Judge(Trace(r, ordered, reusedCards, staffCards, options), ordered, options)).ToList();
        var unrung = UnrungVisits(receipts, ordered, options).Where(v => v.ToUtc + options.Window <= nowUtc).ToList();
        return new TillDay(traces, unrung);
    }

    /// <summary>
    /// The day as the keeper traced it (<paramref name="traced"/> by number; a receipt it never traced is unchecked), its
    /// pictures only while kept: who stood at the till is still said when the picture is gone.
    /// </summary>
    /// <param name="ledger">the sales and refunds around the day: ties each sale to its refunds and each refund to its sale.</param>
    internal static TillDay Restore(IReadOnlyList<TillReceipt> receipts, RefundLedger ledger,
        IReadOnlyDictionary<string, TracedReceipt> traced, IReadOnlyList<UnrungVisit> unrung, IReadOnlySet<long> kept)
    {
        TillFrame? Kept(TillFrame? frame) => frame is not null && kept.Contains(frame.SnapshotId) ? frame : null;
        var traces = receipts.Select(r => ledger.Tie(traced.GetValueOrDefault(r.Number) is { } t
            ? new ReceiptTrace(r, t.Customers, Kept(t.Picture), t.Flags)
            {
                StaffCard = t.StaffCard, VoidPicture = Kept(t.VoidPicture), OriginalCustomers = t.OriginalCustomers,
            }
            : new ReceiptTrace(r, null, null, []))).ToList();
        return new TillDay(traces, unrung);
    }

    /// <summary>The snapshots the receipts' pictures (at the till, at the void) and the visits' pictures are, each once.</summary>
    internal static List<long> PicturesOf(IEnumerable<TracedReceipt> receipts, IEnumerable<UnrungVisit> visits) =>
        receipts.SelectMany(t => new[] { t.Picture, t.VoidPicture }).Concat(visits.Select(v => v.Picture))
            .OfType<TillFrame>().Select(f => f.SnapshotId).Distinct().ToList();

    private static ReceiptTrace Trace(TillReceipt receipt, List<TillFrame> ordered, HashSet<string> reusedCards,
        IReadOnlyDictionary<string, StaffCard>? staffCards, TillTraceOptions options)
    {
        var picture = Picture(ordered, receipt, options.Window);
        var flags = new List<string>();
        if (picture is { Customers: 0 }) flags.Add(ReceiptFlags.NoCustomer);
        // A voided sale earned its card nothing; a refund on a staff card gives back what its sale earned: only a sale that
        // stands is the card's finding.
        var earned = !receipt.IsRefund && !receipt.IsVoided;
        if (earned && receipt.MemberCard is { } card && reusedCards.Contains(card)) flags.Add(ReceiptFlags.CardReused);
        var staff = earned && receipt.MemberCard is { } held ? staffCards?.GetValueOrDefault(held) : null;
        if (staff is not null) flags.Add(ReceiptFlags.StaffCard);
        var voidPicture = receipt.VoidedUtc is { } voided ? PictureAt(ordered, receipt, voided, options.Window) : null;
        if (voidPicture is { Customers: 0 }) flags.Add(ReceiptFlags.VoidUnattended);
        if (receipt.VoidedUtc - receipt.RungUtc > options.VoidPeriod) flags.Add(ReceiptFlags.LateVoid);
        return new ReceiptTrace(receipt, picture?.Customers, picture, flags) { StaffCard = staff, VoidPicture = voidPicture };
    }

    /// <summary>
    /// The picture of the receipt's till within <paramref name="window"/> of its time with most customers — it shows the
    /// customer — and of equals the nearest (the earlier of two as near); null when there is none.
    /// </summary>
    internal static TillFrame? Picture(List<TillFrame> ordered, TillReceipt receipt, TimeSpan window) => PictureAt(ordered, receipt, receipt.RungUtc, window);

    /// <summary>As <see cref="Picture"/>, around another moment of the receipt (its void).</summary>
    private static TillFrame? PictureAt(List<TillFrame> ordered, TillReceipt receipt, DateTime at, TimeSpan window)
    {
        var first = FirstAtOrAfter(ordered, at - window);
        TillFrame? best = null;
        for (var i = first; i < ordered.Count && ordered[i].AtUtc <= at + window; i++)
        {
            var frame = ordered[i];
            if (!frame.Shows(receipt)) continue;
            if (best is null || frame.Customers > best.Customers
                || (frame.Customers == best.Customers && (frame.AtUtc - at).Duration() < (best.AtUtc - at).Duration()))
                best = frame;
        }
        return best;
    }

    /// <summary>The index of the first picture taken at <paramref name="from"/> or later (binary search).</summary>
    private static int FirstAtOrAfter(List<TillFrame> ordered, DateTime from)
    {
        var (low, high) = (0, ordered.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (ordered[middle].AtUtc < from) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>
    /// Each camera's runs of pictures (in time order) with people at the till, long enough, with no receipt rung during them
    /// at the till the camera watches.
    /// </summary>
    private static List<UnrungVisit> UnrungVisits(IReadOnlyList<TillReceipt> receipts, IReadOnlyList<TillFrame> frames, TillTraceOptions options)
    {
        var visits = new List<UnrungVisit>();
        foreach (var camera in frames.GroupBy(f => f.CameraCode))
            foreach (var run in Runs(camera.ToList(), options.MaxPictureGap))
            {
                var (from, to) = (run[0].AtUtc, run[^1].AtUtc);
                if (to - from < options.MinUnrungVisit) continue;
                if (receipts.Any(r => run[0].Shows(r) && r.RungUtc >= from - options.Window && r.RungUtc <= to + options.Window)) continue;
                var busiest = run.MaxBy(f => f.Customers)!;
                visits.Add(new UnrungVisit(camera.Key, from, to, busiest.Customers, busiest));
            }
        return visits.OrderBy(v => v.FromUtc).ToList();
    }

    /// <summary>Consecutive pictures with someone at the till, none further than <paramref name="maxGap"/> from the one before.</summary>
    private static IEnumerable<List<TillFrame>> Runs(List<TillFrame> frames, TimeSpan maxGap)
    {
        var run = new List<TillFrame>();
        foreach (var frame in frames)
        {
            var continues = frame.Customers > 0 && run.Count > 0 && frame.AtUtc - run[^1].AtUtc <= maxGap;
            if (!continues && run.Count > 0)
            {
                yield return run;
                run = [];
            }
            if (frame.Customers > 0) run.Add(frame);
        }
        if (run.Count > 0) yield return run;
    }
}
