using System.Globalization;
using SmartStore.Bench;
using SmartStore.Grains.Shelves;
using SmartStore.Models;
using SmartStore.Vision.Shelves;

namespace SmartStore.Bench.Display;

/// <summary>Counts of the display-accuracy run and their report.</summary>
internal sealed class Tally
{
    private int products, top1, top5, accepted, emptyTotal, emptyHit, emptyPredictedOnProducts;
    private readonly Dictionary<SlotOutcome, int> productOutcomes = new(), emptyOutcomes = new();
    private readonly Dictionary<string, (int N, int Top1, int Top5)> groups = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Truth, string Said), int> confusion = new();
    private readonly List<double> alignmentErrors = [];
    private readonly List<float> productEdges = [], emptyEdges = [], productSims = [], emptySims = [];
    private int unreliable;
    private readonly List<(bool Empty, bool NoMatch, float Edge)> emptyEvidence = [];
    // Confidence of Sku outcomes: (trusted at ≥ 0.2, correct) counts.
    private int trustedN, trustedRight, doubtfulN, doubtfulRight;

    public int Slots { get; private set; }

    // The store path: every shelf's readings merged into one store shelf snapshot, as StoreGrain keeps it.
    private readonly ShelfSnapshot storeShelf = new();
    private readonly List<PlannedSlot> plan = [];
    private static readonly DateTime Patrol = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    public void Observe(int shelf, ShelfReading reading)
    {
        foreach (var slot in reading.Slots.Where(x => x.Outcome != SlotOutcome.OutOfView))
        {
            plan.Add(new PlannedSlot(slot.SlotId, slot.PlannedSku));
            storeShelf.Apply(new SlotObservation(slot.SlotId, "BENCH-P1", 1, shelf, Patrol,
                slot.Outcome switch { SlotOutcome.Sku => SlotState.Sku, SlotOutcome.Empty => SlotState.Empty, _ => SlotState.Unknown },
                slot.Sku, reading.Alignment.Reliable ? slot.Confidence : 0));
        }
    }

    /// <summary>The figures of the whole benchmark store: every product slot holds its planned SKU, so the true compliance is 1.</summary>
    public ShelfFigures StoreShelf() => storeShelf.Figures(plan, _ => false, Patrol);
    public double Top1 => top1 / (double)Math.Max(1, products);
    public double Top5 => top5 / (double)Math.Max(1, products);
    public double Accepted => accepted / (double)Math.Max(1, products);
    public double EmptyRecall => emptyHit / (double)Math.Max(1, emptyTotal);
    public double EmptyPrecision => emptyHit + emptyPredictedOnProducts == 0 ? 0 : emptyHit / (double)(emptyHit + emptyPredictedOnProducts);
    public double AlignmentMedian => alignmentErrors.Count == 0 ? 0 : alignmentErrors.Order().ElementAt(alignmentErrors.Count / 2);
    public int AlignmentFailures => alignmentErrors.Count(e => e > 10);

    public void Alignment(double worstCornerError, bool reliable)
    {
        alignmentErrors.Add(worstCornerError);
        if (!reliable) unreliable++;
    }

    private readonly Dictionary<string, (int N, int Top1, int Top5)> kinds = new(StringComparer.Ordinal);

    /// <summary>Top-1 / top-5 of one kind of product (Packages, Fruit, Vegetables: grocery-store's top folders).</summary>
    public IEnumerable<(string Kind, double Top1, double Top5, int N)> Kinds =>
        kinds.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value.Top1 / (double)kv.Value.N, kv.Value.Top5 / (double)kv.Value.N, kv.Value.N));

    public void Add(string? truth, string group, SlotReading r, string kind = "")
    {
        Slots++;
        if (r.Outcome != SlotOutcome.OutOfView) emptyEvidence.Add((truth is null, r.Outcome is SlotOutcome.Unknown or SlotOutcome.Empty, r.EdgeEnergy));
        if (truth is null)
        {
            emptyTotal++;
            emptyOutcomes[r.Outcome] = emptyOutcomes.GetValueOrDefault(r.Outcome) + 1;
            if (r.Outcome == SlotOutcome.Empty) emptyHit++;
            emptyEdges.Add(r.EdgeEnergy); emptySims.Add(r.Similarity);
            return;
        }
        products++;
        productOutcomes[r.Outcome] = productOutcomes.GetValueOrDefault(r.Outcome) + 1;
        productEdges.Add(r.EdgeEnergy); productSims.Add(r.Similarity);
        if (r.Outcome == SlotOutcome.Empty) emptyPredictedOnProducts++;
        bool first = r.Ranked.Count > 0 && r.Ranked[0].Sku == truth, five = r.Ranked.Take(5).Any(m => m.Sku == truth);
        if (first) top1++;
        if (five) top5++;
        if (r.Outcome == SlotOutcome.Sku && r.Sku == truth) accepted++;
        if (r.Outcome == SlotOutcome.Sku)
        {
            if (r.Confidence >= 0.2f) { trustedN++; if (r.Sku == truth) trustedRight++; }
            else { doubtfulN++; if (r.Sku == truth) doubtfulRight++; }
        }
        if (!first && r.Ranked.Count > 0) confusion[(truth, r.Ranked[0].Sku)] = confusion.GetValueOrDefault((truth, r.Ranked[0].Sku)) + 1;
        var k = kinds.GetValueOrDefault(kind);
        kinds[kind] = (k.N + 1, k.Top1 + (first ? 1 : 0), k.Top5 + (five ? 1 : 0));
        var g = groups.GetValueOrDefault(group);
        groups[group] = (g.N + 1, g.Top1 + (first ? 1 : 0), g.Top5 + (five ? 1 : 0));
    }

    public void Report(ShelfGallery gallery, double syntheticRecall)
    {
        var inv = CultureInfo.InvariantCulture;
        Progress.Say($"grocery-store (slot path): {products} product slots, {emptyTotal} empty slots");
        foreach (var (kind, t1, t5, n) in Kinds)
            Progress.Say(string.Create(inv, $"  {kind,-12} {n,5} slots  top1 {t1:0.0000}  top5 {t5:0.0000}"));
        foreach (var (name, g) in groups.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            Progress.Say(string.Create(inv, $"  {name,-12} {g.N,5} slots  top1 {g.Top1 / (double)g.N:0.0000}  top5 {g.Top5 / (double)g.N:0.0000}"));
        Progress.Say("  product slots read as: " + string.Join(", ", productOutcomes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}")));
        Progress.Say("  empty slots read as:   " + string.Join(", ", emptyOutcomes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}")));
        Progress.Say(string.Create(inv, $"  Sku outcomes with confidence >= 0.2: {trustedN} ({trustedRight / (double)Math.Max(1, trustedN):0.000} right); below: {doubtfulN} ({doubtfulRight / (double)Math.Max(1, doubtfulN):0.000} right)"));
        Progress.Say(string.Create(inv, $"  edge energy p5/p50/p95: products {P(productEdges, .05):0.0}/{P(productEdges, .5):0.0}/{P(productEdges, .95):0.0}, empty windows {P(emptyEdges, .05):0.0}/{P(emptyEdges, .5):0.0}/{P(emptyEdges, .95):0.0}; rule: below {gallery.EmptyEdgeBelow:0.00}"));
        Progress.Say(string.Create(inv, $"  best similarity p5/p50/p95: products {P(productSims, .05):0.000}/{P(productSims, .5):0.000}/{P(productSims, .95):0.000}, empty windows {P(emptySims, .05):0.000}/{P(emptySims, .5):0.000}/{P(emptySims, .95):0.000}; unknown below {gallery.UnknownBelow:0.000}"));
        // Information only (the rule's threshold is fixed by the gallery, not chosen here): how precision and recall would
        // move with the edge threshold.
        foreach (var factor in new[] { 0.5f, 0.75f, 1f, 1.5f, 2f, 3f })
        {
            var t = gallery.EmptyEdgeBelow * factor;
            int hit = emptyEvidence.Count(x => x.Empty && x.NoMatch && x.Edge < t), said = emptyEvidence.Count(x => x.NoMatch && x.Edge < t), all = emptyEvidence.Count(x => x.Empty);
            Progress.Say(string.Create(inv, $"  edge threshold x{factor:0.00} ({t:0.0}): empty precision {hit / (double)Math.Max(1, said):0.000} recall {hit / (double)Math.Max(1, all):0.000}"));
        }
        Progress.Say(string.Create(inv, $"  empty recall on synthetic plain back panels: {syntheticRecall:0.000} (not a headline figure)"));
        Progress.Say(string.Create(inv, $"  alignment: worst slot-corner error median {AlignmentMedian:0.0} px, p95 {P(alignmentErrors.Select(e => (float)e).ToList(), .95):0.0} px, > 10 px on {AlignmentFailures}/{alignmentErrors.Count} shelves, flagged unreliable {unreliable}"));
        Progress.Say("  most confused (true -> ranked first, count):");
        foreach (var ((t, s), n) in confusion.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Truth, StringComparer.Ordinal).Take(12))
            Progress.Say($"    {t} -> {s}: {n}");
    }

    private static float P(List<float> values, double p) => values.Count == 0 ? 0 : values.Order().ElementAt((int)Math.Floor(p * (values.Count - 1)));
}
