namespace SmartStore.Web.Api;

/// <summary>
/// A list cell of a change sheet (a store's 标签, an account's 大区 and 门店): either the whole list, replacing what the record
/// has ("mall;street"), or edits of it ("+pilot;-street": pilot added, street taken off, the rest kept) — 300 stores tagged
/// for a pilot, or each manager given one more store, without retyping every record's own list. "-" alone clears.
/// </summary>
public sealed record ListEdit(IReadOnlyList<string>? Whole, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    /// <summary>The cell read; null when it is empty (keep the list), or with <paramref name="problem"/> when it mixes the two ways.</summary>
    public static ListEdit? Read(string? cell, char[] separators, out (string En, string Zh)? problem)
    {
        problem = null;
        if (cell is null) return null;
        if (cell.Trim() == BulkImport.ClearMark) return new([], [], []);
        var items = cell.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var signed = items.Where(i => i[0] is '+' or '-').ToList();
        if (signed.Count == 0) return new(items.Distinct().ToList(), [], []);
        if (signed.Count < items.Length || signed.Any(i => i.Length == 1))
        {
            problem = ($"'{cell}' mixes a list with +/- edits: either every item has + or - (add, take off) or none has (the whole list).",
                $"“{cell}”混用了整列与 +/- 增删：要么每项都带 +（加上）或 -（去掉），要么都不带（整列替换）。");
            return null;
        }
        return new(null, Named(signed, '+'), Named(signed, '-'));
    }

    private static List<string> Named(IEnumerable<string> signed, char sign) =>
        signed.Where(i => i[0] == sign).Select(i => i[1..].Trim()).Distinct().ToList();

    /// <summary>The list as this cell makes it of <paramref name="current"/>: the whole one, or the current one edited (order kept).</summary>
    public IReadOnlyList<string> Over(IReadOnlyList<string> current) =>
        Whole ?? current.Where(c => !Removed.Contains(c)).Concat(Added.Where(a => !current.Contains(a) && !Removed.Contains(a))).ToList();
}
