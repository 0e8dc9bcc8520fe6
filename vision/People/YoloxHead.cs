using Microsoft.ML.OnnxRuntime;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;

namespace SmartStore.Vision.People;

/// <summary>YOLOX-Nano: [1,3549,85] rows of (tx,ty,tw,th,objectness,80 class probs) over strides 8/16/32.</summary>
internal sealed class YoloxHead : IDetectorHead
{
    private static readonly int[] Strides = [8, 16, 32];

    public ModelSpec Spec => ModelCatalogue.YoloxNano;
    public PixelNormalization Normalization => PixelNormalization.RawBgr;
    public float PadValue => 114f;
    public int? FixedInputSize => 416;

    public void Decode(IReadOnlyList<OrtValue> outputs, IReadOnlyList<string> names, int inputSize, float scale, float offsetX, float offsetY, float minScore, List<PersonBox> into)
    {
        var o = outputs[0].GetTensorDataAsSpan<float>();
        var row = 0;
        foreach (var stride in Strides)
        {
            var grid = inputSize / stride;
            for (int gy = 0; gy < grid; gy++)
            for (int gx = 0; gx < grid; gx++, row++)
            {
                var r = o.Slice(row * 85, 85);
                var person = r[4] * r[5];
                if (person < minScore) continue;
                var best = true;
                for (int k = 6; k < 85 && best; k++) best = r[k] <= r[5];
                if (!best) continue;
                float cx = (r[0] + gx) * stride, cy = (r[1] + gy) * stride;
                float w = MathF.Exp(r[2]) * stride, h = MathF.Exp(r[3]) * stride;
                into.Add(new PersonBox((cx - w / 2) / scale + offsetX, (cy - h / 2) / scale + offsetY,
                    (cx + w / 2) / scale + offsetX, (cy + h / 2) / scale + offsetY, person));
            }
        }
    }
}
