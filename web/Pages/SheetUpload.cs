using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Pages;

/// <summary>A sheet posted to a back-office page's import card: what the import did, or why there was nothing to import.</summary>
public static class SheetUpload
{
    public static Task<(ImportOutcome? Outcome, string? Failure)> Import<T>(SheetImport<T> importer, IFormFile? sheet, string actor, bool change = false) =>
        Import(file => importer.Import(file, actor, change), sheet);

    /// <summary>Any sheet import (one that changes existing records, as 节假日营业时间's, as well as the master data's).</summary>
    public static async Task<(ImportOutcome? Outcome, string? Failure)> Import(Func<IFormFile, Task<ImportOutcome>> import, IFormFile? sheet)
    {
        if (sheet is null) return (null, UiText.T("importNoFile"));
        try
        {
            return (await import(sheet), null);
        }
        catch (MasterDataConflict e)
        {
            return (null, RefusalText.Of(e));
        }
    }
}
