using SmartStore.Storage;
using SmartStore.Web.Analysis;

namespace SmartStore.Web.Api;

// 收银追溯 as the API answers it (GET /api/stores/{code}/till and GET /api/till). Times named `at`, `from` and `to` are
// store-local (yyyy-MM-ddTHH:mm:ss); those ending in Utc or named `due` are UTC.

/// <summary>A store's day at the till: its figures, each receipt held against the till pictures, each cashier's tally, the visits that rang nothing.</summary>
/// <param name="TracedAt">null: traced now; otherwise a day past the days traced again, shown as the keeper traced it then.</param>
public sealed record TillDayFindings(string Store, string Date, DateTime? TracedAt, IReadOnlyList<string> TillCameras, TillDayTotals Totals,
    IReadOnlyList<TillReceiptFinding> Receipts, IReadOnlyList<CashierFigures> Cashiers, IReadOnlyList<UnrungVisitFinding> Unrung);

/// <summary>The day's receipts, amounts and findings by kind, and how many findings were confirmed, cleared or wait for review.</summary>
public sealed record TillDayTotals
{
    public int Receipts { get; init; }
    public decimal Amount { get; init; }
    public int NoCustomer { get; init; }
    public int CardReused { get; init; }
    public int StaffCard { get; init; }
    public int Unchecked { get; init; }
    public int UnrungVisits { get; init; }
    public int Refunds { get; init; }
    public decimal RefundAmount { get; init; }
    public int UnseenSale { get; init; }
    public int OverRefund { get; init; }
    public int LateRefund { get; init; }
    public int Voids { get; init; }
    public decimal VoidAmount { get; init; }
    public int VoidUnattended { get; init; }
    public int LateVoid { get; init; }
    public int Confirmed { get; init; }
    public int Cleared { get; init; }
    public int ToReview { get; init; }
}

/// <summary>
/// A receipt against the till: who stood there (<c>customersSeen</c>, null: no till picture near it), the picture, its
/// flags; a sale says how much was refunded and, voided, when and who stood there then; a refund, the sale it refunds.
/// </summary>
public sealed record TillReceiptFinding
{
    public required string Number { get; init; }
    /// <summary>How a review or a to-do names it; null when the receipt has no finding.</summary>
    public string? Subject { get; init; }
    public FindingReview? Review { get; init; }
    public FindingAsked? Asked { get; init; }
    public string? RefundOf { get; init; }
    public string? RefundStore { get; init; }
    public required string At { get; init; }
    public string? Till { get; init; }
    public required string Cashier { get; init; }
    public string? MemberCard { get; init; }
    public StaffCardHolder? StaffCard { get; init; }
    public decimal Total { get; init; }
    public required IReadOnlyList<ReceiptLine> Items { get; init; }
    public int? CustomersSeen { get; init; }
    public TillPicture? Picture { get; init; }
    public required IReadOnlyList<string> Flags { get; init; }
    /// <summary>A sale: how much of it was refunded since; null for a refund.</summary>
    public decimal? Refunded { get; init; }
    public TillVoid? Voided { get; init; }
    public RefundedSale? Sale { get; init; }
}

/// <summary>The staff member whose member card a receipt was rung on, and their store.</summary>
public sealed record StaffCardHolder(string Holder, string Store);

/// <summary>When a sale was voided, by whom when the POS says, and the till picture then.</summary>
public sealed record TillVoid(string At, string? By, TillPicture? Picture);

/// <summary>The sale a refund refunds: where and when it was rung, its total, and who stood at the till for it.</summary>
public sealed record RefundedSale(string Store, string At, decimal Total, int? CustomersSeen);

/// <summary>A till camera's picture: how many customers stood on the customers' side of the till.</summary>
public sealed record TillPicture(long SnapshotId, string Camera, string? Till, string At, int Customers);

/// <summary>How head office judged a finding (confirmed or cleared), with its note.</summary>
public sealed record FindingReview(string Verdict, string Note, string By, DateTime At);

/// <summary>The to-do asking the store to explain a finding (请门店说明), and the store's answer once given.</summary>
public sealed record FindingAsked(long Todo, string State, string Text, DateTime? Due, string? Answer, string? AnsweredBy, string By);

/// <summary>有人无单: people stood at a till from one picture to another (store-local) and nothing was rung.</summary>
public sealed record UnrungVisitFinding(string Subject, FindingReview? Review, FindingAsked? Asked, string Camera, string? Till, string From, string To,
    double Minutes, int MostCustomers, TillPicture Picture);

/// <summary>收银追溯 overview: the stores' findings on a day, and the same stores' findings day by day over 30 days.</summary>
public sealed record TillOverview(string Date, IReadOnlyList<TillOverviewDay> Trend, IReadOnlyList<TillOverviewStore> Stores);

public sealed record TillOverviewDay(string Date, int Stores, int Receipts, int NoCustomer, int CardReused, int StaffCard, int UnrungVisits,
    int RefundFindings, int VoidFindings);

/// <summary>A store's figures on the day as the keeper last traced them, and its findings and their review over its last 30 days.</summary>
public sealed record TillOverviewStore
{
    public required string Store { get; init; }
    public required string Name { get; init; }
    public required string Region { get; init; }
    public int Receipts { get; init; }
    public decimal Amount { get; init; }
    public int NoCustomer { get; init; }
    public int CardReused { get; init; }
    public int StaffCard { get; init; }
    public int UnrungVisits { get; init; }
    public int Unchecked { get; init; }
    public int Refunds { get; init; }
    public decimal RefundAmount { get; init; }
    public int RefundFindings { get; init; }
    public int Voids { get; init; }
    public decimal VoidAmount { get; init; }
    public int VoidFindings { get; init; }
    public int RecentFindings { get; init; }
    public int Confirmed { get; init; }
    public int Cleared { get; init; }
    public int ToReview { get; init; }
    public int RecentConfirmed { get; init; }
    public int RecentAsked { get; init; }
    public int RecentAnswered { get; init; }
    public DateTime ComputedAt { get; init; }
}

/// <summary>How many receipts the push wrote.</summary>
public sealed record SalesWritten(string Store, int Receipts);

/// <summary>A finding judged: its subject (receipt:… or visit:…) and the verdict recorded.</summary>
public sealed record FindingJudged(string Store, string? Subject, string? Verdict);

/// <summary>请门店说明: the to-do (its id) the finding was handed to the store as.</summary>
public sealed record FindingHandedOver(long Todo, string Store, string? Subject);

/// <summary>Whether a camera watches a till, and the till's name (null: none given).</summary>
public sealed record TillWatch(string Camera, bool WatchesTill, string? Till);
