using System.Text.Json;
using SkiaSharp;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Products;
using Xunit;

namespace SmartStore.Vision.Tests;

public sealed class ProductRecognizerTests
{
    private const string Set = "grocery-store";

    [Fact]
    public async Task RanksAReferenceFirstForItselfAndCallsAPersonUnknown()
    {
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(SharedFiles.Data, Set, "ground_truth.json")));
        var classes = doc.RootElement.GetProperty("classes").EnumerateArray().Where((_, i) => i % 10 == 0).Take(8)
            .Select(c => (Id: c.GetProperty("class_id").GetInt32(), Name: c.GetProperty("class_name").GetString()!,
                Reference: c.GetProperty("reference_images")[0].GetString()!)).ToList();
        var photos = doc.RootElement.GetProperty("images").EnumerateArray()
            .Select(i => (Id: i.GetProperty("class_id").GetInt32(), File: i.GetProperty("file").GetString()!))
            .OrderBy(p => p.File, StringComparer.Ordinal).ToList();

        var intake = new JpegIntake();
        using var embedder = new ProductEmbedder(SharedFiles.Models);
        var gallery = new ProductGallery();
        float[]? firstReference = null;
        foreach (var c in classes)
        {
            using (var reference = intake.Decode(await SharedFiles.BytesAsync(Set, c.Reference)))
            {
                var e = embedder.Embed(reference.Bitmap);
                firstReference ??= e;
                gallery.Enrol(c.Name, e);
            }
            foreach (var photo in photos.Where(p => p.Id == c.Id).Take(2))
            {
                using var image = intake.Decode(await SharedFiles.BytesAsync(Set, photo.File));
                gallery.Enrol(c.Name, embedder.Embed(image.Bitmap));
            }
        }
        gallery.Seal();
        var recognizer = new ProductRecognizer(embedder, gallery, ProductRecognizer.CalibrateUnknownBelow(gallery));

        var self = recognizer.Recognize(firstReference!);
        Assert.Equal(classes[0].Name, self.Sku);

        using var street = intake.Decode(await SharedFiles.BytesAsync("pets2009-s2l1", "images/000001.jpg"));
        var person = recognizer.Recognize(street.Bitmap, SKRectI.Create(498, 157, 32, 76));
        Assert.True(person.IsUnknown, $"person crop matched {person.Ranked[0].Sku} at {person.Similarity:0.00} (threshold {recognizer.UnknownBelow:0.00})");
    }

    [Fact]
    public async Task TheMirroredEnrolmentViewIsTheEmbeddingOfTheMirrorImageAndColourSeparatesRedFromGreen()
    {
        var intake = new JpegIntake();
        using var embedder = new ProductEmbedder(SharedFiles.Models);
        using var photo = intake.Decode(await SharedFiles.BytesAsync(Set, "references/Red-Bell-Pepper_Iconic.jpg"));
        using var mirror = new SKBitmap(photo.Bitmap.Info);
        for (int y = 0; y < photo.Height; y++)
            for (int x = 0; x < photo.Width; x++)
                mirror.SetPixel(photo.Width - 1 - x, y, photo.Bitmap.GetPixel(x, y));
        var views = embedder.EnrolmentViews(photo.Bitmap);
        Assert.Equal(3, views.Count);
        Assert.Equal(ProductEmbedder.DimensionsOf(ProductViews.Single), views[1].Length);
        // Regions trade places in a mirror image: the mirrored view must line up with the mirror image's own embedding.
        var ofMirror = embedder.Embed(mirror, null, ProductViews.Single);
        Assert.True(Embedding.Cosine(views[1], ofMirror) > 0.98f);
        Assert.True(Embedding.Cosine(views[0], ofMirror) < Embedding.Cosine(views[1], ofMirror));

        var red = new float[ColourSignature.Dimensions];
        var green = new float[ColourSignature.Dimensions];
        using var greenPepper = intake.Decode(await SharedFiles.BytesAsync(Set, "references/Green-Bell-Pepper_Iconic.jpg"));
        ColourSignature.Write(photo.Bitmap, new SKRectI(0, 0, photo.Width, photo.Height), red);
        ColourSignature.Write(greenPepper.Bitmap, new SKRectI(0, 0, greenPepper.Width, greenPepper.Height), green);
        Assert.Equal(1f, Embedding.Cosine(red, red), 3);
        Assert.True(Embedding.Cosine(red, green) < 0.7f, $"red vs green pepper colour similarity {Embedding.Cosine(red, green):0.00}");
    }
}
