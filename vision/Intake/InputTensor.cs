using Microsoft.ML.OnnxRuntime;

namespace SmartStore.Vision.Intake;

public enum TensorLayout { Nchw, Nhwc }

/// <summary>
/// A model input allocated once per worker and refilled per frame. The OrtValue pins the managed buffer,
/// so ONNX Runtime reads the same memory every run without a copy or a new tensor.
/// </summary>
public sealed class InputTensor : IDisposable
{
    public InputTensor(int height, int width, TensorLayout layout)
    {
        Height = height;
        Width = width;
        Layout = layout;
        Data = new float[3 * height * width];
        Shape = layout == TensorLayout.Nchw ? [1, 3, height, width] : [1, height, width, 3];
        Value = OrtValue.CreateTensorValueFromMemory(Data, Shape);
    }

    public int Height { get; }
    public int Width { get; }
    public TensorLayout Layout { get; }
    public float[] Data { get; }
    public long[] Shape { get; }
    public OrtValue Value { get; }

    public void Dispose() => Value.Dispose();
}
