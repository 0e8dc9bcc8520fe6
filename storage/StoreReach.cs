namespace SmartStore.Storage;

/// <summary>
/// Which stores a plan (an inspection task, a campaign) reaches, as SQL over a <c>stores s</c> row: those of its region
/// (null: every region) carrying its tag (null: any). One rule for listing plans and for finding their stores.
/// </summary>
internal static class StoreReach
{
    /// <summary>Against a plan row <c>k</c> with <c>region_code</c> and <c>store_tag</c>.</summary>
    public const string OfPlan = "(k.region_code IS NULL OR s.region_code = k.region_code) AND (k.store_tag IS NULL OR k.store_tag = ANY(s.tags))";

    /// <summary>Against the parameters <c>@region</c> and <c>@tag</c>.</summary>
    public const string OfParameters = "(@region::text IS NULL OR s.region_code = @region) AND (@tag::text IS NULL OR @tag = ANY(s.tags))";
}
