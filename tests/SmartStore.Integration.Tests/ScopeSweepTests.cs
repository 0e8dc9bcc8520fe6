using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// A region manager and a store manager ask every API operation and every page about a store, its cameras, its region
/// and its records, all outside their scope: each answer is a refusal (4xx), or, where a list is filtered, leaves the
/// store out. The sweep reads the API's own document and the app's page routes, so an endpoint or page added later is
/// asked too; a path value the sweep cannot fill must be named chain-wide below, or the test fails. ScopeTests holds the
/// worded refusals; this is the net under every route (until now only the operations those tests name were asked).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class ScopeSweepTests(SmartStoreSystem system)
{
    // What these paths name belongs to no store: the SKU master, menus, the data dictionary, recognition models, one's own
    // API keys, the page language, the status pages.
    private static readonly string[] ChainWide =
        ["/api/skus/", "/api/menus/", "/api/dictionary/", "/api/recognition-models/", "/api/api-keys/", "/culture/", "/skus/", "/status/"];

    // Region and store managers of the demo chain; S0016 is a SOUTH store, S0009 an EAST one (the region manager's own
    // region, another store than the store manager's). Each store's pictures come from a camera of the test's own, so the
    // demo cameras other tests upload to are left alone.
    public static TheoryData<string, string, string> Outsiders => new()
    {
        { "east", "S0016", "CAM-X0969-E1" },
        { "s0001", "S0009", "CAM-X0969-E2" },
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Every_operation_and_page_refuses_or_leaves_out_what_is_outside_ones_scope(string user, string store, string camera)
    {
        using var admin = await system.SignedIn("admin");
        var outside = await OutsideRecords.Make(system, admin, store, camera);
        try
        {
            using var client = await system.SignedIn(user);
            var failures = new List<string>();
            var asked = await AskTheApi(client, outside, failures) + await AskThePages(client, outside, failures);
            Assert.True(asked > 150, $"only {asked} requests asked");
            Assert.True(failures.Count == 0, $"{failures.Count} of {asked} answers reached outside {user}'s scope:\n{string.Join('\n', failures.Take(20))}");
            // A list of tasks to remove naming another region's task removes none of them.
            await client.PostJson("/api/inspections/tasks/remove", new { ids = new[] { outside.Task } });
            Assert.Contains((await (await admin.GetAsync("/api/inspections/tasks")).Json())["tasks"]!.AsArray(), t => t!["id"]!.GetValue<long>() == outside.Task);
        }
        finally
        {
            await outside.Remove(admin);
        }
    }

    /// <summary>Every operation of the API document: those with a path value, with the outside one; reads, with each scoping query.</summary>
    private static async Task<int> AskTheApi(HttpClient client, OutsideRecords outside, List<string> failures)
    {
        var api = await (await client.GetAsync("/openapi/v1.json")).Json();
        var asked = 0;
        foreach (var (path, item) in api["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (path.Contains('{'))
            {
                if (Filled(path, outside, failures) is not { } url) continue;
                var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                if (method is "post" or "put" or "patch") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                await Refused(client, request, failures);
                asked++;
            }
            else if (method == "get")
            {
                foreach (var query in ScopingQueries(operation, outside))
                {
                    await RefusedOrLeftOut(client, new HttpRequestMessage(HttpMethod.Get, $"{path}?{query}"), outside, failures);
                    asked++;
                }
            }
        }
        return asked;
    }

    /// <summary>Every page route: those with a route value, with the outside one; the others with each scoping query.</summary>
    private async Task<int> AskThePages(HttpClient client, OutsideRecords outside, List<string> failures)
    {
        var asked = 0;
        foreach (var route in (await OddInputTests.PageRoutes(system)).Keys)
        {
            if (route.Contains('{'))
            {
                if (Filled(route, outside, failures) is not { } url) continue;
                await Refused(client, new HttpRequestMessage(HttpMethod.Get, url), failures);
                asked++;
                continue;
            }
            if (route is "/logout" or "/login") continue;
            foreach (var query in new[] { $"store={outside.Store}", $"region={outside.Region}", $"camera={outside.Door}" })
            {
                await RefusedOrLeftOut(client, new HttpRequestMessage(HttpMethod.Get, $"{route}?{query}"), outside, failures);
                asked++;
            }
        }
        return asked;
    }

    /// <summary>The path with each value naming the outside store, camera, region or record; null (and a failure where it is not chain-wide) when one cannot be filled.</summary>
    private static string? Filled(string path, OutsideRecords outside, List<string> failures)
    {
        var unfilled = false;
        var url = RouteValue().Replace(path, m => Value(path, m.Groups["name"].Value, outside) ?? (unfilled = true).ToString());
        if (!unfilled) return url;
        if (!ChainWide.Any(path.StartsWith)) failures.Add($"{path}: a value the sweep cannot fill — fill it in Value, or name the path chain-wide");
        return null;
    }

    private static string? Value(string path, string name, OutsideRecords outside) => name switch
    {
        "store" => outside.Store,
        "camera" => outside.Door,
        "code" when path.StartsWith("/api/stores/") || path.StartsWith("/stores/") => outside.Store,
        "code" when path.StartsWith("/api/regions/") => outside.Region,
        "code" when path.StartsWith("/api/cameras/") || path.StartsWith("/cameras/") => path.Contains("/planograms") || path.Contains("/presets") ? outside.Dome : outside.Door,
        "preset" => "1",
        "username" => "admin",
        "eventId" => "1",
        "id" => RecordId(path, outside),
        _ => null,
    };

    /// <summary>The outside record a path's id names; under a path already naming the outside store, any id.</summary>
    private static string? RecordId(string path, OutsideRecords outside)
    {
        if (path.StartsWith("/api/stores/{")) return outside.Shift.ToString();
        (string Prefix, long Id)[] records =
        [
            ("/api/snapshots/", outside.Snapshot), ("/snapshots/", outside.Snapshot), ("/api/todos/", outside.Todo),
            ("/api/inspections/captures/", outside.Capture), ("/api/inspections/tasks/", outside.Task),
            ("/api/campaigns/", outside.Campaign), ("/api/webhooks/", outside.Webhook),
        ];
        return records.Where(r => path.StartsWith(r.Prefix)).Select(r => r.Id.ToString()).FirstOrDefault();
    }

    /// <summary>The operation's scoping query fields, each alone with the outside value.</summary>
    private static IEnumerable<string> ScopingQueries(JsonNode? operation, OutsideRecords outside)
    {
        foreach (var name in (operation?["parameters"]?.AsArray() ?? []).Where(p => p?["in"]?.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()))
        {
            var value = name.ToLowerInvariant() switch
            {
                "store" or "storecode" => outside.Store,
                "region" or "regioncode" => outside.Region,
                "camera" or "cameracode" => outside.Door,
                _ => null,
            };
            if (value is not null) yield return $"{name}={value}";
        }
    }

    private static async Task Refused(HttpClient client, HttpRequestMessage request, List<string> failures)
    {
        using var sent = request;
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status is < 400 or >= 500) failures.Add($"{request.Method} {request.RequestUri} → {status}");
    }

    private static async Task RefusedOrLeftOut(HttpClient client, HttpRequestMessage request, OutsideRecords outside, List<string> failures)
    {
        using var sent = request;
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500 || status is >= 300 and < 400) failures.Add($"{request.Method} {request.RequestUri} → {status}");
        else if (status < 300 && body.Contains(outside.StoreName)) failures.Add($"{request.Method} {request.RequestUri} → {status}, naming {outside.StoreName}");
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteValue();

    /// <summary>A store outside the asker's scope, with a record of every kind a path names by id, made by head office.</summary>
    private sealed record OutsideRecords(string Store, string StoreName, string Region, long Snapshot, long Todo, long Shift, long Capture, long Task, long Campaign, long Webhook)
    {
        public string Door => $"CAM-{Store}-E1";
        public string Dome => $"CAM-{Store}-P1";

        public static async Task<OutsideRecords> Make(SmartStoreSystem system, HttpClient admin, string store, string camera)
        {
            var found = await (await admin.GetAsync($"/api/stores/{store}")).Json();
            var (name, region) = (found["name"]!.GetValue<string>(), found["regionCode"]!.GetValue<string>());
            var made = await (await admin.PostJson("/api/cameras", new { code = camera, kind = "entrance", storeCode = store })).Json();
            var snapshot = await Upload(system, camera, made["secret"]!.GetValue<string>());
            var todo = (await (await admin.PostJson("/api/todos", new { store, text = "门口地垫缺失" })).Json())["id"]!.GetValue<long>();
            // Head office plans for SOUTH: outside both askers' scope (the store manager's region is EAST).
            var task = (await (await admin.PostJson("/api/inspections/tasks", new
            {
                name = "南区门头检查", at = "23:59", weekdays = new[] { 1 }, cameraKind = "entrance", regionCode = "SOUTH", storeTag = (string?)null,
            })).Json())["id"]!.GetValue<long>();
            var campaign = (await (await admin.PostJson("/api/campaigns", new { name = "南区周末促销", from = "2026-06-01", to = "2026-06-07", regionCode = "SOUTH", storeTag = (string?)null })).Json())["id"]!.GetValue<long>();
            var webhook = (await (await admin.PostJson("/api/webhooks", new { name = "南区群", url = "http://127.0.0.1:9/hook", format = "json", regionCode = "SOUTH", kinds = new[] { "camera-offline" } })).Json())["id"]!.GetValue<long>();
            await using var connection = await system.Database.Database.Open();
            var shift = await connection.ExecuteScalarAsync<long>("SELECT id FROM store_shifts WHERE store_code = @store ORDER BY id LIMIT 1", new { store });
            var capture = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO inspection_captures (task_id, store_code, camera_code, day_local, due_utc, snapshot_id, pictured_utc, status)
                VALUES (@task, @store, @camera, CURRENT_DATE, now(), @snapshot, now(), 'captured') RETURNING id
                """, new { task, store, camera, snapshot });
            return new OutsideRecords(store, name, region, snapshot, todo, shift, capture, task, campaign, webhook);
        }

        /// <summary>Removes what would otherwise run on (the task, the campaign, the webhook); the to-do and the picture stay, as any store's.</summary>
        public async Task Remove(HttpClient admin)
        {
            await admin.DeleteAsync($"/api/inspections/tasks/{Task}");
            await admin.DeleteAsync($"/api/campaigns/{Campaign}");
            await admin.DeleteAsync($"/api/webhooks/{Webhook}");
        }

        private static async Task<long> Upload(SmartStoreSystem system, string camera, string secret)
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(system.IngestAddress, $"/api/ingest/{camera}"))
            {
                Content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images", "000060.jpg"))),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{camera}:{secret}")));
            using var response = await http.SendAsync(request);
            return (await response.Json())["snapshotId"]!.GetValue<long>();
        }
    }
}
