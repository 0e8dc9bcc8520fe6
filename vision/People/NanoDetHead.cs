using Microsoft.ML.OnnxRuntime;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;

namespace SmartStore.Vision.People;

/// <summary>
/// NanoDet-m / NanoDet-Plus-m: per stride a class tensor [1,N,80] (sigmoid applied) and a distance tensor
/// [1,N,32] (4 sides x 8 bins, softmax expectation x stride). Tensors are paired by row count because the
/// two builds name and order their outputs differently.
/// </summary>
internal sealed class NanoDetHead(ModelSpec spec) : IDetectorHead
{
    private const int Classes = 80, Bins = 8;

    public ModelSpec Spec { get; } = spec;
    public PixelNormalization Normalization => PixelNormalization.MmdetBgr;
    public float PadValue => 0f;
    public int? FixedInputSize => 416;

    public void Decode(IReadOnlyList<OrtValue> outputs, IReadOnlyList<string> names, int inputSize, float scale, float offsetX, float offsetY, float minScore, List<PersonBox> into)
    {
        Span<float> prob = stackalloc float[Bins];
        foreach (var cls in outputs)
        {
            var shape = cls.GetTensorTypeAndShape().Shape;
            if (shape[^1] != Classes) continue;
            var rows = (int)shape[1];
            var dis = outputs.First(o => { var s = o.GetTensorTypeAndShape().Shape; return s[^1] == 4 * Bins && s[1] == rows; });
            var grid = (int)Math.Round(Math.Sqrt(rows));
            var stride = inputSize / grid;
            var c = cls.GetTensorDataAsSpan<float>();
            var d = dis.GetTensorDataAsSpan<float>();
            for (int i = 0; i < rows; i++)
            {
                var row = c.Slice(i * Classes, Classes);
                var person = row[0];
                if (person < minScore) continue;
                var best = true;
                for (int k = 1; k < Classes && best; k++) best = row[k] <= person;
                if (!best) continue;
                float cx = (i % grid) * stride + (stride - 1) / 2f, cy = (i / grid) * stride + (stride - 1) / 2f;
                var dist = d.Slice(i * 4 * Bins, 4 * Bins);
                float l = Expect(dist[..Bins], prob) * stride, t = Expect(dist.Slice(Bins, Bins), prob) * stride;
                float r = Expect(dist.Slice(2 * Bins, Bins), prob) * stride, b = Expect(dist.Slice(3 * Bins, Bins), prob) * stride;
                float x1 = Math.Clamp(cx - l, 0, inputSize), y1 = Math.Clamp(cy - t, 0, inputSize);
                float x2 = Math.Clamp(cx + r, 0, inputSize), y2 = Math.Clamp(cy + b, 0, inputSize);
                into.Add(new PersonBox(x1 / scale + offsetX, y1 / scale + offsetY, x2 / scale + offsetX, y2 / scale + offsetY, person));
            }
        }
    }

    private static float Expect(ReadOnlySpan<float> logits, Span<float> prob)
    {
        var max = float.MinValue;
        foreach (var v in logits) max = Math.Max(max, v);
        float sum = 0, expectation = 0;
        for (int k = 0; k < logits.Length; k++) { prob[k] = MathF.Exp(logits[k] - max); sum += prob[k]; }
        for (int k = 0; k < logits.Length; k++) expectation += k * prob[k];
        return expectation / sum;
    }
}
