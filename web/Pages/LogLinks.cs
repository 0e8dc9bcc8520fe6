namespace SmartStore.Web.Pages;

/// <summary>A log page's search as a link: its filters that are set, escaped, after the path.</summary>
public static class LogLinks
{
    public static string With(string path, IEnumerable<(string Name, string? Value)> filters)
    {
        var query = string.Join("&", filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!.Trim())}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
