using System.Globalization;
using System.Net.Http.Json;
using SmartStore.Models;

namespace SmartStore.Simulator;

/// <summary>
/// The demo chain's POS (收银追溯): a receipt is rung now and then while a customer stands at a flagship store's till —
/// the till camera's picture decides who stands there — and pushed at once, as a chain's POS integration would, through
/// <c>PUT /api/stores/{code}/sales</c> with an API key. Like a real till it misbehaves: every third pass of the sequence
/// the cashier rings nothing for the customers (有人无单), now and then a receipt is rung with nobody there (有单无人), and
/// the first flagship's cashier puts the store manager's own card on many receipts (一卡多单, 内部会员卡). Customers bring
/// things back (退单), some of them bought at another flagship, and at S0025 the cashier rings sales for nobody and refunds
/// them later, again with nobody there (虚报假账). Now and then a customer changes their mind at the till and the sale is
/// voided there and then; at S0010 the cashier voids a paid sale once its customer has gone (作废无人, 事后作废).
/// </summary>
public sealed class DemoPos(HttpClient http, string apiKey, SimulatorTally tally)
{
    // 快鱼's receipt in seed 001: T-shirts and hoodies at 39, trousers at 59 or 129, down jackets at 199 or 299.
    private static readonly (string Name, decimal Price)[] Catalogue =
        [("T恤", 39), ("卫衣", 39), ("休闲裤", 59), ("休闲裤", 129), ("羽绒衣", 199), ("羽绒衣", 299)];

    /// <summary>Receipts are rung in one of this many pictures with a customer at the till.</summary>
    private const double RingWhenSeen = 0.3;

    /// <summary>A receipt with nobody at the till, in this share of the pictures where nobody was near for a while.</summary>
    private const double RingForNobody = 0.01;

    /// <summary>Pictures either side that must be empty too before a receipt is rung for nobody (the trace looks 90 s around it).</summary>
    private const int QuietAround = 7;

    /// <summary>A customer at the till brings something back instead of buying, in this share of the rings.</summary>
    private const double ReturnWhenSeen = 0.1;

    /// <summary>This share of the returns is of something bought at another of the flagships (七天无理由退换 at any store).</summary>
    private const double ReturnElsewhere = 0.25;

    /// <summary>The store whose cashier makes up sales: rings them for nobody more often, and refunds them when nobody is near.</summary>
    private const string MadeUpSales = "S0025";

    private const double MadeUpSaleWhenQuiet = 0.05;
    private const double RefundMadeUpWhenQuiet = 0.2;

    /// <summary>A customer at the till changes their mind about what they just bought, in this share of the rings.</summary>
    private const double VoidWhenSeen = 0.05;

    /// <summary>The store whose cashier voids paid sales once their customers have gone, pocketing the cash.</summary>
    private const string PostVoids = "S0010";

    private const double PostVoidWhenQuiet = 0.01;

    /// <summary>A customer brings back something bought at least this long ago, not at the till they just bought it at.</summary>
    private static readonly TimeSpan ReturnAfter = TimeSpan.FromMinutes(10);

    private readonly Random _random = new(2002);
    private readonly Lock _books = new();
    /// <summary>Each store's sales rung with a customer there (what customers may bring back), and its made-up ones.</summary>
    private readonly Dictionary<string, (List<DemoSale> Seen, Queue<DemoSale> MadeUp)> _sales = [];

    private sealed record DemoLine(string Name, int Quantity, decimal UnitPrice, decimal Discount);

    /// <summary>A receipt as the demo POS pushes it; a voided sale is sent again with when and by whom.</summary>
    private sealed record DemoReceipt(string Number, string At, string Till, string Cashier, string? MemberCard, IReadOnlyList<DemoLine> Items,
        string? VoidedAt = null, string? VoidedBy = null);

    private sealed record DemoSale(DemoReceipt Receipt, DateTime RungAt)
    {
        public string Number => Receipt.Number;
        public IReadOnlyList<DemoLine> Items => Receipt.Items;
    }

    /// <summary>After the till camera's <paramref name="tick"/>-th picture: rings what the till rings then.</summary>
    public async Task AfterPicture(string tillCamera, int tick, SnapshotSource images, CancellationToken stop)
    {
        if (DemoTill.StoreOf(tillCamera) is not { } store) return;
        var atTill = images.TillFrame(tick).AtTill;
        // Every third pass the cashier rings nothing; each till starts at its own point of that round (S0001's first pass is
        // silent, S0018's second, S0010's third), so a demo shows a till that rang nothing from its first minutes on.
        var pass = tick / images.TillFrames + int.Parse(store[1..], CultureInfo.InvariantCulture) / 8;
        object? receipt;
        lock (_books)
        {
            receipt = atTill > 0
                ? pass % 3 != 0 && _random.NextDouble() < RingWhenSeen ? ForCustomer(store) : null
                : QuietFor(images, tick) ? ForNobody(store) : null;
        }
        if (receipt is not null) await Push(store, receipt, stop);
    }

    /// <summary>
    /// With a customer at the till: mostly a sale, now and then something bought earlier brought back — mostly bought here,
    /// sometimes at another flagship.
    /// </summary>
    private object ForCustomer(string store)
    {
        var boughtAt = _random.NextDouble() < ReturnElsewhere && _sales.Keys.Where(s => s != store).ToList() is { Count: > 0 } others
            ? others[_random.Next(others.Count)]
            : store;
        var (seen, _) = Books(boughtAt);
        // The customer still at the till changes their mind about the sale just rung: voided there and then.
        if (seen.Count > 0 && seen[^1].RungAt >= Now.AddMinutes(-1) && boughtAt == store && _random.NextDouble() < VoidWhenSeen)
            return Void(seen, seen[^1]);
        var returnable = seen.Where(s => s.RungAt <= Now - ReturnAfter).ToList();
        if (returnable.Count > 0 && _random.NextDouble() < ReturnWhenSeen)
        {
            var sale = returnable[_random.Next(returnable.Count)];
            seen.Remove(sale);
            return Refund(store, sale, sale.Items.Take(1).ToList(), boughtAt);
        }
        var rung = Sale(store);
        Books(store).Seen.Add(rung.Sale);
        return rung.Receipt;
    }

    /// <summary>With nobody near the till for a while: rarely a sale for nobody; at <see cref="MadeUpSales"/>, made-up sales and their refunds.</summary>
    private object? ForNobody(string store)
    {
        if (store == PostVoids && Books(store).Seen is { Count: > 0 } paid && _random.NextDouble() < PostVoidWhenQuiet) return Void(paid, paid[^1]);
        if (store != MadeUpSales) return _random.NextDouble() < RingForNobody ? Sale(store).Receipt : null;
        var (_, madeUp) = Books(store);
        if (madeUp.Count > 0 && madeUp.Peek().RungAt <= Now - ReturnAfter && _random.NextDouble() < RefundMadeUpWhenQuiet)
        {
            var sale = madeUp.Dequeue();
            return Refund(store, sale, sale.Items, store);
        }
        if (_random.NextDouble() >= MadeUpSaleWhenQuiet) return null;
        var rung = Sale(store);
        madeUp.Enqueue(rung.Sale);
        return rung.Receipt;
    }

    private (List<DemoSale> Seen, Queue<DemoSale> MadeUp) Books(string store)
    {
        if (!_sales.TryGetValue(store, out var books)) _sales[store] = books = ([], new Queue<DemoSale>());
        // A customer brings back something of the last hundred sales, not of every sale since the demo started.
        if (books.Seen.Count > 100) books.Seen.RemoveAt(0);
        return books;
    }

    private static bool QuietFor(SnapshotSource images, int tick) =>
        Enumerable.Range(tick - QuietAround, 2 * QuietAround + 1).All(t => images.TillFrame(Math.Max(0, t)).AtTill == 0);

    private static DateTime Now => DateTime.UtcNow.AddHours(8); // the demo chain is all Asia/Shanghai

    /// <summary>The sale sent again voided now, by the store's manager (whose key voids); it can no longer be brought back.</summary>
    private static DemoReceipt Void(List<DemoSale> seen, DemoSale sale)
    {
        seen.Remove(sale);
        return sale.Receipt with { VoidedAt = Now.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), VoidedBy = "店长" };
    }

    private (object Receipt, DemoSale Sale) Sale(string store)
    {
        var now = Now;
        var items = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Catalogue[_random.Next(Catalogue.Length)]).Select(item => new DemoLine(
            item.Name, 1 + (_random.NextDouble() < 0.2 ? 1 : 0), item.Price, item.Price < 100 && _random.NextDouble() < 0.4 ? 5.7m : 0m)).ToList();
        var receipt = new DemoReceipt($"{store}-{now:yyMMddHHmmss}{_random.Next(100):D2}", now.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            DemoTill.Name, Cashier(), MemberCard(store), items);
        return (receipt, new DemoSale(receipt, now));
    }

    /// <summary>A refund of <paramref name="lines"/> of a sale rung at <paramref name="boughtAt"/>: each line's money back as it was paid.</summary>
    private object Refund(string store, DemoSale sale, IReadOnlyList<DemoLine> lines, string boughtAt)
    {
        var now = Now;
        return new
        {
            number = $"{store}-R{now:yyMMddHHmmss}{_random.Next(100):D2}",
            refundOf = sale.Number,
            refundStore = boughtAt == store ? null : boughtAt,
            at = now.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            till = DemoTill.Name,
            cashier = Cashier(),
            items = lines,
        };
    }

    private string Cashier() => _random.NextDouble() < 0.7 ? "收银员" : "店长";

    private async Task Push(string store, object receipt, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/stores/{store}/sales") { Content = JsonContent.Create(new { receipts = new[] { receipt } }) };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request, stop);
        if (response.IsSuccessStatusCode) tally.Rung();
        else tally.Rejected(store, $"POS HTTP {(int)response.StatusCode}");
    }

    /// <summary>Half the customers show a member card; at the first flagship the cashier's own card goes on 40 % of the receipts.</summary>
    private string? MemberCard(string store)
    {
        if (store == DemoTill.StaffCardStore && _random.NextDouble() < 0.4) return DemoTill.StaffCard;
        return _random.NextDouble() < 0.5 ? $"M{_random.Next(10_000_000, 99_999_999)}" : null;
    }
}
