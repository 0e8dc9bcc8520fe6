namespace SmartStore.Web.Alerts;

/// <summary>An endpoint's address as people are shown it (消息推送's list, the API to managers).</summary>
public static class EndpointAddress
{
    /// <summary>
    /// A mailbox's recipients without the scheme; a web address with what its query carries cut to its first characters —
    /// a group robot's key is its password, and the page is no place to copy it from.
    /// </summary>
    public static string Shown(string address) =>
        address.StartsWith(AlertMail.Scheme, StringComparison.Ordinal) ? address[AlertMail.Scheme.Length..].Replace(",", ", ") : WithoutKeys(address);

    /// <summary>A web address with each query value cut to its first 4 characters and "…" (a robot's key=…, a token=…).</summary>
    public static string WithoutKeys(string address)
    {
        var query = address.IndexOf('?');
        if (query < 0) return address;
        var pairs = address[(query + 1)..].Split('&').Select(pair => pair.Split('=', 2) is [var name, var value] && value.Length > 4
            ? $"{name}={value[..4]}…" : pair);
        return $"{address[..query]}?{string.Join('&', pairs)}";
    }
}
