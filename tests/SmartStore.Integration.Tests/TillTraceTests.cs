using SmartStore.Storage;
using SmartStore.Web.Analysis;

namespace SmartStore.Integration.Tests;

/// <summary>收银追溯's rules on receipts and till pictures given by hand: who was at the till, one card on many receipts, people and nothing rung.</summary>
public sealed class TillTraceTests
{
    private static readonly DateTime T0 = new(2026, 12, 5, 6, 0, 0, DateTimeKind.Utc);
    private static readonly TillTraceOptions Options = new();
    private static readonly DateTime Later = T0.AddHours(1);

    private static TillReceipt Receipt(string number, double seconds, string? card = null) =>
        new(number, T0.AddHours(8).AddSeconds(seconds), T0.AddSeconds(seconds), "店长", card, 10m, [new ReceiptLine("T恤", 1, 10m, 0, 10m)]);

    private static TillFrame Frame(long id, double seconds, int customers, string camera = "T1") => new(id, camera, T0.AddSeconds(seconds), customers);

    private static TillReceipt Refund(string number, double seconds, string sale, decimal amount) =>
        Receipt(number, seconds) with { Total = amount, Lines = [new ReceiptLine("T恤", 1, amount, 0, amount)], RefundOf = sale };

    [Fact]
    public void A_receipt_shows_the_picture_with_most_customers_near_it_and_is_flagged_only_when_nobody_was_there()
    {
        var frames = new[] { Frame(1, -60, 0), Frame(2, 20, 2), Frame(3, 400, 0), Frame(4, 1000, 1) };
        var day = TillTrace.Check([Receipt("A", 0), Receipt("B", 420), Receipt("C", 700)], frames, Options, Later);

        var (a, b, c) = (day.Receipts[0], day.Receipts[1], day.Receipts[2]);
        Assert.Equal((2, 2L), (a.Customers!.Value, a.Picture!.SnapshotId)); // the empty picture a minute before does not outvote the customer
        Assert.Empty(a.Flags);
        Assert.Equal((0, 3L), (b.Customers!.Value, b.Picture!.SnapshotId));
        Assert.Equal([ReceiptFlags.NoCustomer], b.Flags);
        Assert.Null(c.Customers); // no picture within 90 s: nothing can be said, nothing is flagged
        Assert.Empty(c.Flags);
        Assert.Equal((1, 1), (day.Unchecked, day.Flagged(ReceiptFlags.NoCustomer)));
    }

    [Fact]
    public void A_member_card_on_four_receipts_of_the_day_flags_each_of_them_and_three_do_not()
    {
        var three = TillTrace.Check([Receipt("1", 0, "M1"), Receipt("2", 60, "M1"), Receipt("3", 120, "M1"), Receipt("4", 180, "M2")], [], Options, Later);
        Assert.Equal(0, three.Flagged(ReceiptFlags.CardReused));

        var four = TillTrace.Check([Receipt("1", 0, "M1"), Receipt("2", 60, "M1"), Receipt("3", 120, "M1"), Receipt("4", 180, "M1"), Receipt("5", 240)], [], Options, Later);
        Assert.Equal(["1", "2", "3", "4"], four.Receipts.Where(r => r.Flags.Contains(ReceiptFlags.CardReused)).Select(r => r.Receipt.Number));

        // Two here, two more at other stores of the chain: one card on four sales that day.
        var shared = TillTrace.Check([Receipt("1", 0, "M1"), Receipt("2", 60, "M1"), Receipt("3", 120, "M2")], [], Options, Later,
            cardSales: new Dictionary<string, int> { ["M1"] = 4, ["M2"] = 1 });
        Assert.Equal(["1", "2"], shared.Receipts.Where(r => r.Flags.Contains(ReceiptFlags.CardReused)).Select(r => r.Receipt.Number));
    }

    [Fact]
    public void A_days_receipts_by_cashier_count_each_cashiers_findings_most_first()
    {
        var receipts = new[]
        {
            Receipt("1", 0) with { Cashier = "小李" }, Receipt("2", 400) with { Cashier = "小李" }, Receipt("3", 800) with { Cashier = "小王" },
            Receipt("4", 1200) with { Cashier = "" },
        };
        var day = TillTrace.Check(receipts, [Frame(1, 10, 1), Frame(2, 410, 0), Frame(3, 810, 1), Frame(4, 1210, 0)], Options, Later);
        var cashiers = day.Cashiers.Select(c => (c.Cashier, c.Sales, c.NoCustomer, c.Findings)).ToList();
        Assert.Equal([("小李", 2, 1, 1), ("—", 1, 1, 1), ("小王", 1, 0, 0)], cashiers);
    }

    [Fact]
    public void A_sale_on_a_staff_members_own_card_is_flagged_and_its_refund_and_a_customers_card_are_not()
    {
        var staff = new Dictionary<string, StaffCard> { ["M-STAFF"] = new("M-STAFF", "王丽", "S0001") };
        var day = TillTrace.Check([Receipt("1", 0, "M-STAFF"), Receipt("2", 60, "M-GUEST"), Refund("3", 120, "1", 10m) with { MemberCard = "M-STAFF" }],
            [], Options, Later, staffCards: staff);
        Assert.Equal([ReceiptFlags.StaffCard], day.Receipts[0].Flags);
        Assert.Equal("王丽", day.Receipts[0].StaffCard!.Holder);
        Assert.Empty(day.Receipts[1].Flags);
        Assert.Empty(day.Receipts[2].Flags);
        Assert.Equal(1, day.Figures.StaffCard);
    }

    [Fact]
    public void People_at_the_till_for_three_minutes_with_nothing_rung_are_a_visit_and_a_receipt_meanwhile_or_a_quiet_camera_is_not()
    {
        // Customers in every picture, 30 s apart, for three minutes; an empty picture after.
        var visit = Enumerable.Range(0, 7).Select(i => Frame(10 + i, 30 * i, i == 3 ? 2 : 1)).Append(Frame(20, 210, 0)).ToList();
        var unrung = Assert.Single(TillTrace.Check([], visit, Options, Later).Unrung);
        Assert.Equal((T0, T0.AddMinutes(3), 2, 13L), (unrung.FromUtc, unrung.ToUtc, unrung.MostCustomers, unrung.Picture.SnapshotId));

        Assert.Empty(TillTrace.Check([Receipt("A", 100)], visit, Options, Later).Unrung);
        // A receipt rung just after the customers left (within the window) still counts for the visit.
        Assert.Empty(TillTrace.Check([Receipt("A", 260)], visit, Options, Later).Unrung);

        // While the customers may still be rung up (the visit ended less than 90 s ago), it is not judged yet.
        Assert.Empty(TillTrace.Check([], visit, Options, T0.AddMinutes(3).AddSeconds(89)).Unrung);
        Assert.Single(TillTrace.Check([], visit, Options, T0.AddMinutes(3).AddSeconds(90)).Unrung);

        // The same pictures with a 2-minute silence in the middle: two short visits, neither long enough.
        var broken = visit.Select(f => f.AtUtc >= T0.AddSeconds(90) ? f with { AtUtc = f.AtUtc.AddMinutes(2) } : f).ToList();
        Assert.Empty(TillTrace.Check([], broken, Options, Later).Unrung);

        // Two till cameras: each camera's pictures make their own visits.
        var twoTills = visit.Take(4).Concat(visit.Skip(4).Take(3).Select(f => f with { CameraCode = "T2" })).ToList();
        Assert.Empty(TillTrace.Check([], twoTills, Options, Later).Unrung);
    }

    [Fact]
    public void A_receipt_naming_its_till_is_held_against_that_tills_camera_and_a_visit_to_one_till_is_not_rung_by_a_receipt_at_another()
    {
        // Till 1's camera sees a customer at 20 s; till 2's camera sees nobody then. A and B are rung at 0 s.
        var frames = new[] { Frame(1, 20, 1, "T1") with { Till = "1" }, Frame(2, 10, 0, "T2") with { Till = "2" } };
        var day = TillTrace.Check([Receipt("A", 0) with { Till = "1" }, Receipt("B", 0) with { Till = "2" }, Receipt("C", 0) with { Till = "3" },
            Receipt("D", 0)], frames, Options, Later);
        var (a, b, c, d) = (day.Receipts[0], day.Receipts[1], day.Receipts[2], day.Receipts[3]);
        Assert.Equal((1, 1L), (a.Customers!.Value, a.Picture!.SnapshotId));
        Assert.Equal((0, 2L), (b.Customers!.Value, b.Picture!.SnapshotId)); // not the busier picture of the other till
        Assert.Equal([ReceiptFlags.NoCustomer], b.Flags);
        Assert.Null(c.Customers); // no camera watches till 3: unchecked, not flagged
        Assert.Equal((1, 1L), (d.Customers!.Value, d.Picture!.SnapshotId)); // no till named: every till camera, as before
        // A camera not told its till shows every till's customers.
        Assert.Equal(1, TillTrace.Check([Receipt("B", 0) with { Till = "2" }], [Frame(1, 20, 1, "T1")], Options, Later).Receipts[0].Customers);

        // Customers at till 2 for three minutes while till 1 rings a receipt: till 2 rang nothing for them.
        var visit = Enumerable.Range(0, 7).Select(i => Frame(10 + i, 30 * i, 1, "T2") with { Till = "2" }).ToList();
        Assert.Single(TillTrace.Check([Receipt("A", 100) with { Till = "1" }], visit, Options, Later).Unrung);
        Assert.Empty(TillTrace.Check([Receipt("A", 100) with { Till = "2" }], visit, Options, Later).Unrung);
        Assert.Empty(TillTrace.Check([Receipt("A", 100)], visit, Options, Later).Unrung);
    }

    [Fact]
    public void A_refund_is_held_against_its_sale_nobody_at_the_sale_more_than_paid_and_past_the_return_period_each_flag_it()
    {
        // Sale S1 with a customer at the till, S2 with nobody; refunds rung with a customer there unless said.
        var frames = new[] { Frame(1, 0, 1), Frame(2, 600, 0), Frame(3, 1200, 1), Frame(4, 1800, 1), Frame(5, 2400, 0) };
        var receipts = new[]
        {
            Receipt("S1", 0), Receipt("S2", 600),
            Refund("R1", 1200, "S1", 6m),   // part of S1 back: nothing wrong
            Refund("R2", 1800, "S1", 6m),   // 12 of S1's 10 given back by now
            Refund("R3", 2400, "S2", 10m),  // a sale nobody was at, refunded with nobody there
            Refund("R4", 1200, "NEVER", 5m), // a sale the POS never sent: nothing to hold it against
        };
        var day = TillTrace.Check(receipts, frames, Options, Later);
        var by = day.Receipts.ToDictionary(r => r.Receipt.Number);

        Assert.Empty(by["R1"].Flags);
        Assert.Equal((1, "S1"), (by["R1"].OriginalCustomers!.Value, by["R1"].Original!.Number));
        Assert.Equal([ReceiptFlags.OverRefund], by["R2"].Flags);
        Assert.Equal([ReceiptFlags.NoCustomer, ReceiptFlags.UnseenSale], by["R3"].Flags);
        Assert.Equal(((TillReceipt?)null, (string[])[]), (by["R4"].Original, by["R4"].Flags.ToArray()));
        Assert.Equal((12m, 10m), (by["S1"].Refunded, by["S2"].Refunded));
        Assert.Equal([ReceiptFlags.NoCustomer], by["S2"].Flags); // the sale itself was already 有单无人

        // The day's figures: sales only, refunds apart, the amount taken less what was given back.
        var figures = day.Figures;
        Assert.Equal((2, 20m - 27m, 4, 27m, 2, 2), (figures.Receipts, figures.Amount, figures.Refunds, figures.RefundAmount, figures.RefundFindings, figures.NoCustomer));
        // A refund does not count toward a member card's receipts.
        var card = TillTrace.Check([.. Enumerable.Range(0, 3).Select(i => Receipt($"C{i}", i * 60, "M1")), Refund("CR", 300, "C0", 10m) with { MemberCard = "M1" }],
            [], Options, Later);
        Assert.Equal(0, card.Flagged(ReceiptFlags.CardReused));
    }

    private static TillReceipt Voided(TillReceipt sale, double seconds, string? by = null) =>
        sale with { VoidedLocal = T0.AddHours(8).AddSeconds(seconds), VoidedUtc = T0.AddSeconds(seconds), VoidedBy = by };

    [Fact]
    public void A_sale_voided_once_nobody_was_at_the_till_or_long_after_is_flagged_and_a_voided_sale_takes_nothing()
    {
        var staff = new Dictionary<string, StaffCard> { ["M-STAFF"] = new("M-STAFF", "王丽", "S0001") };
        var frames = new[] { Frame(1, 10, 1), Frame(2, 60, 1), Frame(3, 410, 1), Frame(4, 500, 0), Frame(5, 810, 2), Frame(6, 1000, 1) };
        var receipts = new[]
        {
            Voided(Receipt("A", 0), 60),                           // the customer changed their mind at the till
            Voided(Receipt("B", 400), 530, by: "小王"),             // voided once the customer had gone, by another key
            Voided(Receipt("C", 800, "M-STAFF"), 800 + 15 * 60),   // voided a quarter of an hour on, no picture then
            Receipt("D", 1000),
            Refund("RB", 560, "B", 10m),                           // money back on a sale that took none
        };
        var day = TillTrace.Check(receipts, frames, Options, Later, staffCards: staff);
        var by = day.Receipts.ToDictionary(r => r.Receipt.Number);

        Assert.Empty(by["A"].Flags);
        Assert.Equal(2L, by["A"].VoidPicture!.SnapshotId);
        Assert.Equal([ReceiptFlags.VoidUnattended], by["B"].Flags);
        Assert.Equal(4L, by["B"].VoidPicture!.SnapshotId);
        Assert.Equal([ReceiptFlags.LateVoid], by["C"].Flags); // a voided sale earned the staff card nothing
        Assert.Null(by["C"].VoidPicture);
        Assert.Contains(ReceiptFlags.OverRefund, by["RB"].Flags);

        var figures = day.Figures;
        Assert.Equal((1, 10m - 10m, 3, 30m, 2, 0), (figures.Receipts, figures.Amount, figures.Voids, figures.VoidAmount, figures.VoidFindings, figures.StaffCard));
        // The void is the voider's, the rest of the receipt its cashier's.
        var cashiers = day.Cashiers.ToDictionary(c => c.Cashier);
        Assert.Equal((1, 2, 1, 1), (cashiers["店长"].Sales, cashiers["店长"].Voids, cashiers["店长"].VoidFindings, cashiers["店长"].RefundFindings));
        Assert.Equal((0, 1, 1, 1), (cashiers["小王"].Sales, cashiers["小王"].Voids, cashiers["小王"].VoidFindings, cashiers["小王"].Findings));
    }

    [Fact]
    public void A_refund_of_another_stores_sale_is_held_against_that_sale_and_that_stores_till_not_a_sale_of_the_same_number_here()
    {
        // Store B refunds sale "7" of store A, rung at A with nobody at A's till; B has a sale "7" of its own, with a customer.
        var atA = Receipt("7", -3_600) with { StoreCode = "A" };
        var ownSeven = Receipt("7", -1_800) with { StoreCode = "B" };
        var refund = Refund("R", 0, "7", 10m) with { StoreCode = "B", RefundStore = "A" };
        var frames = new[] { Frame(1, -3_590, 0) with { StoreCode = "A" }, Frame(2, -1_790, 2) with { StoreCode = "B" }, Frame(3, 10, 1) with { StoreCode = "B" } };
        var day = TillTrace.Check([ownSeven, refund], frames, Options, Later, linked: [atA]);
        var traced = day.Receipts[1];
        Assert.Equal(("A", 0), (traced.Original!.StoreCode, traced.OriginalCustomers!.Value));
        Assert.Equal([ReceiptFlags.UnseenSale], traced.Flags);
        Assert.Equal(0m, day.Receipts[0].Refunded); // B's own sale "7" is not what was refunded
        Assert.Equal(1, traced.Customers); // the refund itself: B's till, not A's empty picture
        // A's pictures make no visit of B's.
        Assert.Empty(day.Unrung);
    }

    [Fact]
    public void A_refund_of_a_sale_of_another_day_is_judged_by_the_pictures_of_that_sale_and_late_past_the_return_period()
    {
        var sale = Receipt("OLD", -8 * 86_400);
        var framesThen = new[] { Frame(1, -8 * 86_400 + 30, 0) };
        var refund = Refund("R", 0, "OLD", 10m);
        var day = TillTrace.Check([refund], [.. framesThen, Frame(2, 10, 1)], Options, Later, linked: [sale]);
        Assert.Equal([ReceiptFlags.UnseenSale, ReceiptFlags.LateRefund], day.Receipts[0].Flags);

        // Six days after: within the return period; no picture of the sale: nothing said about who was there.
        var recent = TillTrace.Check([refund], [Frame(2, 10, 1)], Options, Later, linked: [sale with { RungUtc = T0.AddDays(-6) }]);
        Assert.Empty(recent.Receipts[0].Flags);
        Assert.Null(recent.Receipts[0].OriginalCustomers);
    }
}
