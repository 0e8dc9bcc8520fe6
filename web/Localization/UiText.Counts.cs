namespace SmartStore.Web.Localization;

public static partial class UiText
{
    /// <summary>
    /// English words for a count of one, by the key of the plural text: Chinese has one form for every count, English
    /// does not ("1 stores counted nobody yesterday" was what a store manager's /m said of their one store).
    /// </summary>
    private static readonly Dictionary<string, string> EnglishOne = new()
    {
        ["uncountedYesterday"] = "1 store counted nobody yesterday.",
        ["partlyCountedYesterday"] =
            "1 store's door camera was offline or had a view fault for a spell of yesterday's hours: its count is partial and left out of the benchmark.",
        ["mapStores"] = "1 store",
        ["specialStoresNamed"] = "1 store: {1}",
        ["planogramSlots"] = "1 slot",
        ["overdueDays"] = "1 day overdue",
        ["tillRecentConfirmed"] = "1 breach",
        ["weekOffline"] = "offline once in 7 days, {1} in all",
        ["usageWeekDays"] = " (1 day of it)",
        ["tasksRemoved"] = "1 task removed; its pictures and to-dos stay.",
        ["cameraSecretsIssued"] = "1 camera imported, with its secret",
        ["accountPasswordsIssued"] = "1 account imported, with its first password",
        ["flaggedFigures"] = "1 entry · {1} of peers · {2} on the day before · entry rate {3}",
        ["tallyStoresShown"] = "The store with most overdue and open",
        ["storageTablesCount"] = "1 table",
        ["tillUnchecked"] = "1 receipt had no till picture near it (the camera sent none) and could not be checked.",
        ["historyCount"] = "1 picture on {1}, {2}–{3} ({4})",
        ["countingAreaLatest"] = "Newest analysed frame: 1 person found, {1} counted.",
        ["specialWithdrawConfirm"] = "Withdraw “{1}” from 1 store?",
        ["specialApplied"] = "“{1}” set for 1 store.",
        ["specialWithdrawn"] = "“{1}” withdrawn from 1 store.",
        ["tillReviewed"] = "1 finding: confirmed breaches {1} · cleared {2} · to review {3}",
        ["peopleN"] = "1 person",
        ["usageMore"] = "1 more account",
        ["photosAdded"] = "1 photo added.",
        ["galleryHolds"] = "1 reference photo learned, SKUs covered: {1}",
    };

    /// <summary>The text of <paramref name="key"/> for <paramref name="count"/> (its {0}), with <paramref name="more"/> as {1}, {2} ….</summary>
    public static string Count(string key, int count, params object?[] more)
    {
        var text = !IsChinese && count == 1 && EnglishOne.TryGetValue(key, out var one) ? one : T(key);
        return string.Format(text, [count, .. more]);
    }
}
