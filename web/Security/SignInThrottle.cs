using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SmartStore.Web.Security;

/// <summary>Settings of <see cref="SignInThrottle"/> (section <c>SignIn</c>).</summary>
public sealed class SignInThrottleOptions
{
    public int MaxFailures { get; set; } = 5;
    public TimeSpan LockoutFor { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Slows password guessing on the sign-in form: after too many failures for one username from one
/// address, that pair is refused for a while, right password or not. Keyed by both, so nobody can lock
/// the admin out from elsewhere; kept per web host, which is enough to stop guessing at line speed.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Address, string User), (int Failures, DateTimeOffset Last)> _failures = new();

    public bool IsLockedOut(string address, string user)
    {
        if (!_failures.TryGetValue(Key(address, user), out var entry)) return false;
        if (clock.GetUtcNow() - entry.Last > options.Value.LockoutFor)
        {
            _failures.TryRemove(Key(address, user), out _);
            return false;
        }
        return entry.Failures >= options.Value.MaxFailures;
    }

    public void Failed(string address, string user)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(Key(address, user), _ => (1, now),
            (_, e) => now - e.Last > options.Value.LockoutFor ? (1, now) : (e.Failures + 1, now));
    }

    public void Succeeded(string address, string user) => _failures.TryRemove(Key(address, user), out _);

    private static (string, string) Key(string address, string user) => (address, user.Trim().ToLowerInvariant());
}
