using Microsoft.ML.OnnxRuntime;
using SmartStore.Vision.Models;
using Xunit;

namespace SmartStore.Vision.Tests;

public sealed class ModelStoreTests
{
    [Fact]
    public void EveryCatalogueModelIsPresentAndVerified() => SharedFiles.Models.VerifyAll(ModelCatalogue.All);

    [Fact]
    public void MissingModelErrorNamesFileDigestAndSource()
    {
        var empty = new ModelStore(Path.Combine(Path.GetTempPath(), "no-models-" + Guid.NewGuid()));
        var ex = Assert.Throws<ModelUnavailableException>(() => empty.Resolve(ModelCatalogue.YoloxNano));
        Assert.Contains("yolox_nano.onnx", ex.Message);
        Assert.Contains(ModelCatalogue.YoloxNano.Sha256, ex.Message);
        Assert.Contains("Kazuhito00", ex.Message);
    }

    [Fact]
    public void AnIntermediateTensorCanBeReadAsAnExtraOutputAndAnUnknownOneIsRefused()
    {
        // The product embedder pools MobileNetV2's last feature map itself; the file only declares the pooled vector.
        using var session = SharedFiles.Models.OpenSession(ModelCatalogue.MobileNetV2Features, InferenceThreads.Single, "627");
        Assert.Contains("627", session.OutputMetadata.Keys);
        using var input = OrtValue.CreateTensorValueFromMemory(new float[3 * 224 * 224], [1, 3, 224, 224]);
        using var outputs = session.Run(new RunOptions(), [session.InputMetadata.Keys.First()], [input], ["627", "features"]);
        Assert.Equal(new long[] { 1, 1280, 7, 7 }, outputs[0].GetTensorTypeAndShape().Shape);
        // The model's own average pool of that map is its `features` output (int8, so to within quantisation).
        var map = outputs[0].GetTensorDataAsSpan<float>();
        var pooled = outputs[1].GetTensorDataAsSpan<float>();
        for (int c = 0; c < 1280; c += 97)
        {
            float sum = 0;
            foreach (var x in map.Slice(c * 49, 49)) sum += x;
            Assert.InRange(sum / 49 - pooled[c], -0.1f, 0.1f);
        }

        Assert.ThrowsAny<OnnxRuntimeException>(() => SharedFiles.Models.OpenSession(ModelCatalogue.MobileNetV2Features, InferenceThreads.Single, "no-such-tensor"));
        Assert.Throws<InvalidDataException>(() => ModelGraph.WithFloatOutputs([0x0F, 0xFF, 0xFF], "627"));
    }
}
