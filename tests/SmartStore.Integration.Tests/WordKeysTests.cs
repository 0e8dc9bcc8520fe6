using System.Text.RegularExpressions;
using SmartStore.Testing;
using SmartStore.Web.Localization;

namespace SmartStore.Integration.Tests;

/// <summary>
/// Each page word has one key. A key given twice is silently one text: the later one in a dictionary, the first dictionary
/// searched across them — so the sign-in log's 来源地址 column read 地址, the store's address field's word, until this test.
/// </summary>
public sealed partial class WordKeysTests
{
    [Fact]
    public void No_word_key_is_defined_twice_across_the_page_dictionaries()
    {
        var files = Directory.EnumerateFiles(Path.Combine(SharedData.RepositoryRoot, "web", "Localization"), "UiText*.cs").ToList();
        var keys = files.SelectMany(file => Entry().Matches(File.ReadAllText(file)).Select(m => (Key: m.Groups[1].Value, File: Path.GetFileName(file)))).ToList();
        // The pattern finds the entries, or this test would pass on nothing.
        Assert.True(keys.Count > 500, $"only {keys.Count} entries found");
        var twice = keys.GroupBy(k => k.Key).Where(g => g.Count() > 1).Select(g => $"{g.Key} ({string.Join(", ", g.Select(k => k.File))})").ToList();
        Assert.Empty(twice);
    }

    [Fact]
    public void A_count_of_one_reads_in_the_singular_in_English_and_Chinese_has_one_form()
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
            Assert.Equal("1 store counted nobody yesterday.", UiText.Count("uncountedYesterday", 1));
            Assert.Equal("2 stores counted nobody yesterday.", UiText.Count("uncountedYesterday", 2));
            Assert.Equal("offline once in 7 days, 5 min in all", UiText.Count("weekOffline", 1, "5 min"));
            Assert.Equal("offline 3 times in 7 days, 5 min in all", UiText.Count("weekOffline", 3, "5 min"));
            Assert.Equal("1 store: S0001", UiText.Count("specialStoresNamed", 1, "S0001"));
            Assert.Equal("1 picture on 2026-12-07, 09:00–10:00 (Asia/Shanghai)", UiText.Count("historyCount", 1, "2026-12-07", "09:00", "10:00", "Asia/Shanghai"));
            Assert.Equal("1 entry · 80% of peers · +5% on the day before · entry rate 12%", UiText.Count("flaggedFigures", 1, "80%", "+5%", "12%"));
            Assert.Equal("“Spring Festival” set for 1 store.", UiText.Count("specialApplied", 1, "Spring Festival"));
            Assert.Equal("“Spring Festival” withdrawn from 3 stores.", UiText.Count("specialWithdrawn", 3, "Spring Festival"));
            Assert.Equal("1 person", UiText.Count("peopleN", 1));
            Assert.Equal("Newest analysed frame: 1 person found, 0 counted.", UiText.Count("countingAreaLatest", 1, 0));
            Assert.Equal("1 photo added.", UiText.Count("photosAdded", 1));
            Assert.Equal("1 finding: confirmed breaches 1 · cleared 0 · to review 0", UiText.Count("tillReviewed", 1, 1, 0, 0));
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
            Assert.Equal("1 家门店昨日没有客流数据。", UiText.Count("uncountedYesterday", 1));
            Assert.Equal("已为 2 家门店设置“春节”。", UiText.Count("specialApplied", 2, "春节"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>An entry line: ["key"] = ("中文", "English").</summary>
    [GeneratedRegex("""^\s*\["([^"]+)"\]\s*=\s*\(""", RegexOptions.Multiline)]
    private static partial Regex Entry();
}
