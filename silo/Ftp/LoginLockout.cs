using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SmartStore.Silo.Ingest;

namespace SmartStore.Silo.Ftp;

/// <summary>
/// Counts failed FTP logins per source address and locks an address out after too many, so a
/// password cannot be guessed at line speed. Kept per silo: each silo guards its own endpoint.
/// </summary>
public sealed class LoginLockout(IOptions<FtpOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Since)> _failures = new();

    public bool IsLockedOut(string address)
    {
        if (!_failures.TryGetValue(address, out var entry)) return false;
        if (clock.GetUtcNow() - entry.Since > options.Value.LockoutFor)
        {
            _failures.TryRemove(address, out _);
            return false;
        }
        return entry.Failures >= options.Value.MaxLoginFailures;
    }

    /// <summary>Records a failure; true when this one locked the address out.</summary>
    public bool Failed(string address)
    {
        var now = clock.GetUtcNow();
        var entry = _failures.AddOrUpdate(address, _ => (1, now),
            (_, e) => now - e.Since > options.Value.LockoutFor ? (1, now) : (e.Failures + 1, now));
        return entry.Failures >= options.Value.MaxLoginFailures;
    }

    public void Succeeded(string address) => _failures.TryRemove(address, out _);
}
