namespace SmartStore.Vision;

/// <summary>Vector maths for appearance embeddings (re-id, products): L2 normalisation and cosine similarity.</summary>
public static class Embedding
{
    public static void Normalize(Span<float> v)
    {
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(v));
        if (norm > 1e-12f) System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
    }

    /// <summary>Cosine similarity of two already-normalised vectors.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
