using Microsoft.ML.OnnxRuntime;
using SkiaSharp;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;

namespace SmartStore.Vision.People;

/// <summary>
/// Finds people in a frame with the configured model. One instance per analysis worker: it owns one ONNX
/// session, one pinned input tensor and the resize scratch, so it is not thread-safe.
/// </summary>
public sealed class PersonDetector : IDisposable
{
    // Boxes within this many frame pixels of an inner tile edge are treated as cut by that edge.
    private const float EdgeMarginPx = 3f;
    private readonly IDetectorHead head;
    private readonly InferenceSession session;
    private readonly InputTensor input;
    private readonly TensorWriter writer = new();
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly List<PersonBox> scratch = new(256);
    private readonly List<SourcedBox> sourced = new(512);
    private readonly RunOptions runOptions = new();

    public PersonDetector(ModelStore store, PersonDetectorOptions options)
    {
        Options = options;
        head = DetectorHeads.For(options.Model);
        var size = head.FixedInputSize ?? options.InputSize;
        if (head.FixedInputSize is int fixedSize && options.InputSize != fixedSize)
            throw new ArgumentException($"{options.Model} takes only {fixedSize}x{fixedSize} input, not {options.InputSize}.", nameof(options));
        session = store.OpenSession(head.Spec, options.Threads);
        inputNames = [session.InputMetadata.Keys.First()];
        outputNames = [.. session.OutputMetadata.Keys];
        input = new InputTensor(size, size, TensorLayout.Nchw);
    }

    public PersonDetectorOptions Options { get; }

    /// <summary>People at or above the configured threshold.</summary>
    public IReadOnlyList<PersonBox> Detect(SKBitmap frame) => Detect(frame, Options.ScoreThreshold);

    /// <summary>People at or above minScore (benchmarks pass a low value to trace the precision/recall curve).</summary>
    public IReadOnlyList<PersonBox> Detect(SKBitmap frame, float minScore)
    {
        if (Options.Tiling is not { } tiling) return Pass(frame, new SKRectI(0, 0, frame.Width, frame.Height), minScore, []);
        return DetectTiled(frame, tiling, minScore);
    }

    /// <summary>One inference on a region; the returned boxes are in frame pixels and already suppressed.</summary>
    private List<PersonBox> Pass(SKBitmap frame, SKRectI region, float minScore, List<PersonBox> into)
    {
        var scale = writer.Letterbox(frame, region, input, head.Normalization, head.PadValue);
        using var outputs = session.Run(runOptions, inputNames, [input.Value], outputNames);
        scratch.Clear();
        head.Decode(outputs, outputNames, input.Width, scale, region.Left, region.Top, minScore, scratch);
        for (int i = 0; i < scratch.Count; i++)
        {
            var b = scratch[i];
            scratch[i] = b with
            {
                X1 = Math.Clamp(b.X1, region.Left, region.Right), Y1 = Math.Clamp(b.Y1, region.Top, region.Bottom),
                X2 = Math.Clamp(b.X2, region.Left, region.Right), Y2 = Math.Clamp(b.Y2, region.Top, region.Bottom),
            };
        }
        BoxSuppression.Apply(scratch, Options.NmsIou);
        into.AddRange(scratch);
        return into;
    }

    /// <summary>
    /// Tiles plus (optionally) the whole frame. Naive tiling double-counts a person cut by a tile edge, so a box
    /// touching an inner edge is dropped when another tile contains that box whole, and boxes from different
    /// passes are merged when one mostly covers the other.
    /// </summary>
    private List<PersonBox> DetectTiled(SKBitmap frame, TilingOptions tiling, float minScore)
    {
        sourced.Clear();
        var tiles = TileGrid.Layout(frame.Width, frame.Height, tiling);
        var perPass = new List<PersonBox>(128);
        for (int t = 0; t < tiles.Count; t++)
        {
            perPass.Clear();
            var tile = tiles[t];
            Pass(frame, tile, minScore, perPass);
            foreach (var b in perPass)
            {
                if (CutByInnerEdge(b, tile, frame) && SeenWholeElsewhere(b, tiles, t, frame)) continue;
                sourced.Add(new SourcedBox(b, t));
            }
        }
        if (tiling.IncludeWholeFrame)
        {
            perPass.Clear();
            Pass(frame, new SKRectI(0, 0, frame.Width, frame.Height), minScore, perPass);
            foreach (var b in perPass) sourced.Add(new SourcedBox(b, tiles.Count));
        }

        sourced.Sort((a, b) => b.Box.Score.CompareTo(a.Box.Score));
        var kept = new List<PersonBox>(sourced.Count);
        var keptSource = new List<int>(sourced.Count);
        foreach (var s in sourced)
        {
            var dup = false;
            for (int k = 0; k < kept.Count && !dup; k++)
                dup = kept[k].IoU(s.Box) > Options.NmsIou || (keptSource[k] != s.Source && kept[k].IoMin(s.Box) > 0.7f);
            if (dup) continue;
            kept.Add(s.Box);
            keptSource.Add(s.Source);
        }
        return kept;
    }

    private static bool CutByInnerEdge(in PersonBox b, SKRectI tile, SKBitmap frame) =>
        (tile.Left > 0 && b.X1 <= tile.Left + EdgeMarginPx) || (tile.Top > 0 && b.Y1 <= tile.Top + EdgeMarginPx) ||
        (tile.Right < frame.Width && b.X2 >= tile.Right - EdgeMarginPx) || (tile.Bottom < frame.Height && b.Y2 >= tile.Bottom - EdgeMarginPx);

    private static bool SeenWholeElsewhere(in PersonBox b, IReadOnlyList<SKRectI> tiles, int self, SKBitmap frame)
    {
        for (int i = 0; i < tiles.Count; i++)
        {
            if (i == self) continue;
            var t = tiles[i];
            var inside = b.X1 >= t.Left && b.Y1 >= t.Top && b.X2 <= t.Right && b.Y2 <= t.Bottom;
            if (inside && !CutByInnerEdge(b, t, frame)) return true;
        }
        return false;
    }

    public void Dispose()
    {
        session.Dispose();
        input.Dispose();
        writer.Dispose();
        runOptions.Dispose();
    }

    private readonly record struct SourcedBox(PersonBox Box, int Source);
}
