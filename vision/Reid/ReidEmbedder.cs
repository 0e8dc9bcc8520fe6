using Microsoft.ML.OnnxRuntime;
using SkiaSharp;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;

namespace SmartStore.Vision.Reid;

/// <summary>
/// 256-d appearance embedding of a person crop (OMZ person-reidentification-retail-0287/0288), compared by
/// cosine. Used to recognise repeat entries and enrolled staff. One instance per worker (not thread-safe).
/// </summary>
public sealed class ReidEmbedder : IDisposable
{
    public const int Dimensions = 256;
    private readonly InferenceSession session;
    private readonly InputTensor input = new(256, 128, TensorLayout.Nhwc);
    private readonly TensorWriter writer = new();
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly RunOptions runOptions = new();

    public ReidEmbedder(ModelStore store, ReidOptions? options = null)
    {
        options ??= new ReidOptions();
        session = store.OpenSession(options.Model, options.Threads);
        inputNames = [session.InputMetadata.Keys.First()];
        outputNames = [session.OutputMetadata.Keys.First()];
    }

    public float[] Embed(SKBitmap frame, PersonBox person)
    {
        var vector = new float[Dimensions];
        Embed(frame, person, vector);
        return vector;
    }

    /// <summary>Writes the L2-normalised embedding of the person's box (clipped to the frame) into `into`.</summary>
    public void Embed(SKBitmap frame, PersonBox person, Span<float> into)
    {
        var crop = SKRectI.Round(new SKRect(person.X1, person.Y1, person.X2, person.Y2));
        crop.Intersect(new SKRectI(0, 0, frame.Width, frame.Height));
        if (crop.Width < 2 || crop.Height < 2) throw new ArgumentException("Person box lies outside the frame or is too small.", nameof(person));
        writer.Stretch(frame, crop, input, PixelNormalization.RawBgr);
        using var outputs = session.Run(runOptions, inputNames, [input.Value], outputNames);
        outputs[0].GetTensorDataAsSpan<float>()[..Dimensions].CopyTo(into);
        Embedding.Normalize(into[..Dimensions]);
    }

    public void Dispose()
    {
        session.Dispose();
        input.Dispose();
        writer.Dispose();
        runOptions.Dispose();
    }
}
