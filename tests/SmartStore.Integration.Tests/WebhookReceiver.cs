using System.Collections.Concurrent;
using System.Net;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// An endpoint on loopback that webhooks are sent to: it keeps every request and can refuse with a 500 the first few whose
/// body mentions <c>refusing</c> (other tests' events may reach it too).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Body, string? Signature, string? Kind, string? Delivery, bool Refused);

    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly string? _refusing;
    private readonly string? _answer;
    private int _refuseFirst;

    public ConcurrentQueue<Received> Requests { get; } = new();
    public string Url { get; }

    /// <param name="answer">the body of every 200 (a group robot's JSON, say); none by default.</param>
    /// <param name="url">where to listen (ending in /): an address an endpoint was given while nothing listened there; a free port by default.</param>
    public WebhookReceiver(int refuseFirst = 0, string? refusing = null, string? answer = null, string? url = null)
    {
        _refuseFirst = refuseFirst;
        _refusing = refusing;
        _answer = answer;
        Url = url ?? $"http://127.0.0.1:{Loopback.FreePort()}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Serve();
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var refused = _refusing is not null && body.Contains(_refusing) && Interlocked.Decrement(ref _refuseFirst) >= 0;
            Requests.Enqueue(new Received(body, context.Request.Headers["X-SmartStore-Signature"], context.Request.Headers["X-SmartStore-Event"],
                context.Request.Headers["X-SmartStore-Delivery"], refused));
            context.Response.StatusCode = refused ? 500 : 200;
            if (!refused && _answer is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(_answer));
            }
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
