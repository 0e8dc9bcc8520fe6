using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Pages;

/// <summary>A sheet posted to a back-office page's import card: what the import did, or why there was nothing to import.</summary>
public static class SheetUpload
{
    public static async Task<(ImportOutcome? Outcome, string? Failure)> Import<T>(SheetImport<T> importer, IFormFile? sheet, string actor)
    {
        if (sheet is null) return (null, UiText.T("importNoFile"));
        try
        {
            return (await importer.Import(sheet, actor), null);
        }
        catch (MasterDataConflict e)
        {
            return (null, RefusalText.Of(e));
        }
    }
}
