namespace SmartStore.Vision.Products;

/// <summary>
/// Which views of a crop are embedded and averaged. Shelf crops are loosely framed, so besides the classifier's
/// own centre crop we look at the whole crop and its mirror image; averaging views makes the embedding less
/// sensitive to framing and to which way the pack faces.
/// </summary>
[Flags]
public enum ProductViews
{
    CentreCrop = 1,
    WholeCrop = 2,
    Mirrored = 4,
    Default = CentreCrop | WholeCrop | Mirrored,
}
