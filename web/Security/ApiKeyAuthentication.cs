using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SmartStore.Storage;

namespace SmartStore.Web.Security;

/// <summary>Authenticates integrators by the <c>X-Api-Key</c> header (or a bearer token) against the hashed keys in PostgreSQL.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys, ApiKeyUsage usage)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } presented) return AuthenticateResult.NoResult();
        var key = await keys.Verify(presented);
        if (key is null)
        {
            Logger.LogWarning("Rejected API key from {Address}", Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        usage.Called(key.Id, DateTime.UtcNow);
        var identity = new ClaimsIdentity(ScopeClaims.For($"apikey:{key.Prefix}", key.Name, key.Scope), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>
    /// The key a request carries: in <c>X-Api-Key</c>, or as <c>Authorization: Bearer ssk_…</c> — the one header a
    /// monitoring system's scraper (Prometheus) can be given.
    /// </summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var values)) return values.ToString();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization[BearerPrefix.Length..].Trim() is { } token
               && token.StartsWith(ApiKeys.KeyStart, StringComparison.Ordinal)
            ? token
            : null;
    }

    private const string BearerPrefix = "Bearer ";

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await Results.Problem(statusCode: 401, title: "Unauthorized",
            detail: failure ?? "Sign in, or send an API key in the X-Api-Key header.").ExecuteAsync(Context);
    }
}
