using System.Text.RegularExpressions;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Api;

/// <summary>
/// Collects field errors in the shape of a validation problem (field → messages). Each message is kept in English —
/// what the API answers, whatever the caller's language — and, where a page can show it, in Chinese: a store manager
/// who mistypes a time on a Chinese page reads why in Chinese.
/// </summary>
public sealed partial class FieldErrors
{
    private sealed record Problem(string Field, string English, string? Chinese);

    private readonly List<Problem> _problems = new();

    public bool Any => _problems.Count > 0;

    /// <summary>The messages in English: the API's answer.</summary>
    public IReadOnlyList<string> Messages => _problems.Select(p => p.English).ToList();

    /// <summary>The messages in the page's language (English where a check has no Chinese text).</summary>
    public IReadOnlyList<string> Localized => _problems.Select(p => UiText.IsChinese ? p.Chinese ?? p.English : p.English).ToList();

    /// <summary>Each message in both languages (Chinese null where the check has none), for a caller that keeps both.</summary>
    public IEnumerable<(string English, string? Chinese)> Texts => _problems.Select(p => (p.English, p.Chinese));

    /// <summary>
    /// A problem in one text: a check that only the API reaches (integrations read English), or one a page words itself in
    /// its reader's language.
    /// </summary>
    public void Add(string field, string english) => _problems.Add(new Problem(field, english, null));

    public void Add(string field, string english, string chinese) => _problems.Add(new Problem(field, english, chinese));

    public void Required(string field) => Add(field, $"{field} is required.", $"请填写{FieldNames.Zh(field)}。");

    public void Code(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Required(field);
        else if (!CodePattern().IsMatch(value))
            Add(field, $"{field} '{value}' must be 2–40 letters, digits or '-'.", $"{FieldNames.Zh(field)}“{value}”须为 2–40 个字母、数字或“-”。");
    }

    /// <summary>
    /// A new record's code or username may not be a word the API's paths put after a collection (GET /api/stores/export,
    /// in any case): a record so named could not be read back by its own path.
    /// </summary>
    public void NotPathWord(string field, string? value)
    {
        if (value is not null && PathWords.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
            Add(field, $"{field} '{value}' is a word the API's paths use (…/export, …/import); choose another.",
                $"{FieldNames.Zh(field)}“{value}”是接口路径用词（…/export、…/import），请换一个。");
    }

    private static readonly string[] PathWords = ["export", "import"];

    /// <summary>
    /// A text of at most <paramref name="max"/> characters, without control characters other than tab and line breaks: an
    /// escape sequence or a bell in a store's name reaches every page, sheet, webhook and log line that names it.
    /// </summary>
    public void Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) Required(field); }
        else if (value.Length > max) Add(field, $"{field} is longer than {max} characters.", $"{FieldNames.Zh(field)}超过 {max} 个字符。");
        else if (FirstControl(value) is { } control)
            Add(field, $"{field} holds a control character (U+{(int)control:X4}); type the text without it.",
                $"{FieldNames.Zh(field)}含有控制字符（U+{(int)control:X4}），请去掉后再保存。");
    }

    /// <summary>The first control character other than tab and line breaks, if any.</summary>
    private static char? FirstControl(string text)
    {
        foreach (var c in text)
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return c;
        return null;
    }

    public void Range(string field, double? value, double min, double max)
    {
        if (value is null) Required(field);
        else if (double.IsNaN(value.Value) || value < min || value > max)
            Add(field, $"{field} {value} is outside {min}..{max}.", $"{FieldNames.Zh(field)} {value} 超出 {min} 至 {max} 的范围。");
    }

    public IResult ToResult() => Results.ValidationProblem(
        _problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.English).ToArray()),
        title: "The request has invalid fields.",
        detail: string.Join(" ", Messages));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}
