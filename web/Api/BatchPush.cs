namespace SmartStore.Web.Api;

/// <summary>
/// An integration's push of many rows (POS hours, weather days): every row checked, and one bad row refuses the whole
/// push with its field and reason — the integration sends it again, whole, so nothing is half-written.
/// </summary>
public static class BatchPush
{
    /// <summary>
    /// The rows of <paramref name="items"/> (field <paramref name="name"/>, at most <paramref name="max"/>), each read by
    /// <paramref name="read"/> with its field name ("hours[3]"); a row that adds an error is left out.
    /// </summary>
    public static IReadOnlyList<TRow> Read<TItem, TRow>(IReadOnlyList<TItem?>? items, string name, string example, int max, FieldErrors errors,
        Func<TItem, string, TRow> read) where TItem : class
    {
        var rows = new List<TRow>();
        if (items is not { Count: > 0 })
        {
            errors.Add(name, $"{name} is required: {example}.");
            return rows;
        }
        if (items.Count > max) errors.Add(name, $"at most {max} {name} per push, not {items.Count}.");
        for (var i = 0; i < items.Count && i < max; i++)
        {
            var field = $"{name}[{i}]";
            if (items[i] is not { } item) { errors.Add(field, $"{field} is empty."); continue; }
            var before = errors.Messages.Count;
            var row = read(item, field);
            if (errors.Messages.Count == before) rows.Add(row);
        }
        return rows;
    }
}
