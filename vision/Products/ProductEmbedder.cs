using Microsoft.ML.OnnxRuntime;
using SkiaSharp;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;

namespace SmartStore.Vision.Products;

/// <summary>
/// 1280-d appearance embedding of a product crop from MobileNetV2's pooled `features` output (the penultimate
/// layer separates SKUs better than the ImageNet logits). One instance per worker (not thread-safe).
/// </summary>
public sealed class ProductEmbedder : IDisposable
{
    public const int Dimensions = 1280;
    private const int Side = 224;
    private readonly InferenceSession session;
    private readonly InputTensor input = new(Side, Side, TensorLayout.Nchw);
    private readonly TensorWriter writer = new();
    private readonly string[] inputNames;
    private readonly string[] outputNames = ["features"];
    private readonly RunOptions runOptions = new();
    private readonly float[] view = new float[Dimensions];

    public ProductEmbedder(ModelStore store, InferenceThreads? threads = null)
    {
        session = store.OpenSession(ModelCatalogue.MobileNetV2Features, threads ?? new InferenceThreads(2, 1));
        inputNames = [session.InputMetadata.Keys.First()];
    }

    public float[] Embed(SKBitmap image, SKRectI? crop = null, ProductViews views = ProductViews.Default)
    {
        var result = new float[Dimensions];
        Embed(image, crop ?? new SKRectI(0, 0, image.Width, image.Height), views, result);
        return result;
    }

    /// <summary>Averages the requested views' normalised embeddings and normalises the mean.</summary>
    public void Embed(SKBitmap image, SKRectI crop, ProductViews views, Span<float> into)
    {
        crop.Intersect(new SKRectI(0, 0, image.Width, image.Height));
        if (crop.Width < 2 || crop.Height < 2) throw new ArgumentException("Crop lies outside the image.", nameof(crop));
        into[..Dimensions].Clear();
        var mirrored = views.HasFlag(ProductViews.Mirrored);
        if (views.HasFlag(ProductViews.CentreCrop) || views == 0)
        {
            // The classifier's own recipe: shorter side to 256, centre 224 — i.e. the central 224/256 of the shorter side.
            var side = (int)(Math.Min(crop.Width, crop.Height) * Side / 256f);
            var centre = SKRectI.Create(crop.Left + (crop.Width - side) / 2, crop.Top + (crop.Height - side) / 2, side, side);
            writer.Stretch(image, centre, input, PixelNormalization.ImageNetRgb);
            Accumulate(into, mirrored);
        }
        if (views.HasFlag(ProductViews.WholeCrop))
        {
            writer.Stretch(image, crop, input, PixelNormalization.ImageNetRgb);
            Accumulate(into, mirrored);
        }
        Embedding.Normalize(into[..Dimensions]);
    }

    /// <summary>
    /// Augmented reference views of one enrolment photo, each a separate gallery entry: the default averaged
    /// view, the centre and whole crop, each also averaged with its mirror image, and four 85% corner crops. Shelf crops are framed
    /// loosely and off-centre, so references framed the same ways match them better.
    /// </summary>
    public IReadOnlyList<float[]> EnrolmentViews(SKBitmap image)
    {
        var whole = new SKRectI(0, 0, image.Width, image.Height);
        var views = new List<float[]> { Embed(image, whole, ProductViews.Default) };
        foreach (var v in new[] { ProductViews.CentreCrop, ProductViews.WholeCrop })
        {
            views.Add(Embed(image, whole, v));
            views.Add(Embed(image, whole, v | ProductViews.Mirrored)); // the view averaged with its mirror image
        }
        int w = (int)(image.Width * 0.85), h = (int)(image.Height * 0.85);
        foreach (var (x, y) in new[] { (0, 0), (image.Width - w, 0), (0, image.Height - h), (image.Width - w, image.Height - h) })
            views.Add(Embed(image, SKRectI.Create(x, y, w, h), ProductViews.WholeCrop));
        return views;
    }

    private void Accumulate(Span<float> into, bool alsoMirrored)
    {
        RunInto(into);
        if (!alsoMirrored) return;
        MirrorInput();
        RunInto(into);
    }

    private void RunInto(Span<float> into)
    {
        using (var outputs = session.Run(runOptions, inputNames, [input.Value], outputNames))
            outputs[0].GetTensorDataAsSpan<float>()[..Dimensions].CopyTo(view);
        Embedding.Normalize(view);
        System.Numerics.Tensors.TensorPrimitives.Add(into[..Dimensions], view, into[..Dimensions]);
    }

    private void MirrorInput()
    {
        var data = input.Data;
        for (int c = 0; c < 3; c++)
        for (int y = 0; y < Side; y++)
            data.AsSpan(c * Side * Side + y * Side, Side).Reverse();
    }

    public void Dispose()
    {
        session.Dispose();
        input.Dispose();
        writer.Dispose();
        runOptions.Dispose();
    }
}
