namespace SmartStore.Web.Pages;

/// <summary>
/// A page save refused because the record changed meanwhile (a camera's 设备资料, a SKU's 编辑商品资料, an account): the fields whose
/// typed value differs from the record as it is now — what saving again would put over the other change — to be listed
/// in the notice and marked in the form, as the store edit marks its clashes.
/// </summary>
public static class TypedBesideNow
{
    public sealed record Field(string Name, string Label, string? Typed, string? Now);

    /// <summary>The refusal as shown (Shared/_ChangedMeanwhile): who changed the record and what it is now, then the clashes.</summary>
    public sealed record Notice(string Id, string Said, IReadOnlyList<StoreEditCarryOver.Clash> Clashes);

    public static IReadOnlyList<StoreEditCarryOver.Clash> Differing(params Field[] fields) =>
        fields.Where(f => Normal(f.Typed) != Normal(f.Now))
            .Select(f => new StoreEditCarryOver.Clash(f.Label, Shown(f.Typed), Shown(f.Now), f.Name)).ToList();

    /// <summary>Lines trimmed and blank ones dropped: a preset box typed with a trailing newline is the same presets.</summary>
    private static string Normal(string? text) =>
        string.Join('\n', (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static string Shown(string? text) => Normal(text).Replace("\n", "；");

    /// <summary>No clashes: a form shown before any refused save (a partial's model tuple needs the list's exact type).</summary>
    public static readonly IReadOnlyList<StoreEditCarryOver.Clash> None = [];

    /// <summary>How a form field is marked: "clashed" when it is among <paramref name="clashes"/>.</summary>
    public static string? Mark(IReadOnlyList<StoreEditCarryOver.Clash> clashes, string field) =>
        clashes.Any(c => c.Field == field) ? "clashed" : null;
}
