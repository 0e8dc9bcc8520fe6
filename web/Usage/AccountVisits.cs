namespace SmartStore.Web.Usage;

/// <summary>
/// Cuts each account's pages into visits (访问次数): a page more than <see cref="Gap"/> after the account's last one begins a
/// new visit; otherwise the time since that page is time spent in SmartStore (停留时长). The last page of a visit adds
/// nothing — the time a board is watched without opening another page is not seen — so the figure is a floor, as web
/// analytics' session time is. Kept per web host: an account whose pages spread over two hosts has its visits counted
/// on each.
/// </summary>
public sealed class AccountVisits
{
    public static readonly TimeSpan Gap = TimeSpan.FromMinutes(30);

    private readonly Dictionary<string, DateTime> _lastPage = new();
    private readonly Lock _lock = new();

    /// <summary>Whether a page of <paramref name="username"/> at <paramref name="atUtc"/> begins a visit, and the seconds it adds.</summary>
    public (bool NewVisit, int Seconds) Page(string username, DateTime atUtc)
    {
        lock (_lock)
        {
            var known = _lastPage.TryGetValue(username, out var last);
            if (!known || atUtc > last) _lastPage[username] = atUtc;
            if (!known || atUtc - last > Gap) return (true, 0);
            return (false, atUtc > last ? (int)(atUtc - last).TotalSeconds : 0);
        }
    }

    /// <summary>Forgets accounts not seen for longer than a visit's gap: their next page begins a visit anyway.</summary>
    public void Forget(DateTime nowUtc)
    {
        lock (_lock)
            foreach (var stale in _lastPage.Where(p => nowUtc - p.Value > Gap).Select(p => p.Key).ToList())
                _lastPage.Remove(stale);
    }
}
