namespace SmartStore.Vision.Products;

/// <summary>
/// Which views of a crop make its embedding. Shelf crops are loosely framed, so besides the classifier's own
/// centre crop we look at the whole crop (and, averaged in, its mirror image); the regions add where things are on
/// the pack, which pooled features throw away.
/// </summary>
[Flags]
public enum ProductViews
{
    CentreCrop = 1,
    WholeCrop = 2,
    /// <summary>Average each global view with its mirror image.</summary>
    Mirrored = 4,
    /// <summary>
    /// Append the layout: the four 60 % quadrant crops and the central 60 %, each its own block of the embedding, seen
    /// at about the network's native resolution. Pack text, logos and the arrangement of colours separate SKUs that
    /// pool to the same average (vision-accuracy (b): 0.836 → 0.859).
    /// </summary>
    Regions = 8,
    /// <summary>Append the crop's colour histogram (<see cref="ColourSignature"/>) as a block of its own.</summary>
    Colour = 16,
    /// <summary>Average the whole embedding with that of the crop's mirror image (a pack may face either way).</summary>
    MirrorImage = 32,
    /// <summary>Average the whole embedding with that of the crop's central 85 % (a slot frames its pack loosely or tightly).</summary>
    Zoomed = 64,
    /// <summary>The previous default: global views only, mirrored.</summary>
    Global = CentreCrop | WholeCrop | Mirrored,
    /// <summary>One view of the crop: what each gallery entry is (the gallery holds the mirror and zoomed views as entries of their own).</summary>
    Single = CentreCrop | WholeCrop | Regions | Colour,
    /// <summary>A query crop: the single view averaged with its mirror image and its central 85 % (vision-accuracy (b): see vision/README.md).</summary>
    Default = Single | MirrorImage | Zoomed,
}
