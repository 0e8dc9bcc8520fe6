using SmartStore.Testing;
using SmartStore.Web.Security;

namespace SmartStore.Integration.Tests;

/// <summary>
/// Every answer — a page, the API, a static file, the not-found page — tells the browser to run only this site's own
/// scripts, to be shown in no other site's frame and to read files as the type they are sent as.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class BrowserPolicyTests(SmartStoreSystem system)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/api/stores")]
    [InlineData("/js/busy-forms.js")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_browser_policy(string path)
    {
        using var admin = await system.SignedIn("admin");
        using var response = await admin.GetAsync(path);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(BrowserPolicy.ContentSecurityPolicy("'none'"), policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.EndsWith("frame-ancestors 'none'", policy);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public void No_page_carries_an_inline_script_or_handler_the_policy_would_refuse()
    {
        var pages = Path.Combine(SharedData.RepositoryRoot, "web", "Pages");
        var inline = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, i, line)))
            .Where(l => InlineHandler().IsMatch(l.line) || InlineScript().IsMatch(l.line) || l.line.Contains("javascript:", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(pages, l.file)}:{l.i + 1}").ToList();
        Assert.Empty(inline);
    }

    /// <summary>An attribute such as onclick="…" or onsubmit="…".</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""\son[a-z]+\s*=\s*["']""")]
    private static partial System.Text.RegularExpressions.Regex InlineHandler();

    /// <summary>A script element without a src that is not a JSON data block.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""<script(?![^>]*(\bsrc=|type="application/json"))[^>]*>""")]
    private static partial System.Text.RegularExpressions.Regex InlineScript();
}
