namespace SmartStore.Models;

/// <summary>The people the recognition service found in one image (person-recognition API, staff photos).</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.PeopleInImage")]
public sealed record PeopleInImage(
    [property: Id(0)] int Width,
    [property: Id(1)] int Height,
    [property: Id(2)] IReadOnlyList<PersonSighting> People);

/// <summary>One slot of an image read against the SKU gallery.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.SlotResult")]
public sealed record SlotResult(
    [property: Id(0)] string SlotId,
    [property: Id(1)] string? PlannedSku,
    [property: Id(2)] string Outcome,
    [property: Id(3)] string? Sku,
    [property: Id(4)] float Confidence,
    [property: Id(5)] bool MatchesPlan);

/// <summary>A SKU the whole image resembles.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.SkuMatch")]
public sealed record SkuMatch(
    [property: Id(0)] string Sku,
    [property: Id(1)] float Similarity,
    [property: Id(2)] float Confidence);

/// <summary>
/// What the display recognition read in one image: per slot when a layout was given, else the best SKU matches. With
/// <see cref="GalleryRetryUtc"/> set, nothing was read: the SKU gallery could not be built yet and is tried again then.
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.ShelfInImage")]
public sealed record ShelfInImage(
    [property: Id(0)] int Width,
    [property: Id(1)] int Height,
    [property: Id(2)] IReadOnlyList<SlotResult>? Slots,
    [property: Id(3)] IReadOnlyList<SkuMatch>? Matches,
    [property: Id(4)] bool NoGallery,
    [property: Id(5)] DateTime? GalleryRetryUtc = null);

/// <summary>
/// The SKU gallery shelf recognition reads against, as a silo holds it: what it has learned, when, and whether photos
/// were added or removed since (learning: they count once the rebuild under way is done); why the last rebuild failed
/// while it keeps failing (the previous gallery stays in use), and when it is tried again.
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.SkuGalleryStatus")]
public sealed record SkuGalleryStatus(
    [property: Id(0)] int Photos,
    [property: Id(1)] int Skus,
    [property: Id(2)] DateTime? LearnedUtc,
    [property: Id(3)] bool Learning,
    [property: Id(4)] string? Problem,
    [property: Id(5)] DateTime? RetryUtc = null);
