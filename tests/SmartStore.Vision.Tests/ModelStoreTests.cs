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
}
