using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartStore.Integration.Tests;

/// <summary>Small conveniences for talking JSON to the API as an integrator would.</summary>
public static class ApiJson
{
    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutRaw(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static async Task<JsonNode> Json(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static async Task<string> Detail(this HttpResponseMessage response) =>
        (await response.Json())["detail"]?.GetValue<string>() ?? "";

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Creates an account as head office does (asserting it was created) and returns its first password.</summary>
    public static async Task<string> NewAccount(this HttpClient admin, object account)
    {
        var created = await admin.PostJson("/api/accounts", account);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Json())["password"]!.GetValue<string>();
    }

    public static object NewStore(string code, string region = "EAST", double latitude = 31.23, double longitude = 121.47) => new
    {
        code,
        name = $"测试门店 {code}",
        regionCode = region,
        city = "上海",
        address = "黄浦区测试路1号",
        latitude,
        longitude,
        tags = new[] { "mall" },
        timeZone = "Asia/Shanghai",
        staffCount = 5,
    };
}
