using System.Text;

namespace SmartStore.Storage;

/// <summary>A camera's login as it arrives over HTTP: Basic authentication, user = camera code, password = its secret.</summary>
public sealed record CameraCredentials(string CameraCode, string Secret)
{
    /// <summary>Reads an <c>Authorization: Basic …</c> header value; null when it is missing or malformed.</summary>
    public static CameraCredentials? FromBasicHeader(string? authorization)
    {
        const string scheme = "Basic ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[scheme.Length..].Trim()));
            var colon = pair.IndexOf(':');
            return colon <= 0 ? null : new CameraCredentials(pair[..colon], pair[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
