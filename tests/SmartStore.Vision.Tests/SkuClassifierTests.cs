using SmartStore.Vision.Products;
using Xunit;

namespace SmartStore.Vision.Tests;

/// <summary>
/// Pure maths on hand-built embeddings: families of look-alike SKUs (close to each other, far from other families).
/// The trained layer weighs each photo only against its nearest rival SKUs; it must still learn every SKU.
/// </summary>
public sealed class SkuClassifierTests
{
    private const int Dimensions = 64;

    [Fact]
    public void TrainedAgainstItsNearestRivalsOnlyTheLayerStillTellsLookAlikesApart()
    {
        var random = new Random(5);
        var (train, queries) = LookAlikeFamilies(random, families: 12, perFamily: 5);

        var fewRivals = SkuClassifier.Train(train, rivals: 6);
        var everySku = SkuClassifier.Train(train, rivals: 1000);

        var fewTop1 = Top1(fewRivals, queries);
        Assert.True(fewTop1 >= 0.9, $"top-1 {fewTop1:0.000} with 6 rivals per photo, {Top1(everySku, queries):0.000} with all");
        Assert.True(fewTop1 >= Top1(everySku, queries) - 0.03, "rivals only should learn about as well as every SKU");
        Assert.Equal(60, fewRivals.Skus.Count);
    }

    private static double Top1(SkuClassifier classifier, List<(string Sku, float[] X)> queries) =>
        queries.Count(q => classifier.Score(q.X).MaxBy(kv => kv.Value).Key == q.Sku) / (double)queries.Count;

    /// <summary>Families far apart; SKUs of one family close together; photos of one SKU noisy around it.</summary>
    private static (List<(string, float[])> Train, List<(string, float[])> Queries) LookAlikeFamilies(Random random, int families, int perFamily)
    {
        var train = new List<(string, float[])>();
        var queries = new List<(string, float[])>();
        for (int f = 0; f < families; f++)
        {
            var family = Gaussian(random, 1f);
            for (int s = 0; s < perFamily; s++)
            {
                var sku = Add(family, Gaussian(random, 0.35f));
                for (int p = 0; p < 10; p++)
                    (p < 6 ? train : queries).Add(($"F{f}-S{s}", Normalised(Add(sku, Gaussian(random, 0.12f)))));
            }
        }
        return (train, queries);
    }

    private static float[] Gaussian(Random random, float sigma) =>
        Enumerable.Range(0, Dimensions).Select(_ => sigma * (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();

    private static float[] Add(float[] a, float[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    private static float[] Normalised(float[] v)
    {
        Embedding.Normalize(v);
        return v;
    }
}
