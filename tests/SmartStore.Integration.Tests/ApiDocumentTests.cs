using System.Text.Json.Nodes;

namespace SmartStore.Integration.Tests;

/// <summary>The OpenAPI document as an integrator reads it: how to authenticate, a summary for every operation, what every read answers.</summary>
[Collection(SystemCollection.Name)]
public sealed class ApiDocumentTests(SmartStoreSystem system)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    [Fact]
    public async Task Every_operation_is_summarised_and_asks_for_an_api_key_unless_it_is_open()
    {
        using var client = system.Anonymous();
        var document = await (await client.GetAsync("/openapi/v1.json")).Json();
        var operations = Operations(document);
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

        // The reads integrations build on say what they answer (every read does: below).
        foreach (var read in new[] { "/api/stores", "/api/stores/{code}", "/api/skus", "/api/traffic/report", "/api/stores/{store}/shelf", "/api/live/cameras" })
            Assert.NotNull(Answer(document, read));
    }

    [Fact]
    public async Task Every_read_says_what_it_answers()
    {
        using var client = system.Anonymous();
        var document = await (await client.GetAsync("/openapi/v1.json")).Json();
        var operations = Operations(document);
        // A JSON schema, or a file's media type as binary; the language switch only redirects.
        var undeclared = operations.Where(o => o.Name.StartsWith("GET ", StringComparison.Ordinal) && o.Name != "GET /culture/{name}" && !(o.Operation["responses"]?["200"] is { } ok && HasBody(ok)))
            .Select(o => o.Name).ToList();
        Assert.True(undeclared.Count == 0, "Reads that do not say what they answer:\n" + string.Join('\n', undeclared));
        Assert.Equal("#/components/schemas/TodoList", Answer(document, "/api/todos")["$ref"]!.GetValue<string>());
        Assert.Contains("camerasOnline", document["components"]!["schemas"]!["ServiceHealth"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("#/components/schemas/BinaryFile", Operation(document, "/api/traffic/report.xlsx", "get")["responses"]!["200"]!["content"]!
            ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("binary", document["components"]!["schemas"]!["BinaryFile"]!["format"]!.GetValue<string>());
        Assert.NotNull(Operation(document, "/api/snapshots/{id}/image", "get")["responses"]!["200"]!["content"]!["image/jpeg"]);
        // Nested records whose own name says nothing are named for what they are.
        Assert.Equal("#/components/schemas/SignInEntry", Answer(document, "/api/sign-ins")["items"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task Numbers_are_typed_as_numbers()
    {
        using var client = system.Anonymous();
        var document = await (await client.GetAsync("/openapi/v1.json")).Json();
        var either = new List<string>();
        Walk(document, "", either);
        Assert.True(either.Count == 0, $"{either.Count} numbers typed as number-or-string, first:\n" + string.Join('\n', either.Take(10)));
        Assert.Equal("integer", document["components"]!["schemas"]!["Store"]!["properties"]!["staffCount"]!["type"]!.GetValue<string>());
        Assert.Equal("integer", Operation(document, "/api/stores", "get")["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "pageSize")!["schema"]!["type"]!.GetValue<string>());
    }

    /// <summary>Every schema under the node whose type lists a string beside a number.</summary>
    private static void Walk(JsonNode? node, string path, List<string> either)
    {
        if (node is JsonObject o)
        {
            if (o["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "string") && types.Any(t => t!.GetValue<string>() is "integer" or "number"))
                either.Add(path);
            foreach (var (key, value) in o) Walk(value, $"{path}/{key}", either);
        }
        else if (node is JsonArray a)
            for (int i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]", either);
    }

    [Fact]
    public async Task Every_write_says_what_it_answers_on_success()
    {
        using var client = system.Anonymous();
        var document = await (await client.GetAsync("/openapi/v1.json")).Json();
        // 201 with the record created, 200 with what was changed, or 204 with nothing: not a bare 200, which the generator
        // writes for an endpoint that declared nothing.
        var undeclared = Operations(document).Where(o => !o.Name.StartsWith("GET ", StringComparison.Ordinal))
            .Where(o => !o.Operation["responses"]!.AsObject().Any(r => r.Key == "204" || r.Key.StartsWith('2') && HasBody(r.Value!)))
            .Select(o => o.Name).ToList();
        Assert.True(undeclared.Count == 0, "Writes that do not say what they answer:\n" + string.Join('\n', undeclared));
        var created = Operation(document, "/api/cameras", "post")["responses"]!["201"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("#/components/schemas/CameraCreated", created["$ref"]!.GetValue<string>());
        Assert.NotNull(Operation(document, "/api/cameras/{code}", "delete")["responses"]!["204"]);
        Assert.Null(Operation(document, "/api/cameras/{code}", "delete")["responses"]!["200"]);
    }

    [Fact]
    public async Task Operations_declare_the_failures_they_can_answer()
    {
        using var client = system.Anonymous();
        var document = await (await client.GetAsync("/openapi/v1.json")).Json();
        string[] Codes(string path, string method) => Operation(document, path, method)["responses"]!.AsObject().Select(r => r.Key).Order().ToArray();

        // Every operation that needs a key says it may answer 401, as problem details.
        var without401 = Operations(document).Where(o => o.Name.Contains(" /api/", StringComparison.Ordinal) && o.Operation["security"] is null
            && o.Operation["responses"]!["401"]?["content"]?["application/problem+json"] is null).Select(o => o.Name).ToList();
        Assert.True(without401.Count == 0, "Operations needing a key without their 401:\n" + string.Join('\n', without401));
        Assert.Equal(["200", "400", "401"], Codes("/api/skus", "get"));                          // query fields; no scope, no record named
        Assert.Equal(["200", "401"], Codes("/api/me", "get"));
        Assert.Equal(["204", "400", "401", "403", "404"], Codes("/api/stores/{code}", "delete")); // head office's admins only
        Assert.Equal(["200", "400", "401", "403", "404"], Codes("/api/traffic/report", "get"));  // a store or region of the key's
        Assert.Contains("403", Codes("/api/todos/{id}/accept", "post"));                        // a to-do of a store not the key's
        Assert.Contains("403", Codes("/api/snapshots/{id}/image", "get"));                      // a camera not the key's
        Assert.DoesNotContain("403", Codes("/api/campaigns/{id}/effect", "get"));               // one not the key's is not found
        Assert.DoesNotContain("404", Codes("/api/recognition-models/{kind}", "put"));           // an unknown kind is a 400
        Assert.DoesNotContain("404", Codes("/api/dictionary/{kind}/{code}", "put"));            // a missing entry is added
        Assert.Contains("413", Codes("/api/skus/{code}/photos", "post"));
        Assert.Contains("429", Codes("/api/vision/persons", "post"));
        Assert.Equal(["200", "401"], Codes("/api/devices/{camera}/heartbeat", "post").Except(["400"]).ToArray());
        Assert.Equal(["200"], Codes("/healthz", "get").Except(["503"]).ToArray());
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails",
            Operation(document, "/api/skus", "get")["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    private static List<(string Name, JsonNode Operation)> Operations(JsonNode document) => document["paths"]!.AsObject()
        .SelectMany(path => path.Value!.AsObject().Where(o => Methods.Contains(o.Key)).Select(o => (Name: $"{o.Key.ToUpperInvariant()} {path.Key}", Operation: o.Value!)))
        .ToList();

    /// <summary>A response with a body of a declared schema (a record, or a file as binary).</summary>
    private static bool HasBody(JsonNode response) =>
        response["content"]?.AsObject().Any(media => media.Value?["schema"] is not null) == true;

    private static JsonNode Answer(JsonNode document, string path) => Operation(document, path, "get")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;

    private static JsonNode Operation(JsonNode document, string path, string method) => document["paths"]![path]![method]!;
}
