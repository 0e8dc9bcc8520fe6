using System.Net.Http.Headers;
using System.Text;

namespace SmartStore.Simulator;

/// <summary>One simulated camera: sends heartbeats with its credentials, and misbehaves when told to.</summary>
public sealed class DemoCamera(string code, string secret, HttpClient http, SimulatorTally tally)
{
    public string Code { get; } = code;
    public DateTime? SilentFromUtc { get; init; }
    public bool WrongPassword { get; init; }

    public async Task Run(TimeSpan every, CancellationToken stop)
    {
        // Spread the first beats so 60 cameras do not all knock at once.
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(every.TotalMilliseconds, 5000))), stop);
        using var timer = new PeriodicTimer(every);
        do
        {
            if (SilentFromUtc is { } silent && DateTime.UtcNow >= silent)
            {
                tally.Silent(Code);
                continue;
            }
            await Beat(stop);
        } while (await timer.WaitForNextTickAsync(stop));
    }

    private async Task Beat(CancellationToken stop)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{Code}/heartbeat");
        var password = WrongPassword ? secret + "-wrong" : secret;
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Code}:{password}")));
        try
        {
            using var response = await http.SendAsync(request, stop);
            if (response.IsSuccessStatusCode) tally.Accepted();
            else tally.Rejected(Code, (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            tally.Failed(e.Message);
        }
    }
}
