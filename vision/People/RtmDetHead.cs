using Microsoft.ML.OnnxRuntime;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;

namespace SmartStore.Vision.People;

/// <summary>RTMDet-nano person: output `dets` [1,100,5] already NMS-ed, corners in canvas pixels.</summary>
internal sealed class RtmDetHead : IDetectorHead
{
    public ModelSpec Spec => ModelCatalogue.RtmDetNanoPerson;
    public PixelNormalization Normalization => PixelNormalization.MmdetBgr;
    public float PadValue => 114f;
    public int? FixedInputSize => null;

    public void Decode(IReadOnlyList<OrtValue> outputs, IReadOnlyList<string> names, int inputSize, float scale, float offsetX, float offsetY, float minScore, List<PersonBox> into)
    {
        var index = IndexOf(names, "dets");
        var dets = outputs[index].GetTensorDataAsSpan<float>();
        for (int i = 0; i + 4 < dets.Length; i += 5)
        {
            var score = dets[i + 4];
            if (score < minScore) continue;
            into.Add(new PersonBox(dets[i] / scale + offsetX, dets[i + 1] / scale + offsetY, dets[i + 2] / scale + offsetX, dets[i + 3] / scale + offsetY, score));
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++) if (names[i] == name) return i;
        return 0;
    }
}
