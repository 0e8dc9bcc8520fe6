using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartStore.Web.Api;

/// <summary>What every report's Excel export shares: its sheets written as one .xlsx, and the type it is served as.</summary>
public static class Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="sheets">by name, in order; each a list of rows (column → value).</param>
    public static async Task<byte[]> Save(Dictionary<string, object> sheets, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
