using System.Text.RegularExpressions;
using SmartStore.Testing;

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

    /// <summary>An entry line: ["key"] = ("中文", "English").</summary>
    [GeneratedRegex("""^\s*\["([^"]+)"\]\s*=\s*\(""", RegexOptions.Multiline)]
    private static partial Regex Entry();
}
