using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SmartStore.Web.Security;

/// <summary>
/// The chain's reverse proxy in front of the web host (README: it binds to 127.0.0.1). Without this, every request came
/// from the proxy: the sign-in log recorded the proxy's address for everyone (its search for "an address trying many
/// accounts" found nothing), the sign-in throttle counted everyone's wrong passwords as one address's (five from anyone
/// locked an account out for everyone, a lockout meant for one address), and over HTTPS the sign-in cookie was not marked
/// Secure, since the request looked like plain HTTP. The proxy's X-Forwarded-For and X-Forwarded-Proto are believed from
/// loopback (a proxy on the same machine) and from the addresses in <c>Security:KnownProxies</c> (comma-separated, a proxy
/// on another host) — from no one else, so a client cannot claim an address by sending the header itself.
/// </summary>
public static class ReverseProxy
{
    public const string KnownProxiesSetting = "Security:KnownProxies";

    public static IApplicationBuilder UseReverseProxy(this IApplicationBuilder app, IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in KnownProxies(configuration)) options.KnownProxies.Add(proxy);
        return app.UseForwardedHeaders(options);
    }

    private static IEnumerable<IPAddress> KnownProxies(IConfiguration configuration)
    {
        foreach (var entry in (configuration[KnownProxiesSetting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(entry, out var address))
                throw new InvalidOperationException($"{KnownProxiesSetting}: '{entry}' is not an IP address (list the proxies' addresses, comma-separated).");
            yield return address;
        }
    }
}
