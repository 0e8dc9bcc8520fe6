using System.Text.RegularExpressions;
using SmartStore.Testing;
using SmartStore.Web.Localization;

namespace SmartStore.Integration.Tests;

/// <summary>
/// 操作日志 reads each entry in words: every action and kind of thing the code records must have its words (28 were missing
/// and shown as raw codes before this test), so a new AuditTrail.Record call without them fails here, not on the page.
/// </summary>
public sealed partial class AuditWordsTests
{
    [Fact]
    public void Every_action_and_kind_of_thing_the_code_records_has_its_words()
    {
        var calls = new[] { "storage", "web", "silo", "grains" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(SharedData.RepositoryRoot, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(file => RecordCall().Matches(File.ReadAllText(file)))
            .ToList();
        // The pattern finds the calls, or this test would pass on nothing.
        Assert.True(calls.Count >= 40, $"only {calls.Count} AuditTrail.Record calls found");

        var actions = UiText.AuditCodes("act");
        var entities = UiText.AuditCodes("ent");
        foreach (var call in calls)
        {
            Assert.Contains(call.Groups["entity"].Value, entities);
            // An action given as literals (one, or one of two); a variable's values are the callers' create / update / upsert.
            foreach (Match action in Literal().Matches(call.Groups["action"].Value)) Assert.Contains(action.Groups[1].Value, actions);
        }
        foreach (var passed in new[] { "create", "update", "upsert" }) Assert.Contains(passed, actions);
    }

    /// <summary>AuditTrail.Record(connection, transaction, actor, action, "entity", …): the action's expression and the entity.</summary>
    [GeneratedRegex("""AuditTrail\.Record\(\s*\w+\s*,\s*\w+\s*,\s*[^,]+,\s*(?<action>[^,]+?)\s*,\s*"(?<entity>[^"]+)"\s*,""")]
    private static partial Regex RecordCall();

    [GeneratedRegex("\"([a-z_-]+)\"")]
    private static partial Regex Literal();
}
