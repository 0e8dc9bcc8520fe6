using System.Text.Json.Nodes;

namespace SmartStore.Integration.Tests;

/// <summary>The OpenAPI document as an integrator reads it: how to authenticate, and a summary for every operation.</summary>
[Collection(SystemCollection.Name)]
public sealed class ApiDocumentTests(SmartStoreSystem system)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    [Fact]
    public async Task Every_operation_is_summarised_and_asks_for_an_api_key_unless_it_is_open()
    {
        using var client = system.Anonymous();
        var document = await (await client.GetAsync("/openapi/v1.json")).Json();
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => Methods.Contains(o.Key)).Select(o => (Name: $"{o.Key.ToUpperInvariant()} {path.Key}", Operation: o.Value!)))
            .ToList();
        Assert.True(operations.Count > 100, $"only {operations.Count} operations documented");
        var unsummarised = operations.Where(o => string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>())).Select(o => o.Name).ToList();
        Assert.True(unsummarised.Count == 0, "Operations without a summary:\n" + string.Join('\n', unsummarised));

        var key = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (key["type"]!.GetValue<string>(), key["in"]!.GetValue<string>(), key["name"]!.GetValue<string>()));
        Assert.Contains(document["security"]!.AsArray(), requirement => requirement!.AsObject().ContainsKey("ApiKey"));
        // Open operations say so; the others inherit the document's requirement.
        Assert.Empty(Operation(document, "/healthz", "get")["security"]!.AsArray());
        Assert.Empty(Operation(document, "/api/devices/{camera}/heartbeat", "post")["security"]!.AsArray());
        Assert.Null(Operation(document, "/api/stores", "get")["security"]);
        Assert.Contains("X-Api-Key", document["info"]!["description"]!.GetValue<string>());

        // Strings are typed as strings, in parameters and in records alike.
        Assert.Equal("string", Operation(document, "/api/stores", "get")["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "q")!["schema"]!["type"]!.GetValue<string>());
        Assert.Equal("string", document["components"]!["schemas"]!["Store"]!["properties"]!["name"]!["type"]!.GetValue<string>());

        // The reads integrations build on say what they answer.
        foreach (var read in new[] { "/api/stores", "/api/stores/{code}", "/api/skus", "/api/cameras", "/api/traffic/report", "/api/traffic/stores",
                     "/api/stores/{store}/shelf", "/api/display/report", "/api/cameras/{code}/planograms", "/api/regions", "/api/live/cameras" })
            Assert.True(Operation(document, read, "get")["responses"]!["200"]!["content"]?["application/json"]?["schema"] is not null, $"GET {read} has no response schema");
    }

    private static JsonNode Operation(JsonNode document, string path, string method) => document["paths"]![path]![method]!;
}
