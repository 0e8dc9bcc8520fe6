using Microsoft.ML.OnnxRuntime;
using SkiaSharp;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;

namespace SmartStore.Vision.Faces;

/// <summary>
/// UltraFace (version-RFB): plain resize to the graph size, boxes come out as fractions of the input,
/// already decoded from priors. One instance per worker (not thread-safe).
/// </summary>
public sealed class FaceDetector : IDisposable
{
    private readonly FaceDetectorOptions options;
    private readonly InferenceSession session;
    private readonly InputTensor input;
    private readonly TensorWriter writer = new();
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly RunOptions runOptions = new();

    public FaceDetector(ModelStore store, FaceDetectorOptions? options = null)
    {
        this.options = options ??= new FaceDetectorOptions();
        session = store.OpenSession(options.Model, options.Threads);
        var meta = session.InputMetadata.First();
        inputNames = [meta.Key];
        outputNames = ["scores", "boxes"];
        var dims = meta.Value.Dimensions; // [1, 3, H, W]
        input = new InputTensor(dims[2], dims[3], TensorLayout.Nchw);
    }

    public IReadOnlyList<FaceBox> Detect(SKBitmap frame)
    {
        writer.Stretch(frame, new SKRectI(0, 0, frame.Width, frame.Height), input, PixelNormalization.UltraFaceRgb);
        using var outputs = session.Run(runOptions, inputNames, [input.Value], outputNames);
        var scores = outputs[0].GetTensorDataAsSpan<float>();
        var boxes = outputs[1].GetTensorDataAsSpan<float>();
        var found = new List<PersonBox>();
        for (int i = 0; i * 2 + 1 < scores.Length; i++)
        {
            var p = scores[i * 2 + 1];
            if (p <= options.ScoreThreshold) continue;
            var b = boxes.Slice(i * 4, 4);
            found.Add(new PersonBox(Math.Clamp(b[0], 0, 1) * frame.Width, Math.Clamp(b[1], 0, 1) * frame.Height,
                Math.Clamp(b[2], 0, 1) * frame.Width, Math.Clamp(b[3], 0, 1) * frame.Height, p));
        }
        BoxSuppression.Apply(found, options.NmsIou);
        return found.Select(b => new FaceBox(b.X1, b.Y1, b.X2, b.Y2, b.Score)).ToList();
    }

    public void Dispose()
    {
        session.Dispose();
        input.Dispose();
        writer.Dispose();
        runOptions.Dispose();
    }
}
