using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace SmartStore.Bench.Board;

/// <summary>A person signed in to the web host (form sign-in with its antiforgery token), timing the pages they open.</summary>
public sealed partial class BoardVisitor : IDisposable
{
    private readonly HttpClient _client;

    private BoardVisitor(HttpClient client) => _client = client;

    /// <summary>Pages answered other than 200 (each one a failure the benchmark reports).</summary>
    public int Failures { get; private set; }

    public static async Task<BoardVisitor> SignIn(Uri web, string username, string password, CancellationToken cancellation)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = web,
            Timeout = TimeSpan.FromSeconds(120),
        };
        var login = await client.GetStringAsync("/login", cancellation);
        var token = Token().Match(login).Groups[1].Value;
        var answer = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username, ["password"] = password, ["__RequestVerificationToken"] = token,
        }), cancellation);
        if (answer.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{username} could not sign in: {(int)answer.StatusCode}");
        return new BoardVisitor(client);
    }

    /// <summary>Opens a page as a browser that takes brotli would: seconds to the last byte, bytes as sent, and as the page reads.</summary>
    public async Task<(double Seconds, long SentBytes, long PageBytes)> Open(string path, CancellationToken cancellation)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var clock = Stopwatch.StartNew();
        using var response = await _client.SendAsync(request, cancellation);
        var sent = await response.Content.ReadAsByteArrayAsync(cancellation);
        var seconds = clock.Elapsed.TotalSeconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Failures++;
            Progress.Say($"  {path}: {(int)response.StatusCode} after {seconds:0.00} s");
            return (seconds, sent.Length, 0);
        }
        var page = response.Content.Headers.ContentEncoding.Contains("br") ? Decompressed(sent) : sent.Length;
        return (seconds, sent.Length, page);
    }

    /// <summary>Sends a request with a body (a sheet to import): seconds to the last byte, the status and the answer.</summary>
    public async Task<(double Seconds, HttpStatusCode Status, string Answer)> Post(string path, HttpContent content, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _client.PostAsync(path, content, cancellation);
        var answer = await response.Content.ReadAsStringAsync(cancellation);
        return (clock.Elapsed.TotalSeconds, response.StatusCode, answer);
    }

    /// <summary>Downloads a file (an export): seconds to the last byte and its bytes; a status other than 200 throws.</summary>
    public async Task<(double Seconds, byte[] Bytes)> Download(string path, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _client.GetAsync(path, cancellation);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellation);
        return (clock.Elapsed.TotalSeconds, bytes);
    }

    private static long Decompressed(byte[] sent)
    {
        using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(sent), System.IO.Compression.CompressionMode.Decompress);
        using var page = new MemoryStream();
        brotli.CopyTo(page);
        return page.Length;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
