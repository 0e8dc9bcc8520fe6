using Microsoft.ML.OnnxRuntime;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;

namespace SmartStore.Vision.People;

/// <summary>What differs between detector graphs: file, input convention and how raw outputs become person boxes.</summary>
internal interface IDetectorHead
{
    ModelSpec Spec { get; }
    PixelNormalization Normalization { get; }
    float PadValue { get; }
    /// <summary>Fixed graph input size, or null when the graph takes any size.</summary>
    int? FixedInputSize { get; }

    /// <summary>Adds person boxes (canvas pixels divided by scale, plus offset) scoring at least minScore.</summary>
    void Decode(IReadOnlyList<OrtValue> outputs, IReadOnlyList<string> names, int inputSize, float scale, float offsetX, float offsetY, float minScore, List<PersonBox> into);
}

internal static class DetectorHeads
{
    public static IDetectorHead For(PersonModel model) => model switch
    {
        PersonModel.RtmDetNano => new RtmDetHead(),
        PersonModel.NanoDetM => new NanoDetHead(ModelCatalogue.NanoDetM416),
        PersonModel.NanoDetPlusM => new NanoDetHead(ModelCatalogue.NanoDetPlusM416),
        PersonModel.YoloxNano => new YoloxHead(),
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };
}
