using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace SmartStore.Integration.Tests;

/// <summary>Posts Razor Pages forms as a browser does: with the antiforgery token read from the page first.</summary>
public static partial class PageForms
{
    public const string TokenField = "__RequestVerificationToken";

    public static async Task<string> Token(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return TokenPattern().Match(html).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> PostForm(HttpClient client, string page, string url, Dictionary<string, string> fields)
    {
        fields[TokenField] = await Token(client, page);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpResponseMessage> PostFile(HttpClient client, string page, string url, string field, string fileName, string contentType, byte[] bytes)
    {
        var form = new MultipartFormDataContent { { new StringContent(await Token(client, page)), TokenField } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return await client.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
