using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace SmartStore.Bench.Board;

/// <summary>Every camera of the chain reports once (HTTP heartbeat with its credentials), as a chain's cameras do all day.</summary>
public static class HeartbeatRound
{
    /// <returns>Heartbeats a second, and how many were not answered 200.</returns>
    public static async Task<(double PerSecond, int Failed)> Run(Uri web, IReadOnlyList<(string Camera, string Secret)> cameras, int clients,
        CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(60) };
        var next = -1;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < cameras.Count; i = Interlocked.Increment(ref next))
            {
                var (camera, secret) = cameras[i];
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{camera}/heartbeat");
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{camera}:{secret}")));
                using var response = await http.SendAsync(request, cancellation);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
            }
        }));
        return (cameras.Count / clock.Elapsed.TotalSeconds, failed);
    }
}
