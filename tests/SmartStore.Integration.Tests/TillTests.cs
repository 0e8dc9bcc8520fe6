using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using SmartStore.Storage;
using SmartStore.Web.Analysis;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// 收银追溯 end to end: an in-store camera marked as watching the till uploads real pictures over FTP, the POS pushes
/// receipts one by one, and each receipt comes back beside what the till camera saw when it was rung.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TillTests(SmartStoreSystem system)
{
    private const string Store = "X0931";
    private const string Till = "CAM-X0931-T1";
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_receipt_rung_with_nobody_at_the_till_and_a_card_on_many_receipts_are_flagged_beside_the_till_picture()
    {
        using var admin = await system.SignedIn("admin");
        var first = await TillWithPictures(admin, Store, Till);

        // A: 20 s after the people; B: 30 s after the empty floor; C–F: later, on one member card, with no till picture near them.
        object Sale(string number, double seconds, string? card = null) => Receipt(first, number, seconds, card);
        var push = await admin.PutJson($"/api/stores/{Store}/sales", new
        {
            receipts = new[] { Sale("A", 20), Sale("B", 210), Sale("C", 360, "M8812"), Sale("D", 420, "M8812"), Sale("E", 480, "M8812"), Sale("F", 540, "M8812") },
        });
        Assert.Equal(HttpStatusCode.OK, push.StatusCode);
        // The POS sends B again with a correction: it replaces itself.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{Store}/sales", new { receipts = new[] { Sale("B", 215) } })).StatusCode);

        var day = first.ToString("yyyy-MM-dd");
        var traced = (await (await admin.GetAsync($"/api/stores/{Store}/till?date={day}")).Json())["receipts"]!.AsArray();
        var byNumber = traced.ToDictionary(r => r!["number"]!.GetValue<string>(), r => r!);
        Assert.Equal(6, byNumber.Count);
        Assert.Equal(111.3m, byNumber["A"]["total"]!.GetValue<decimal>()); // 33.3 + 2 × 39
        Assert.True(byNumber["A"]["customersSeen"]!.GetValue<int>() >= 1, byNumber["A"].ToJsonString());
        Assert.Empty(byNumber["A"]["flags"]!.AsArray());
        Assert.Equal(0, byNumber["B"]["customersSeen"]!.GetValue<int>());
        Assert.Equal(["no-customer"], Flags(byNumber["B"]));
        Assert.Equal(first.AddSeconds(215).ToString("yyyy-MM-ddTHH:mm:ss"), byNumber["B"]["at"]!.GetValue<string>());
        var emptyPicture = byNumber["B"]["picture"]!["snapshotId"]!.GetValue<long>();
        foreach (var n in new[] { "C", "D", "E", "F" })
        {
            Assert.Null(byNumber[n]["customersSeen"]);
            Assert.Equal(["card-reused"], Flags(byNumber[n]));
        }

        // By cashier: all six rung by 店长, five of them worth a look (B with nobody there, C–F on one card).
        var cashier = (await (await admin.GetAsync($"/api/stores/{Store}/till?date={day}")).Json())["cashiers"]!.AsArray().Single()!;
        Assert.Equal("店长", cashier["cashier"]!.GetValue<string>());

        // The receipts make the hourly receipts the traffic report's conversion reads, each counted once.
        var report = await (await admin.GetAsync($"/api/traffic/report?store={Store}&from={day}&to={day}&by=day")).Json();
        Assert.Equal(6, report["total"]!["receipts"]!.GetValue<int>());

        // The page lists the receipts worth a look with the till's picture; every receipt when asked.
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/till?store={Store}&date={day}"));
        Assert.Contains("data-receipt=\"B\" data-flags=\"no-customer\"", page);
        Assert.Contains($"/api/snapshots/{emptyPicture}/image", page);
        Assert.DoesNotContain("data-receipt=\"A\"", page);
        Assert.Contains("有单无人", page);
        Assert.Contains("data-receipt=\"A\"", WebUtility.HtmlDecode(await admin.GetStringAsync($"/till?store={Store}&date={day}&all=true")));
        Assert.Contains("data-cashier=\"店长\" data-findings=\"5\"", page);

        // Head office's overview reads the figures the keeper writes for every store with a till camera.
        await system.WebServices.GetRequiredService<TillDayKeeper>().Keep();
        var figures = await OverviewRow(admin, Store, day);
        Assert.Equal((6, 1, 4), (figures["receipts"]!.GetValue<int>(), figures["noCustomer"]!.GetValue<int>(), figures["cardReused"]!.GetValue<int>()));
        Assert.Contains($"data-store=\"{Store}\"", await admin.GetStringAsync($"/till?date={day}"));
        // … and the phone page's 需关注 lists today's store with findings.
        Assert.Contains($"<li data-store=\"{Store}\" data-what=\"till\">", await admin.GetStringAsync("/m"));
        // Nothing changed since: the next pass finds the days long over up to date (today, and yesterday for its first hour,
        // are traced again each pass).
        var today = DateOnly.FromDateTime(first);
        var stale = await system.WebServices.GetRequiredService<TillDays>().Stale(today.AddDays(-3));
        Assert.Contains(stale, d => d.StoreCode == Store && d.Day == today);
        Assert.DoesNotContain(stale, d => d.StoreCode == Store && d.Day <= today.AddDays(-2));
    }

    [Fact]
    public async Task A_refund_of_a_sale_nobody_was_at_more_refunded_than_paid_and_a_late_refund_are_flagged_and_refunds_are_not_sales()
    {
        const string store = "X0934", till = "CAM-X0934-T1";
        using var admin = await system.SignedIn("admin");
        var first = await TillWithPictures(admin, store, till);

        // A with the people at the till, B at the empty floor; OLD nine days before (no picture then).
        var sales = new[] { Receipt(first, "A", 20), Receipt(first, "B", 190), Receipt(first, "OLD", -9 * 86_400) };
        object Refund(string number, double seconds, string sale, decimal amount) => new
        {
            number, refundOf = sale, at = first.AddSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), cashier = "店长",
            items = new object[] { new { name = "羽绒衣", quantity = 1, unitPrice = amount } },
        };
        // RA: more than A's 111.30 back; RB: B refunded with nobody at the till; RO: OLD nine days on; RX: a sale never sent.
        var refunds = new[] { Refund("RA", 30, "A", 199), Refund("RB", 200, "B", 111.3m), Refund("RO", 40, "OLD", 39), Refund("RX", 50, "NEVER-SENT", 59) };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{store}/sales", new { receipts = sales.Concat(refunds) })).StatusCode);
        var itself = await admin.PutJson($"/api/stores/{store}/sales", new { receipts = new[] { Refund("RZ", 60, "RZ", 10) } });
        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        Assert.Contains("refundOf names the receipt itself", await itself.Content.ReadAsStringAsync());
        var ofRefund = await admin.PutJson($"/api/stores/{store}/sales", new { receipts = new[] { Refund("RR", 70, "RA", 10) } });
        Assert.Equal(HttpStatusCode.BadRequest, ofRefund.StatusCode);
        Assert.Contains("'RA' is a refund itself", await ofRefund.Content.ReadAsStringAsync());

        var day = first.ToString("yyyy-MM-dd");
        var answer = await (await admin.GetAsync($"/api/stores/{store}/till?date={day}")).Json();
        var by = answer["receipts"]!.AsArray().ToDictionary(r => r!["number"]!.GetValue<string>(), r => r!);
        var totals = answer["totals"]!;
        Assert.Equal(["over-refund"], Flags(by["RA"]));
        Assert.Equal(["no-customer", "unseen-sale"], Flags(by["RB"]));
        Assert.Equal(0, by["RB"]["sale"]!["customersSeen"]!.GetValue<int>());
        Assert.Equal(["late-refund"], Flags(by["RO"]));
        Assert.Empty(Flags(by["RX"]));
        Assert.Null(by["RX"]["sale"]);
        Assert.Equal((199m, 111.3m), (by["A"]["refunded"]!.GetValue<decimal>(), by["B"]["refunded"]!.GetValue<decimal>()));
        Assert.Equal((2, 4, 2 * 111.3m - (199 + 111.3m + 39 + 59)),
            (totals["receipts"]!.GetValue<int>(), totals["refunds"]!.GetValue<int>(), totals["amount"]!.GetValue<decimal>()));

        // A refund is not a purchase: conversion's receipts count the two sales of the day only.
        var report = await (await admin.GetAsync($"/api/traffic/report?store={store}&from={day}&to={day}&by=day")).Json();
        Assert.Equal(2, report["total"]!["receipts"]!.GetValue<int>());

        // The page ties each refund to its sale; the overview counts the refunds worth a look.
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/till?store={store}&date={day}"));
        Assert.Contains("data-receipt=\"RB\" data-flags=\"no-customer unseen-sale\" class=\"refund\"", page);
        Assert.Contains("退无人单", page);
        Assert.Contains("退原单 B", page);
        await system.WebServices.GetRequiredService<TillDayKeeper>().Keep();
        var figures = await OverviewRow(admin, store, day);
        Assert.Equal((4, 3), (figures["refunds"]!.GetValue<int>(), figures["refundFindings"]!.GetValue<int>()));
        // Over 30 days: the store's findings so far (B and RB with nobody there, three refunds), and the chain's day by day.
        Assert.Equal(5, figures["recentFindings"]!.GetValue<int>());
        var overview = await (await admin.GetAsync($"/api/till?date={day}")).Json();
        Assert.True(overview["trend"]!.AsArray().Sum(d => d!["refundFindings"]!.GetValue<int>()) >= 3, overview["trend"]!.ToJsonString());
        var overviewPage = await admin.GetStringAsync($"/till?date={day}");
        Assert.Contains("id=\"till-trend-chart\"", overviewPage);
        Assert.Contains($"data-recent=\"5\"", overviewPage);

        // For the loss-prevention team: the store's findings of those days as a workbook, each refund with its findings.
        var export = await admin.GetAsync($"/api/till.xlsx?store={store}&from={day}&to={day}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var workbook = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "receipts").Cast<IDictionary<string, object?>>().ToList();
        var rb = rows.Single(r => r["单号 number"]?.ToString() == "RB");
        Assert.Equal(("有单无人、退无人单", "B", -111.3), (rb["异常 findings"]?.ToString(), rb["原单 refunds"]?.ToString(), Convert.ToDouble(rb["金额 total"])));
        Assert.Contains(rows, r => r["单号 number"]?.ToString() == "RA" && r["异常 findings"]?.ToString() == "超额退款");
        Assert.Contains("/snapshots/", rb["画面 picture"]?.ToString());
        var cashiers = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true, sheetName: "cashiers")
            .Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(("店长", 3), (cashiers["收银员 cashier"]?.ToString(), Convert.ToInt32(cashiers["可疑退单 refunds worth a look"])));
        var tooLong = await admin.GetAsync($"/api/till.xlsx?store={store}&from=2025-01-01&to=2025-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 31 days", await tooLong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_sale_voided_once_its_customer_had_gone_is_flagged_and_voided_sales_leave_the_days_sales()
    {
        const string store = "X0941", till = "CAM-X0941-T1";
        using var admin = await system.SignedIn("admin");
        var first = await TillWithPictures(admin, store, till);
        string At(double seconds) => first.AddSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

        // Three sales while the people stand at the till; the POS sends two of them again once voided: V1 after the customer
        // had gone (the empty floor's picture), by the shift leader's key; V2 while the customer still stood there.
        var sales = new[] { Receipt(first, "V1", 20), Receipt(first, "V2", 30), Receipt(first, "S", 40), Receipt(first, "Y", -86_400) };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{store}/sales", new { receipts = sales })).StatusCode);
        var day = first.ToString("yyyy-MM-dd");
        async Task<int> Conversion() =>
            (await (await admin.GetAsync($"/api/traffic/report?store={store}&from={day}&to={day}&by=day")).Json())["total"]!["receipts"]!.GetValue<int>();
        Assert.Equal(3, await Conversion());
        var voids = new[]
        {
            With(sales[0], ("voidedAt", At(200)), ("voidedBy", "值班长")),
            With(sales[1], ("voidedAt", At(60))),
        };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{store}/sales", new { receipts = voids })).StatusCode);
        Assert.Equal(1, await Conversion()); // a voided sale is not a purchase

        var answer = await (await admin.GetAsync($"/api/stores/{store}/till?date={day}")).Json();
        var by = answer["receipts"]!.AsArray().ToDictionary(r => r!["number"]!.GetValue<string>(), r => r!);
        Assert.Equal(["void-unattended"], Flags(by["V1"]));
        Assert.Equal(("值班长", 0), (by["V1"]["voided"]!["by"]!.GetValue<string>(), by["V1"]["voided"]!["picture"]!["customers"]!.GetValue<int>()));
        Assert.Empty(Flags(by["V2"]));
        Assert.True(by["V2"]["voided"]!["picture"]!["customers"]!.GetValue<int>() >= 1);
        Assert.Null(by["S"]["voided"]);
        Assert.Equal((1, 2, 1), (answer["totals"]!["receipts"]!.GetValue<int>(), answer["totals"]!["voids"]!.GetValue<int>(),
            answer["totals"]!["voidUnattended"]!.GetValue<int>()));
        Assert.Contains(answer["cashiers"]!.AsArray(), c => c!["cashier"]!.GetValue<string>() == "值班长" && c["voidFindings"]!.GetValue<int>() == 1);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/till?store={store}&date={day}"));
        Assert.Contains("data-receipt=\"V1\" data-flags=\"void-unattended\" class=\"voided\"", page);
        Assert.Contains("由 值班长 作废", page);
        Assert.Contains("作废无人", page);
        await system.WebServices.GetRequiredService<TillDayKeeper>().Keep();
        var figures = await OverviewRow(admin, store, day);
        Assert.Equal((2, 1), (figures["voids"]!.GetValue<int>(), figures["voidFindings"]!.GetValue<int>()));

        // Head office looks at V1 and records a breach on the page; a receipt that is no finding, a made-up verdict and a store
        // manager (whose own till it would be) are refused.
        var reviewed = await PageForms.PostForm(admin, $"/till?store={store}&date={day}", $"/till?store={store}&date={day}&handler=review",
            new() { ["subject"] = "receipt:V1", ["verdict"] = "confirmed", ["note"] = "收银员承认" });
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var notFinding = await admin.PutJson($"/api/stores/{store}/till/reviews", new { date = day, subject = "receipt:S", verdict = "cleared" });
        Assert.Equal(HttpStatusCode.BadRequest, notFinding.StatusCode);
        Assert.Contains("'receipt:S' is not a finding", await notFinding.Content.ReadAsStringAsync());
        var madeUp = await admin.PutJson($"/api/stores/{store}/till/reviews", new { date = day, subject = "receipt:V1", verdict = "maybe" });
        Assert.Contains("must be confirmed", await madeUp.Content.ReadAsStringAsync());
        using (var manager = await system.SignedIn("s0001"))
            Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutJson("/api/stores/S0001/till/reviews", new { subject = "receipt:1", verdict = "cleared" })).StatusCode);
        var reviewedDay = await (await admin.GetAsync($"/api/stores/{store}/till?date={day}")).Json();
        var v1Review = reviewedDay["receipts"]!.AsArray().Single(r => r!["number"]!.GetValue<string>() == "V1")!["review"]!;
        Assert.Equal(("confirmed", "收银员承认", "admin"), (v1Review["verdict"]!.GetValue<string>(), v1Review["note"]!.GetValue<string>(), v1Review["by"]!.GetValue<string>()));
        Assert.Equal(1, reviewedDay["totals"]!["confirmed"]!.GetValue<int>());
        var reviewedPage = WebUtility.HtmlDecode(await admin.GetStringAsync($"/till?store={store}&date={day}"));
        Assert.Contains("data-review=\"confirmed\"", reviewedPage);
        Assert.Contains("已核实：违规", reviewedPage);
        // Head office's overview: the store's day has its one finding confirmed, none left to review.
        var overviewRow = await OverviewRow(admin, store, day);
        Assert.Equal((1, 0, 1), (overviewRow["confirmed"]!.GetValue<int>(), overviewRow["toReview"]!.GetValue<int>(), overviewRow["recentConfirmed"]!.GetValue<int>()));
        // … and 随身看 no longer lists the store as needing attention for its till (on head office's today).
        Assert.DoesNotContain($"<li data-store=\"{store}\" data-what=\"till\">", await admin.GetStringAsync("/m"));

        // The workbook as the keeper traced the days: the day before (Y, rung with no picture near: nothing to flag) is in the
        // cashiers' sales though it had no finding.
        var export = await (await admin.GetAsync($"/api/till.xlsx?store={store}&from={first.AddDays(-1):yyyy-MM-dd}&to={day}")).Content.ReadAsByteArrayAsync();
        IList<IDictionary<string, object?>> Sheet(string name) =>
            MiniExcelLibs.MiniExcel.Query(new MemoryStream(export), useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
        var v1 = Sheet("receipts").Single(r => r["单号 number"]?.ToString() == "V1");
        Assert.Equal(("作废无人", "值班长"), (v1["异常 findings"]?.ToString(), v1["作废人 voided by"]?.ToString()));
        Assert.Equal("已核实：违规：收银员承认（admin）", v1["核实 review"]?.ToString());
        var cashiers = Sheet("cashiers").ToDictionary(c => c["收银员 cashier"]!.ToString()!);
        Assert.Equal((2, 1), (Convert.ToInt32(cashiers["店长"]["小票 sales"]), Convert.ToInt32(cashiers["值班长"]["可疑作废 voids worth a look"])));

        // Opened again: no verdict.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{store}/till/reviews", new { date = day, subject = "receipt:V1" })).StatusCode);
        Assert.Null((await (await admin.GetAsync($"/api/stores/{store}/till?date={day}")).Json())["receipts"]!.AsArray()
            .Single(r => r!["number"]!.GetValue<string>() == "V1")!["review"]);
    }

    [Fact]
    public async Task A_finding_is_handed_to_its_store_as_a_to_do_and_the_stores_answer_shows_beside_it()
    {
        const string store = "X0943", till = "CAM-X0943-T1";
        using var admin = await system.SignedIn("admin");
        var first = await TillWithPictures(admin, store, till);
        // Rung after the customers had gone: 有单无人.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{store}/sales", new { receipts = new[] { Receipt(first, "Q1", 210) } })).StatusCode);
        var day = first.AddSeconds(210).ToString("yyyy-MM-dd");
        var page = $"/till?store={store}&date={day}";
        Assert.Contains($"请说明 {first.AddSeconds(210):MM-dd} 的收银异常：小票 Q1（有单无人）。", WebUtility.HtmlDecode(await admin.GetStringAsync(page)));

        // Asked on the page: a to-do for the store, due by the default deadline; asked again while it is open: refused.
        var asked = await PageForms.PostForm(admin, page, $"{page}&handler=ask",
            new() { ["subject"] = "receipt:Q1", ["text"] = "请说明小票 Q1 为何无人在场。", ["due"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var again = await admin.PostJson($"/api/stores/{store}/till/questions", new { date = day, subject = "receipt:Q1", text = "再问一次" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("is still open", await again.Content.ReadAsStringAsync());
        var question = (await (await admin.GetAsync($"/api/stores/{store}/till?date={day}")).Json())["receipts"]!.AsArray()
            .Single(r => r!["number"]!.GetValue<string>() == "Q1")!["asked"]!;
        Assert.Equal(("open", "请说明小票 Q1 为何无人在场。"), (question["state"]!.GetValue<string>(), question["text"]!.GetValue<string>()));
        var todo = question["todo"]!.GetValue<long>();
        // Head office's overview counts the question as waiting on the store.
        await system.WebServices.GetRequiredService<TillDayKeeper>().Keep();
        var row = await OverviewRow(admin, store, day);
        Assert.Equal((1, 0), (row["recentAsked"]!.GetValue<int>(), row["recentAnswered"]!.GetValue<int>()));
        Assert.Contains($"href=\"/till?store={store}&date={day}&all=true\"", WebUtility.HtmlDecode(await admin.GetStringAsync($"/inspections?store={store}")));

        // The store answers in the to-do's note; the finding shows the answer, awaiting acceptance, and the store's endpoint hears it.
        await using var robot = new WebhookReceiver();
        var (hook, _) = await WebhookTests.Add(admin, new { name = "收银追溯答复", url = robot.Url, format = "text", storeCode = store, kinds = new[] { "todo-done" } });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJson($"/api/todos/{todo}/done", new { note = "顾客电话订货，稍后到店自提" })).StatusCode);
        var told = await Eventually.Get(() => Task.FromResult(robot.Requests.ToList()), r => r.Count >= 1, what: "the answer at the store's robot");
        Assert.Contains($"整改已完成，待验收：请说明小票 Q1 为何无人在场。 门店说明：顾客电话订货，稍后到店自提（待办 #{todo}）", told[0].Body);
        await WebhookTests.Remove(admin, hook);
        var answered = (await (await admin.GetAsync($"/api/stores/{store}/till?date={day}")).Json())["receipts"]!.AsArray()
            .Single(r => r!["number"]!.GetValue<string>() == "Q1")!["asked"]!;
        Assert.Equal(("review", "顾客电话订货，稍后到店自提"), (answered["state"]!.GetValue<string>(), answered["answer"]!.GetValue<string>()));
        var shown = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        Assert.Contains("data-asked=\"review\"", shown);
        Assert.Contains("门店答复：顾客电话订货，稍后到店自提", shown);
        row = await OverviewRow(admin, store, day);
        Assert.Equal((0, 1), (row["recentAsked"]!.GetValue<int>(), row["recentAnswered"]!.GetValue<int>()));
        // Reviewed in the light of the answer: nothing about it waits any more.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{store}/till/reviews",
            new { date = day, subject = "receipt:Q1", verdict = "cleared", note = "电话订货" })).StatusCode);
        row = await OverviewRow(admin, store, day);
        Assert.Equal((0, 0, 0), (row["toReview"]!.GetValue<int>(), row["recentAsked"]!.GetValue<int>(), row["recentAnswered"]!.GetValue<int>()));

        // Only about a finding, and only by those who raise to-dos for the store.
        var notFinding = await admin.PostJson($"/api/stores/{store}/till/questions", new { date = day, subject = "receipt:nothing", text = "？" });
        Assert.Contains("is not a finding", await notFinding.Content.ReadAsStringAsync());
        using (var analyst = await system.SignedIn("analyst"))
            Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostJson($"/api/stores/{store}/till/questions", new { date = day, subject = "receipt:Q1", text = "？" })).StatusCode);
        using (var east = await system.SignedIn("east"))
            Assert.Equal(HttpStatusCode.Forbidden, (await east.PostJson($"/api/stores/{store}/till/questions", new { date = day, subject = "receipt:Q1", text = "？" })).StatusCode);
    }

    [Fact]
    public async Task A_day_the_keeper_no_longer_traces_is_shown_as_traced_and_its_findings_pictures_outlive_retention()
    {
        const string store = "X0942", till = "CAM-X0942-T1";
        using var admin = await system.SignedIn("admin");
        var first = await TillWithPictures(admin, store, till);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{store}/sales", new { receipts = new[] { Receipt(first, "A", 20), Receipt(first, "B", 210) } })).StatusCode);
        await system.WebServices.GetRequiredService<TillDayKeeper>().Keep();

        // Twenty days on: the day, its receipts and its pictures as they would be then (moved back twenty days)…
        await using var connection = await system.Database.Database.Open();
        await connection.ExecuteAsync("""
            UPDATE pos_receipts SET rung_local = rung_local - interval '20 days', rung_utc = rung_utc - interval '20 days' WHERE store_code = @store;
            UPDATE till_days SET day = day - 20 WHERE store_code = @store;
            UPDATE till_evidence SET day = day - 20 WHERE store_code = @store;
            UPDATE snapshots SET received_at = received_at - interval '20 days', captured_at = captured_at - interval '20 days' WHERE camera_code = @till;
            """, new { store, till });
        // … and the retention sweep, at 15 days, lets the pictures go but the one that shows B rung with nobody there.
        var pictures = (await connection.QueryAsync<long>("SELECT id FROM snapshots WHERE camera_code = @till ORDER BY id", new { till })).ToList();
        var repository = new SnapshotRepository(system.Database.Database);
        var expired = (await repository.ExpiredBefore(DateTime.UtcNow.AddDays(-15), 10_000)).Select(e => e.Id).Where(pictures.Contains).ToList();
        Assert.Single(expired);
        await repository.Delete(expired);
        var evidence = pictures.Except(expired).Single();

        var day = first.AddSeconds(210).AddDays(-20).ToString("yyyy-MM-dd");
        var answer = await (await admin.GetAsync($"/api/stores/{store}/till?date={day}")).Json();
        Assert.NotNull(answer["tracedAt"]);
        var by = answer["receipts"]!.AsArray().ToDictionary(r => r!["number"]!.GetValue<string>(), r => r!);
        Assert.Equal(["no-customer"], Flags(by["B"]));
        Assert.Equal(evidence, by["B"]["picture"]!["snapshotId"]!.GetValue<long>());
        Assert.True(by["A"]["customersSeen"]!.GetValue<int>() >= 1); // who stood there is still said, the picture is gone
        Assert.Null(by["A"]["picture"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/snapshots/{evidence}/image")).StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/till?store={store}&date={day}&all=true"));
        Assert.Contains("id=\"till-as-traced\"", page);
        Assert.Contains("画面已过保留期", page);
        Assert.Contains($"/api/snapshots/{evidence}/image", page);
    }

    /// <summary>
    /// A store whose in-store camera watches its till and has sent two till pictures three minutes apart, both analysed:
    /// three people walking (PETS 2009, frame 1), then the empty floor below them. The first picture's store-local time.
    /// </summary>
    private async Task<DateTime> TillWithPictures(HttpClient admin, string store, string till)
    {
        var secret = await AllDayStores.WithCamera(admin, store, "收银测试店", "NORTH", till, "interior");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/cameras/{till}/till", new { watchesTill = true })).StatusCode);
        var people = await File.ReadAllBytesAsync(Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images", "000001.jpg"));
        // Receipts follow up to nine minutes after the first picture: all of it on the store's today.
        var first = await StoreDayWindow.Start(China, before: TimeSpan.FromMinutes(4), length: TimeSpan.FromMinutes(10));
        await FtpClients.UploadCaptures(system.FtpPort, till, secret, first, TimeSpan.FromMinutes(3), people, EmptyFloor(people));
        await using var connection = await system.Database.Database.Open();
        await Eventually.Get(() => connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM snapshots WHERE camera_code = @till AND status = 'analysed'", new { till }),
            n => n == 2, within: TimeSpan.FromSeconds(90), what: "both till pictures analysed");
        return first;
    }

    /// <summary>A sale of a T-shirt and two hoodies (111.30) rung <paramref name="seconds"/> after <paramref name="first"/>.</summary>
    private static object Receipt(DateTime first, string number, double seconds, string? card = null) => new
    {
        number, at = first.AddSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), cashier = "店长", memberCard = card,
        items = new object[] { new { name = "T恤", quantity = 1, unitPrice = 39, discount = 5.7, amount = 33.3 }, new { name = "卫衣", quantity = 2, unitPrice = 39 } },
    };

    /// <summary>The store's row of head office's overview of a day.</summary>
    private static async Task<JsonNode> OverviewRow(HttpClient admin, string store, string day) =>
        (await (await admin.GetAsync($"/api/till?date={day}")).Json())["stores"]!.AsArray().Single(s => s!["store"]!.GetValue<string>() == store)!;

    private static List<string> Flags(JsonNode receipt) => receipt["flags"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();

    /// <summary>The floor below the walkers of PETS frame 1 (rows 330 on, where nobody is), enlarged to a camera's frame.</summary>
    private static byte[] EmptyFloor(byte[] frame)
    {
        using var source = SKBitmap.Decode(frame);
        using var floor = new SKBitmap();
        Assert.True(source.ExtractSubset(floor, SKRectI.Create(0, 330, 384, source.Height - 330)));
        using var enlarged = floor.Resize(new SKImageInfo(768, 2 * (source.Height - 330)), new SKSamplingOptions(SKFilterMode.Linear));
        using var data = enlarged.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    [Theory]
    [InlineData("{}", "receipts is required")]
    [InlineData("""{"receipts":[{"number":"1","at":"2025-08-04T10:00:00","items":[{"name":"T恤","quantity":1,"unitPrice":39}]},{"number":"1","at":"2025-08-04T10:01:00","items":[{"name":"T恤","quantity":1,"unitPrice":39}]}]}""", "is given twice")]
    [InlineData("""{"receipts":[{"number":"1","at":"2025-08-04 10:00","items":[{"name":"T恤","quantity":1,"unitPrice":39}]}]}""", "must be the store-local time")]
    [InlineData("""{"receipts":[{"number":"1","at":"2025-08-04T10:00:00","items":[]}]}""", "a receipt sells something")]
    [InlineData("""{"receipts":[{"number":"1","at":"2025-08-04T10:00:00","total":50,"items":[{"name":"T恤","quantity":1,"unitPrice":39}]}]}""", "is not the sum of its items")]
    [InlineData("""{"receipts":[{"number":"1","at":"2025-08-04T10:00:00","items":[{"name":"T恤","quantity":0,"unitPrice":39}]}]}""", "quantity must be more than 0")]
    [InlineData("""{"receipts":[{"number":"1","at":"2025-08-04T10:00:00","items":[{"name":"T恤","quantity":1,"unitPrice":39,"discount":50}]}]}""", "amount must be 0 or more")]
    [InlineData("""{"receipts":[{"number":"1","at":"2025-08-04T10:00:00","voidedAt":"2025-08-04T09:59:00","items":[{"name":"T恤","quantity":1,"unitPrice":39}]}]}""", "is before the sale was rung")]
    [InlineData("""{"receipts":[{"number":"2","refundOf":"1","at":"2025-08-04T10:00:00","voidedAt":"2025-08-04T10:05:00","items":[{"name":"T恤","quantity":1,"unitPrice":39}]}]}""", "a refund is not voided")]
    [InlineData("""{"receipts":[{"number":"1","at":"2025-08-04T10:00:00","items":[{"name":"T恤","quantity":1,"unitPrice":39}]},{"number":"2","refundOf":"1","at":"2025-08-04T10:05:00","items":[{"name":"T恤","quantity":1,"unitPrice":39}]},{"number":"3","refundOf":"2","at":"2025-08-04T10:06:00","items":[{"name":"T恤","quantity":1,"unitPrice":39}]}]}""", "receipts[2].refundOf '2' is a refund itself")]
    [InlineData("""{"receipts":[{"number":"1","at":"2025-08-04T10:00:00","voidedBy":"小王","items":[{"name":"T恤","quantity":1,"unitPrice":39}]}]}""", "give voidedAt too")]
    public async Task A_push_with_a_bad_receipt_is_refused_whole_with_the_reason_and_writes_nothing(string body, string reason)
    {
        using var admin = await system.SignedIn("admin");
        const string store = "X0932";
        if ((await admin.GetAsync($"/api/stores/{store}")).StatusCode == HttpStatusCode.NotFound)
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", new
            {
                code = store, name = "小票校验店", regionCode = "NORTH", city = "北京", latitude = 39.9, longitude = 116.4, openingHours = AllDayStores.Hours,
            })).StatusCode);
        var answer = await admin.PutAsync($"/api/stores/{store}/sales", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(reason, await answer.Content.ReadAsStringAsync());
        var day = await (await admin.GetAsync($"/api/stores/{store}/till?date=2025-08-04")).Json();
        Assert.Equal(0, day["totals"]!["receipts"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_receipt_naming_its_till_is_held_against_the_camera_of_that_till_only()
    {
        using var admin = await system.SignedIn("admin");
        const string store = "X0935", camera = "CAM-X0935-T2";
        var first = await TillWithPictures(admin, store, camera);
        var tooLong = await admin.PutJson($"/api/cameras/{camera}/till", new { watchesTill = true, till = new string('9', 21) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 20 characters", await tooLong.Content.ReadAsStringAsync());
        var told = await (await admin.PutJson($"/api/cameras/{camera}/till", new { watchesTill = true, till = " 2 " })).Json();
        Assert.Equal("2", told["till"]!.GetValue<string>());
        Assert.Equal("2", (await (await admin.GetAsync($"/api/cameras/{camera}")).Json())["camera"]!["till"]!.GetValue<string>());

        // The camera watches till 2: A and C rung there are held against it; B, rung at till 1 beside the people, has no
        // camera of its own and is left unchecked rather than credited with till 2's customers.
        object At(string till, string number, double seconds) => With(Receipt(first, number, seconds), ("till", till));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{store}/sales", new
        {
            receipts = new[] { At("2", "A", 20), At("1", "B", 25), At("2", "C", 215) },
        })).StatusCode);
        var day = first.ToString("yyyy-MM-dd");
        var traced = (await (await admin.GetAsync($"/api/stores/{store}/till?date={day}")).Json())["receipts"]!.AsArray()
            .ToDictionary(r => r!["number"]!.GetValue<string>(), r => r!);
        Assert.True(traced["A"]["customersSeen"]!.GetValue<int>() >= 1, traced["A"].ToJsonString());
        Assert.Equal(("2", "2"), (traced["A"]["till"]!.GetValue<string>(), traced["A"]["picture"]!["till"]!.GetValue<string>()));
        Assert.Null(traced["B"]["customersSeen"]);
        Assert.Empty(traced["B"]["flags"]!.AsArray());
        Assert.Equal(["no-customer"], Flags(traced["C"]));
        Assert.Contains("收银台 2", WebUtility.HtmlDecode(await admin.GetStringAsync($"/till?store={store}&date={day}&all=true")));

        // No longer watching a till, the camera forgets which.
        await admin.PutJson($"/api/cameras/{camera}/till", new { watchesTill = false, till = "2" });
        Assert.Null((await (await admin.GetAsync($"/api/cameras/{camera}")).Json())["camera"]!["till"]);
    }

    [Fact]
    public async Task A_refund_rung_at_another_store_is_held_against_the_sale_and_the_till_of_the_store_it_was_sold_at()
    {
        const string soldAt = "X0936", till = "CAM-X0936-T1", returnedAt = "X0937";
        using var admin = await system.SignedIn("admin");
        var first = await TillWithPictures(admin, soldAt, till);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", new
        {
            code = returnedAt, name = "退货门店", regionCode = "NORTH", city = "北京", latitude = 39.9, longitude = 116.4, openingHours = AllDayStores.Hours,
        })).StatusCode);
        // Sold at X0936: "7" with nobody at the till (the empty floor), "8" with the people there.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{soldAt}/sales", new { receipts = new[] { Receipt(first, "7", 190), Receipt(first, "8", 20) } })).StatusCode);
        object Return(string number, string sale, string? store) => new
        {
            number, refundOf = sale, refundStore = store, at = first.AddSeconds(250).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            items = new object[] { new { name = "T恤", quantity = 1, unitPrice = 39 } },
        };
        var unknown = await admin.PutJson($"/api/stores/{returnedAt}/sales", new { receipts = new[] { Return("9", "7", "NOPE-9") } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("refundStore 'NOPE-9' is not a store of the chain", await unknown.Content.ReadAsStringAsync());
        var noSale = await admin.PutJson($"/api/stores/{returnedAt}/sales", new { receipts = new[] { new { number = "9", refundStore = soldAt, at = "2025-08-04T10:00:00", items = new[] { new { name = "T恤", quantity = 1, unitPrice = 39 } } } } });
        Assert.Contains("give refundOf too", await noSale.Content.ReadAsStringAsync());
        // Returned at X0937: "7" (a number of its own, the same as the sale's) and "R8".
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{returnedAt}/sales", new { receipts = new[] { Return("7", "7", soldAt), Return("R8", "8", soldAt) } })).StatusCode);

        var day = first.ToString("yyyy-MM-dd");
        var returned = (await (await admin.GetAsync($"/api/stores/{returnedAt}/till?date={day}")).Json())["receipts"]!.AsArray()
            .ToDictionary(r => r!["number"]!.GetValue<string>(), r => r!);
        Assert.Equal(["unseen-sale"], Flags(returned["7"]));
        Assert.Equal((soldAt, soldAt, 0), (returned["7"]["refundStore"]!.GetValue<string>(), returned["7"]["sale"]!["store"]!.GetValue<string>(),
            returned["7"]["sale"]!["customersSeen"]!.GetValue<int>()));
        Assert.Empty(Flags(returned["R8"]));
        Assert.True(returned["R8"]["sale"]!["customersSeen"]!.GetValue<int>() >= 1, returned["R8"].ToJsonString());
        // The sales say what was given back for them at the other store.
        var sold = (await (await admin.GetAsync($"/api/stores/{soldAt}/till?date={day}")).Json())["receipts"]!.AsArray()
            .ToDictionary(r => r!["number"]!.GetValue<string>(), r => r!);
        Assert.Equal((39m, 39m), (sold["7"]["refunded"]!.GetValue<decimal>(), sold["8"]["refunded"]!.GetValue<decimal>()));
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/till?store={returnedAt}&date={day}"));
        Assert.Contains($"原单门店 {soldAt}", page);

        // One card on two sales at each store that day: four across the chain, 一卡多单 at both though each saw two.
        foreach (var (store, numbers) in new[] { (soldAt, new[] { "C1", "C2" }), (returnedAt, new[] { "C3", "C4" }) })
            Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{store}/sales",
                new { receipts = numbers.Select((n, i) => Receipt(first, n, 200 + i, "M-DISTRICT")).ToArray() })).StatusCode);
        foreach (var store in new[] { soldAt, returnedAt })
        {
            var shared = (await (await admin.GetAsync($"/api/stores/{store}/till?date={first.AddSeconds(200):yyyy-MM-dd}")).Json())["receipts"]!.AsArray()
                .Where(r => r!["memberCard"]?.GetValue<string>() == "M-DISTRICT").ToList();
            Assert.Equal(2, shared.Count);
            Assert.All(shared, r => Assert.Contains("card-reused", Flags(r!)));
        }
        Assert.Contains($"href=\"/till?store={soldAt}&date={day}&all=true\"", page);
    }

    [Fact]
    public async Task A_sale_rung_on_a_registered_staff_card_is_flagged_and_a_card_is_one_persons_chain_wide()
    {
        const string store = "X0938", other = "X0939";
        using var admin = await system.SignedIn("admin");
        await AllDayStores.WithCamera(admin, store, "内部卡测试店", "NORTH", "CAM-X0938-T1", "interior");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson("/api/cameras/CAM-X0938-T1/till", new { watchesTill = true })).StatusCode);
        await AllDayStores.WithCamera(admin, other, "另一家店", "NORTH", "CAM-X0939-E1");
        var twice = await admin.PutJson($"/api/stores/{store}/staff-cards", new { cards = new[] { new { card = "M-STAFF-1", holder = "李雷" }, new { card = "M-STAFF-1", holder = "李雷" } } });
        Assert.Contains("is given twice", await twice.Content.ReadAsStringAsync());
        var kept = await (await admin.PutJson($"/api/stores/{store}/staff-cards", new { cards = new[] { new { card = "M-STAFF-1", holder = "李雷" } } })).Json();
        Assert.Equal("李雷", kept["cards"]![0]!["holder"]!.GetValue<string>());
        var elsewhere = await admin.PutJson($"/api/stores/{other}/staff-cards", new { cards = new[] { new { card = "M-STAFF-1", holder = "韩梅梅" } } });
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains($"is 李雷's at store {store}", await elsewhere.Content.ReadAsStringAsync());

        // A sale on the card, and its refund (the refund gives back to the card: not a finding of its own).
        var at = await StoreDayWindow.Start(China, before: TimeSpan.FromMinutes(10), length: TimeSpan.FromMinutes(2));
        var sale = new { number = "1", at = at.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), memberCard = "M-STAFF-1",
            items = new[] { new { name = "卫衣", quantity = 1, unitPrice = 39 } } };
        var refund = new { number = "2", refundOf = "1", at = at.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            memberCard = "M-STAFF-1", items = new[] { new { name = "卫衣", quantity = 1, unitPrice = 39 } } };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/stores/{store}/sales", new { receipts = new object[] { sale, refund } })).StatusCode);
        var day = at.ToString("yyyy-MM-dd");
        var traced = (await (await admin.GetAsync($"/api/stores/{store}/till?date={day}")).Json())["receipts"]!.AsArray()
            .ToDictionary(r => r!["number"]!.GetValue<string>(), r => r!);
        Assert.Equal(["staff-card"], Flags(traced["1"]));
        Assert.Equal(("李雷", store), (traced["1"]["staffCard"]!["holder"]!.GetValue<string>(), traced["1"]["staffCard"]!["store"]!.GetValue<string>()));
        Assert.Empty(Flags(traced["2"]));
        Assert.Contains("李雷 的内部卡", WebUtility.HtmlDecode(await admin.GetStringAsync($"/till?store={store}&date={day}")));

        // Head office's figures count it; the card taken off the list (on the page), the day is traced again without it.
        var keeper = system.WebServices.GetRequiredService<TillDayKeeper>();
        async Task<int> StaffCardFigure()
        {
            await keeper.Keep();
            return (await OverviewRow(admin, store, day))["staffCard"]!.GetValue<int>();
        }
        Assert.Equal(1, await StaffCardFigure());
        var removed = await PageForms.PostForm(admin, $"/till?store={store}", $"/till?store={store}&handler=removeStaffCard", new() { ["card"] = "M-STAFF-1" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await StaffCardFigure());
        // Added again on the page, under another name: it is the other store's to take now.
        await PageForms.PostForm(admin, $"/till?store={other}", $"/till?store={other}&handler=staffCard", new() { ["card"] = "M-STAFF-1", ["holder"] = "韩梅梅" });
        Assert.Equal("韩梅梅", (await (await admin.GetAsync($"/api/stores/{other}/staff-cards")).Json())["cards"]![0]!["holder"]!.GetValue<string>());
        var refused = await PageForms.PostForm(admin, $"/till?store={store}", $"/till?store={store}&handler=staffCard", new() { ["card"] = "M-STAFF-1", ["holder"] = "李雷" });
        Assert.Contains("已登记为门店 X0939 的 韩梅梅 的内部卡", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    /// <summary>A receipt with fields the POS adds: the till it was rung at, when and by whom it was voided.</summary>
    private static JsonNode With(object receipt, params (string Name, string Value)[] fields)
    {
        var node = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(receipt))!;
        foreach (var (name, value) in fields) node[name] = value;
        return node;
    }

    [Fact]
    public async Task Only_an_in_store_camera_watches_a_till_and_sales_for_an_unknown_store_or_day_are_refused()
    {
        using var admin = await system.SignedIn("admin");
        await AllDayStores.WithCamera(admin, "X0933", "入口测试店", "NORTH", "CAM-X0933-E1");
        var entrance = await admin.PutJson("/api/cameras/CAM-X0933-E1/till", new { watchesTill = true });
        Assert.Equal(HttpStatusCode.BadRequest, entrance.StatusCode);
        Assert.Contains("only in-store cameras watch a till", await entrance.Content.ReadAsStringAsync());
        Assert.Contains("watchesTill is required", await (await admin.PutJson("/api/cameras/CAM-X0933-E1/till", new { })).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutJson("/api/stores/NOPE-1/sales", new { receipts = Array.Empty<object>() })).StatusCode);
        Assert.Contains("must be a day", await (await admin.GetAsync("/api/stores/X0933/till?date=05-12-2026")).Content.ReadAsStringAsync());
        // The store without a till camera: its page says so.
        Assert.Contains("id=\"till-no-camera\"", await admin.GetStringAsync("/till?store=X0933"));
    }
}
