using System.Globalization;
using MiniExcelLibs;

namespace SmartStore.Web.Api;

/// <summary>
/// Reads an uploaded CSV or Excel (.xlsx) sheet into rows keyed by lower-case header. The header row
/// names the columns, so their order does not matter; Chinese headers are accepted too.
/// </summary>
public static class BulkImport
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    public sealed record Sheet(IReadOnlyList<IReadOnlyDictionary<string, string>> Rows, string? Error);

    /// <summary>The sheet of an API call: a multipart form with one file, or the raw body.</summary>
    public static async Task<Sheet> Read(HttpRequest request, IReadOnlyDictionary<string, string> headerAliases, int maxRows = MaxRows)
    {
        if (request.ContentLength > MaxBytes) return TooLarge;
        if (!request.HasFormContentType) return await Read(request.Body, request.ContentType, null, headerAliases, maxRows);
        var form = await request.ReadFormAsync();
        var file = form.Files.FirstOrDefault();
        if (file is null) return new Sheet([], "The form has no file.");
        return await Read(file, headerAliases, maxRows);
    }

    /// <summary>The sheet of a file uploaded through a back-office form.</summary>
    public static async Task<Sheet> Read(IFormFile file, IReadOnlyDictionary<string, string> headerAliases, int maxRows = MaxRows)
    {
        if (file.Length > MaxBytes) return TooLarge;
        await using var body = file.OpenReadStream();
        return await Read(body, file.ContentType, file.FileName, headerAliases, maxRows);
    }

    private static Sheet TooLarge => new([], $"The file is larger than {MaxBytes / 1024 / 1024} MB.");

    private static async Task<Sheet> Read(Stream body, string? contentType, string? fileName, IReadOnlyDictionary<string, string> headerAliases,
        int maxRows)
    {
        var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        if (buffer.Length > MaxBytes) return TooLarge;
        buffer.Position = 0;

        var type = IsXlsx(buffer, contentType, fileName) ? ExcelType.XLSX : ExcelType.CSV;
        try
        {
            var rows = new List<IReadOnlyDictionary<string, string>>();
            foreach (IDictionary<string, object?> raw in MiniExcel.Query(buffer, useHeaderRow: true, excelType: type))
            {
                if (rows.Count == maxRows) return new Sheet([], $"The sheet has more than {maxRows} rows; split it.");
                var row = raw.Where(c => c.Key is not null)
                    .ToDictionary(c => Canonical(c.Key, headerAliases), c => Text(c.Value));
                if (row.Values.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(row);
            }
            return rows.Count == 0 ? new Sheet([], "The sheet has a header but no rows.") : new Sheet(rows, null);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException)
        {
            return new Sheet([], $"The file could not be read as {(type == ExcelType.XLSX ? "Excel" : "CSV")}: {e.Message}");
        }
    }

    public static string? Get(this IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>What a cell holds to clear an optional field (a door line drawn wrong, a brand no longer known).</summary>
    public const string ClearMark = "-";

    /// <summary>
    /// An optional column: empty when the cell is <see cref="ClearMark"/> (a sheet sent to change records clears the field; a
    /// new record has none), null when the cell is empty (a change keeps the field as it is), else the cell.
    /// </summary>
    public static string? Optional(this IReadOnlyDictionary<string, string> row, string column) =>
        row.Get(column) is var text && text == ClearMark ? "" : text;

    /// <summary>A yes/no column (是/否, yes/no, true/false, 1/0; empty is no); null when it is neither.</summary>
    public static bool? YesOrNo(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "否" or "no" or "false" or "0" => false,
        "是" or "yes" or "true" or "1" => true,
        _ => null,
    };

    public static double? Number(this IReadOnlyDictionary<string, string> row, string column) =>
        double.TryParse(row.Get(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static bool IsXlsx(MemoryStream buffer, string? contentType, string? fileName)
    {
        // An .xlsx is a zip: it starts with "PK".
        var bytes = buffer.GetBuffer();
        return buffer.Length > 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K'
            || contentType?.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) == true
            || fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true;
    }

    private static string Canonical(string header, IReadOnlyDictionary<string, string> aliases)
    {
        var key = header.Trim().TrimStart('\uFEFF').ToLowerInvariant();
        return aliases.TryGetValue(key, out var canonical) ? canonical : key;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        // Excel keeps dates and times as numbers with a format: read back as a person typed them.
        DateTime t when t.Year <= 1900 => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
