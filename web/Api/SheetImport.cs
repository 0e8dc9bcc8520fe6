namespace SmartStore.Web.Api;

/// <summary>
/// What every master-data import does, for the API and the pages alike: read the sheet, check every row,
/// refuse codes that repeat in the file or already exist, then write all rows or none. Subclasses say how
/// one row becomes a record. A sheet sent to change existing records (<c>change</c>; where the subclass can: stores, cameras, SKUs, accounts)
/// changes a row whose code exists by the cells filled in, in the same all-or-none write.
/// </summary>
public abstract class SheetImport<T>(IReadOnlyDictionary<string, string> headers, string entity)
{
    public Task<ImportOutcome> Import(HttpRequest request, string actor, bool change = false) =>
        Import(BulkImport.Read(request, headers), actor, change);

    public Task<ImportOutcome> Import(IFormFile file, string actor, bool change = false) => Import(BulkImport.Read(file, headers), actor, change);

    /// <summary>The code of the record a row names (an account's is its username, lower-cased as accounts are).</summary>
    protected virtual string? CodeIn(IReadOnlyDictionary<string, string> row) => row.Get("code");

    /// <summary>The most new records one sheet may create (rows changing records that exist aside; the sheet itself holds at
    /// most <see cref="BulkImport.MaxRows"/>).</summary>
    protected virtual int MostCreated => BulkImport.MaxRows;

    /// <summary>The row as a record, or null with the reasons added to <paramref name="errors"/>.</summary>
    protected abstract Task<T?> Check(IReadOnlyDictionary<string, string> row, int index, RowErrors errors);

    protected abstract string CodeOf(T record);

    protected abstract Task<bool> Exists(string code);

    /// <summary>Writes every record or none; returns the credentials issued to them, if the records have any.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>?> CreateAll(IReadOnlyList<T> records, string actor);

    /// <summary>Whether this kind of sheet can change records that exist (<see cref="CheckChange"/>, <see cref="WriteAll"/>).</summary>
    protected virtual bool Changes => false;

    /// <summary>The record with this code as it is now, or null: read once per row of a sheet sent to change.</summary>
    protected virtual Task<T?> Current(string code) => throw new NotSupportedException($"{entity} sheets do not change existing records.");

    /// <summary>A row of a record that exists (<paramref name="now"/>), as the change it makes (its filled-in cells), or null
    /// with the reasons in <paramref name="errors"/>. <paramref name="actor"/> sends the sheet (an admin may not demote themself).</summary>
    protected virtual Task<Func<T, T>?> CheckChange(IReadOnlyDictionary<string, string> row, T now, int index, RowErrors errors, string actor) =>
        throw new NotSupportedException($"{entity} sheets do not change existing records.");

    /// <summary>Creates the new records and changes the existing ones, all or none; returns the credentials issued to the new
    /// ones, if they have any, and the codes changed.</summary>
    protected virtual Task<(IReadOnlyDictionary<string, string>? Secrets, IReadOnlyList<string> Changed)> WriteAll(IReadOnlyList<T> created,
        IReadOnlyDictionary<string, Func<T, T>> changes, string actor) =>
        throw new NotSupportedException($"{entity} sheets do not change existing records.");

    private async Task<ImportOutcome> Import(Task<BulkImport.Sheet> reading, string actor, bool change)
    {
        var sheet = await reading;
        if (sheet.Error is not null) return ImportOutcome.Unreadable(sheet.Error);
        change &= Changes;
        var errors = new RowErrors();
        var valid = new List<T>();
        var changes = new Dictionary<string, Func<T, T>>();
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[i];
            var given = CodeIn(row);
            // Said first, before its other cells: a row of a record that exists is either a change or refused for that alone.
            if (given is not null && change && await Current(given) is { } now)
            {
                if (!Twice(given, i) && await CheckChange(row, now, i, errors, actor) is { } changing) changes[given] = changing;
                continue;
            }
            if (given is not null && !change && await Exists(given))
            {
                AlreadyExists(given, i);
                continue;
            }
            if (await Check(row, i, errors) is not { } record) continue;
            var code = CodeOf(record);
            if (Twice(code, i)) continue;
            // The row's own code was looked up above; only a record whose code reads otherwise is looked up again.
            if (code != given && await Exists(code)) AlreadyExists(code, i);
            else valid.Add(record);
        }
        if (errors.All.Count > 0) return new ImportOutcome([], errors.All, null);
        if (valid.Count > MostCreated)
            return ImportOutcome.Unreadable($"The sheet has more than {MostCreated} rows of new {entity.ToLowerInvariant()}s ({valid.Count}); split it.");
        if (change)
        {
            var (issued, changed) = await WriteAll(valid, changes, actor);
            return new ImportOutcome(valid.Select(CodeOf).ToList(), [], null, issued, changed);
        }
        var secrets = await CreateAll(valid, actor);
        return new ImportOutcome(valid.Select(CodeOf).ToList(), [], null, secrets);

        void AlreadyExists(string code, int index) => errors.Add(index,
            $"{entity} code '{code}' already exists{(Changes ? " (to change it by the sheet, tick the import's Change box, or send change=true)" : "")}.",
            $"编码“{code}”已存在{(Changes ? "（如需按表更新已有记录，请勾选“按表更新”）" : "")}。");

        bool Twice(string code, int index)
        {
            if (!valid.Any(r => CodeOf(r) == code) && !changes.ContainsKey(code)) return false;
            errors.Add(index, $"code '{code}' appears twice in the file.", $"编码“{code}”在文件中出现了两次。");
            return true;
        }
    }
}
