namespace SmartStore.Vision.Products;

/// <summary>One candidate SKU for a crop with its similarity (cosine after gallery centring).</summary>
public readonly record struct ProductMatch(string Sku, float Similarity);

/// <summary>The recogniser's answer: the best SKU, or unknown when even the best match is below the calibrated similarity.</summary>
public sealed record ProductRecognition(string? Sku, float Similarity, IReadOnlyList<ProductMatch> Ranked)
{
    public bool IsUnknown => Sku is null;
}
