namespace SmartStore.Web.Api;

/// <summary>
/// What every master-data import does, for the API and the pages alike: read the sheet, check every row,
/// refuse codes that repeat in the file or already exist, then write all rows or none. Subclasses say how
/// one row becomes a record.
/// </summary>
public abstract class SheetImport<T>(IReadOnlyDictionary<string, string> headers, string entity)
{
    public Task<ImportOutcome> Import(HttpRequest request, string actor) => Import(BulkImport.Read(request, headers, MaxRows), actor);

    public Task<ImportOutcome> Import(IFormFile file, string actor) => Import(BulkImport.Read(file, headers, MaxRows), actor);

    /// <summary>The most rows one sheet may hold.</summary>
    protected virtual int MaxRows => BulkImport.MaxRows;

    /// <summary>The row as a record, or null with the reasons added to <paramref name="errors"/>.</summary>
    protected abstract Task<T?> Check(IReadOnlyDictionary<string, string> row, int index, RowErrors errors);

    protected abstract string CodeOf(T record);

    protected abstract Task<bool> Exists(string code);

    /// <summary>Writes every record or none; returns the credentials issued to them, if the records have any.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>?> CreateAll(IReadOnlyList<T> records, string actor);

    private async Task<ImportOutcome> Import(Task<BulkImport.Sheet> reading, string actor)
    {
        var sheet = await reading;
        if (sheet.Error is not null) return ImportOutcome.Unreadable(sheet.Error);
        var errors = new RowErrors();
        var valid = new List<T>();
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            if (await Check(sheet.Rows[i], i, errors) is not { } record) continue;
            var code = CodeOf(record);
            if (valid.Any(r => CodeOf(r) == code)) errors.Add(i, $"code '{code}' appears twice in the file.", $"编码“{code}”在文件中出现了两次。");
            else if (await Exists(code)) errors.Add(i, $"{entity} code '{code}' already exists.", $"编码“{code}”已存在。");
            else valid.Add(record);
        }
        if (errors.All.Count > 0) return new ImportOutcome([], errors.All, null);
        var secrets = await CreateAll(valid, actor);
        return new ImportOutcome(valid.Select(CodeOf).ToList(), [], null, secrets);
    }
}
