using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SmartStore.Bench.Board;

namespace SmartStore.Bench.Sheets;

/// <summary>One kind of record's round: create by sheet(s), export, send the export back untouched, send a change.</summary>
public sealed class SheetRound(BoardVisitor admin, Figures figures, CancellationToken cancellation)
{
    public Figures Figures => figures;

    /// <summary>Steps that failed: answered other than 200, or changing other than they should.</summary>
    public int Failures { get; private set; }

    public async Task Run(string kind, string api, IReadOnlyList<string> creating, string changing, int expectChanged)
    {
        Progress.Say($"{kind}: creating by {creating.Count} sheet(s)");
        var created = 0.0;
        foreach (var sheet in creating) created += (await Send(kind, $"{api}/import", Csv(sheet), null)).Seconds;
        figures.Add($"sheets_{kind}_create_s", created, "s");

        Progress.Say($"{kind}: exporting");
        var (exported, bytes) = await admin.Download($"{api}/export", cancellation);
        figures.Add($"sheets_{kind}_export_s", exported, "s");
        figures.Add($"sheets_{kind}_export_kb", bytes.Length / 1024.0, "KiB");

        Progress.Say($"{kind}: the export sent back untouched");
        var untouched = await Send(kind, $"{api}/import?change=true", Xlsx(bytes), 0);
        figures.Add($"sheets_{kind}_untouched_s", untouched.Seconds, "s");
        figures.Add($"sheets_{kind}_untouched_changed", untouched.Changed, "rows");

        Progress.Say($"{kind}: a change of {expectChanged} rows");
        var changed = await Send(kind, $"{api}/import?change=true", Csv(changing), expectChanged);
        figures.Add($"sheets_{kind}_change_s", changed.Seconds, "s");
        figures.Add($"sheets_{kind}_changed", changed.Changed, "rows");
    }

    /// <param name="expectChanged">How many records the answer must say it changed; null for a sheet that only creates.</param>
    private async Task<(double Seconds, int Changed)> Send(string kind, string path, HttpContent content, int? expectChanged)
    {
        var (seconds, status, answer) = await admin.Post(path, content, cancellation);
        var changed = status == HttpStatusCode.OK && expectChanged is not null ? JsonNode.Parse(answer)?["changed"]?.GetValue<int>() ?? -1 : 0;
        if (status != HttpStatusCode.OK || (expectChanged is { } expected && changed != expected))
        {
            Failures++;
            Progress.Say($"  {kind} {path}: {(int)status}, changed {changed} (expected {expectChanged}): {answer[..Math.Min(answer.Length, 400)]}");
        }
        return (seconds, changed);
    }

    private static StringContent Csv(string sheet) => new(sheet, Encoding.UTF8, "text/csv");

    private static MultipartFormDataContent Xlsx(byte[] sheet)
    {
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "sheet.xlsx" } };
    }
}
