using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartStore.Models;

namespace SmartStore.Simulator;

/// <summary>
/// The demo stores' opening hours as the chain has them on file, read through the API with the demo POS's key and read
/// again every few minutes, so an edit on a store's page (special hours, a closed day) is followed. While a store is
/// closed its door, floor and till cameras send their empty views: nobody walks in at 3 a.m. and nobody is inside, so
/// the board's 店内人数 and the next day's off-hours flags show what a closed store does. A store not on file (the key
/// missing, the web not answering yet) counts as open, as the simulator always did.
/// </summary>
public sealed class StoreHours(HttpClient http, string? apiKey)
{
    public static readonly TimeSpan ReadEvery = TimeSpan.FromMinutes(5);

    // The API writes its enums in snake case (weekdays included); the rest is the web's default naming.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private volatile IReadOnlyDictionary<string, (OpeningHours Hours, TimeZoneInfo Zone)> _stores =
        new Dictionary<string, (OpeningHours, TimeZoneInfo)>();

    private bool Known => _stores.Count > 0;

    /// <summary>Whether the store is open at that instant by the hours on file, in its own time zone.</summary>
    public bool IsOpen(string storeCode, DateTime utc) =>
        !_stores.TryGetValue(storeCode, out var store)
        || store.Hours.IsOpenAt(TimeZoneInfo.ConvertTimeFromUtc(utc, store.Zone));

    /// <summary>Whether the store has closed for good by that instant (闭店): its cameras are taken down and send nothing.</summary>
    public bool ClosedDown(string storeCode, DateTime utc) =>
        _stores.TryGetValue(storeCode, out var store) && store.Hours.ClosedDownBy(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, store.Zone)));

    /// <summary>The stores closed at that instant, for the progress output.</summary>
    public IReadOnlyList<string> ClosedAt(DateTime utc) => _stores.Keys.Where(code => !IsOpen(code, utc)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads the hours again every <see cref="ReadEvery"/> until stopped (after a first <see cref="Refresh"/>).</summary>
    public async Task Follow(Action<string> say, CancellationToken stop)
    {
        if (apiKey is null) return;
        using var timer = new PeriodicTimer(ReadEvery);
        while (await timer.WaitForNextTickAsync(stop)) await Refresh(say, stop);
    }

    /// <summary>Reads the hours on file and says which stores are closed when that changed; a failed read keeps the last hours and says why.</summary>
    public async Task Refresh(Action<string> say, CancellationToken stop)
    {
        if (apiKey is null) { say("no API key in secrets.json: every store counts as open (its cameras always send people)"); return; }
        try
        {
            _stores = await Read(stop);
            var closed = ClosedAt(DateTime.UtcNow);
            var down = closed.Where(code => ClosedDown(code, DateTime.UtcNow)).ToList();
            var said = $"stores closed now by their hours on file: {closed.Count} of {_stores.Count}{(closed.Count == down.Count ? "" : $" ({Listed(closed.Except(down).ToList())}): their door, floor and till cameras send their empty views")}"
                + (down.Count == 0 ? "" : $"; closed for good: {Listed(down)}, their cameras send nothing");
            if (said != _closedSaid) say(said);
            _closedSaid = said;
        }
        catch (Exception e) when (!stop.IsCancellationRequested
            && e is HttpRequestException or JsonException or InvalidDataException or TaskCanceledException)
        {
            say($"store hours not read ({e.Message}); {(Known ? "keeping the hours read before" : "every store counts as open")}");
        }
    }

    private string? _closedSaid;

    private static string Listed(IReadOnlyList<string> codes) => codes.Count <= 6 ? string.Join(", ", codes) : $"{string.Join(", ", codes.Take(5))} … {codes[^1]}";

    private async Task<IReadOnlyDictionary<string, (OpeningHours, TimeZoneInfo)>> Read(CancellationToken stop)
    {
        var stores = new Dictionary<string, (OpeningHours, TimeZoneInfo)>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/stores?page={page}&pageSize=200");
            request.Headers.Add("X-Api-Key", apiKey);
            using var response = await http.SendAsync(request, stop);
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET /api/stores answered HTTP {(int)response.StatusCode}");
            var listed = await response.Content.ReadFromJsonAsync<Page<Store>>(Json, stop) ?? throw new InvalidDataException("GET /api/stores answered nothing");
            // A store whose time zone this machine does not know stays off the list: it counts as open.
            foreach (var store in listed.Items)
                if (TimeZoneInfo.TryFindSystemTimeZoneById(store.TimeZone, out var zone)) stores[store.Code] = (store.OpeningHours, zone);
            if (listed.Items.Count == 0 || page * 200 >= listed.Total) return stores;
        }
    }
}
