using System.Text.Json.Serialization;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Api;

/// <summary>
/// What a bulk import did: the codes it created, or why it created nothing (an unreadable sheet, or
/// the rows that failed, numbered as in the spreadsheet with the header as row 1).
/// </summary>
/// <param name="Secrets">Credentials issued to what was imported (cameras): code → secret, in this answer only.</param>
/// <param name="Codes">The records created.</param>
/// <param name="Changed">The existing records the sheet changed, when it was sent to change them (stores', cameras', SKUs').</param>
public sealed record ImportOutcome(IReadOnlyList<string> Codes, IReadOnlyList<ImportOutcome.RowError> Errors, string? SheetError,
    IReadOnlyDictionary<string, string>? Secrets = null, IReadOnlyList<string>? Changed = null)
{
    /// <summary>A refused row: its reason in English (the API's answer) and, where the check has one, in Chinese.</summary>
    public sealed record RowError(int Row, string Message, string? Chinese = null)
    {
        /// <summary>The reason in the page's language.</summary>
        public string Localized => UiText.IsChinese ? Chinese ?? Message : Message;
    }

    public bool Succeeded => SheetError is null && Errors.Count == 0;

    public static ImportOutcome Unreadable(string error) => new([], [], error);

    public IResult ToResult()
    {
        if (SheetError is not null) return Results.Problem(statusCode: 400, title: "Unreadable sheet", detail: SheetError);
        if (Errors.Count == 0)
            return Results.Ok(new ImportAnswer(Codes.Count, Codes, Secrets is null ? null : Codes.Select(c => new IssuedSecret(c, Secrets[c])).ToList(),
                Changed?.Count, Changed));
        var errors = new FieldErrors();
        foreach (var e in Errors) errors.Add($"row {e.Row}", e.Message);
        return errors.ToResult();
    }
}

/// <summary>Collects row errors while a sheet is checked; row numbers count the header as row 1.</summary>
public sealed class RowErrors
{
    private readonly List<ImportOutcome.RowError> _errors = [];

    public IReadOnlyList<ImportOutcome.RowError> All => _errors;

    public void Add(int index, string english, string? chinese = null) => _errors.Add(new ImportOutcome.RowError(index + 2, english, chinese));

    public void AddAll(int index, FieldErrors errors)
    {
        foreach (var (english, chinese) in errors.Texts) Add(index, english, chinese);
    }
}

/// <summary>
/// What an import created (codes), the secrets issued to them where it issues any (cameras; in this answer only), and with
/// change=true the existing records it changed. Fields that do not apply are left out.
/// </summary>
public sealed record ImportAnswer(int Imported, IReadOnlyList<string> Codes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IssuedSecret>? Secrets,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Changed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? ChangedCodes);

/// <summary>A credential issued once: the camera's code and its FTP / upload secret.</summary>
public sealed record IssuedSecret(string Code, string Secret);
