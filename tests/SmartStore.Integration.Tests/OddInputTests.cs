using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SmartStore.Integration.Tests;

/// <summary>
/// Odd values sent to every path of the API and every page, as stop 44 did by hand (about 100,000 requests found seven
/// kinds of server error, each fixed with its own test): the suite keeps a small sweep of it, so a new endpoint or page
/// that fails on odd input as a 500 is caught when it is added.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class OddInputTests(SmartStoreSystem system)
{
    // Values no record has, nor any valid number, date or name would be.
    private static readonly string[] OddValues =
        ["zz-none", "", "%00", "%27%20OR%201%3D1--", "-1", "0", "null", "99999999999999999999", "%F0%9F%99%82", "2026-13-45", new string('x', 600)];

    [Fact]
    public async Task No_API_path_answers_a_server_error_to_odd_path_and_query_values()
    {
        using var admin = await system.SignedIn("admin");
        var api = await (await admin.GetAsync("/openapi/v1.json")).Json();
        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, item) in api["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            // Reads, and writes to a path naming a record that does not exist: nothing the other tests use is changed.
            if (method != "get" && !path.Contains('{')) continue;
            foreach (var odd in OddValues)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), Url(path, method, operation, odd));
                if (method is "post" or "put" or "patch") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var response = await admin.SendAsync(request);
                sent++;
                if ((int)response.StatusCode >= 500) failures.Add($"{request.Method} {request.RequestUri} → {(int)response.StatusCode}");
            }
        }
        // The document lists the API, or this test would pass on nothing.
        Assert.True(sent > 800, $"only {sent} requests sent");
        NoServerErrors(failures, sent);
    }

    [Fact]
    public async Task No_page_answers_a_server_error_to_odd_route_and_query_values()
    {
        using var admin = await system.SignedIn("admin");
        var routes = await PageRoutes(system);
        var failures = new List<string>();
        var sent = 0;
        foreach (var (route, fields) in routes)
        foreach (var odd in OddValues)
        {
            var url = PathValue().Replace(route, odd) + "?" + string.Join('&', fields.Select(f => $"{f}={odd}"));
            using var response = await admin.GetAsync(url);
            sent++;
            if ((int)response.StatusCode >= 500) failures.Add($"GET {url} → {(int)response.StatusCode}");
        }
        Assert.True(routes.Count > 30, $"only {routes.Count} page routes found");
        Assert.True(routes.Values.Sum(f => f.Count) > routes.Count * PageQueryFields.Length, "no page's own query fields were found");
        NoServerErrors(failures, sent);
    }

    /// <summary>
    /// Every page's route (the API is the test above's) with the query fields to send: those many pages read, and the
    /// page's own — its GET handler's parameters and its bound properties, from the compiled page.
    /// </summary>
    internal static async Task<Dictionary<string, HashSet<string>>> PageRoutes(SmartStoreSystem system)
    {
        var loader = system.WebServices.GetRequiredService<PageLoader>();
        var routes = new Dictionary<string, HashSet<string>>();
        foreach (var endpoint in system.WebServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor) continue;
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (route == "/logout") continue;   // stays signed in
            var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var own = page.HandlerMethods.Where(h => h.HttpMethod is null or "Get").SelectMany(h => h.Parameters)
                .Where(p => p.ParameterType != typeof(CancellationToken)).Select(p => p.BindingInfo?.BinderModelName ?? p.Name)
                .Concat(page.BoundProperties.Select(p => p.BindingInfo?.BinderModelName ?? p.Name))
                .Where(name => endpoint.RoutePattern.GetParameter(name) is null);
            if (!routes.TryGetValue(route, out var fields)) routes[route] = fields = new HashSet<string>(PageQueryFields, StringComparer.OrdinalIgnoreCase);
            fields.UnionWith(own);
        }
        return routes;
    }

    private static void NoServerErrors(List<string> failures, int sent) =>
        Assert.True(failures.Count == 0, $"{failures.Count} server errors of {sent} requests:\n{string.Join('\n', failures.Take(20))}");

    // The query fields many pages read (search, scope, day and span, paging, filters), sent to every page with its own.
    private static readonly string[] PageQueryFields = ["q", "region", "store", "day", "date", "from", "to", "page", "show", "by", "kind", "status", "month"];

    /// <summary>The path with each of its values odd; a read also with each of its query fields odd.</summary>
    private static string Url(string path, string method, JsonNode? operation, string odd)
    {
        var url = PathValue().Replace(path, odd);
        if (method != "get") return url;
        var query = (operation?["parameters"]?.AsArray() ?? []).Where(p => p?["in"]?.GetValue<string>() == "query")
            .Select(p => $"{p!["name"]!.GetValue<string>()}={odd}").ToList();
        return query.Count == 0 ? url : $"{url}?{string.Join('&', query)}";
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathValue();
}
