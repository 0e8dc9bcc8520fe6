namespace SmartStore.Web.Security;

/// <summary>
/// What every answer tells the browser about itself. The pages show a chain's live figures, its cameras' pictures and
/// forms that change master data, so: nothing but this site's own scripts runs in them (an injected script or an
/// inline handler is refused — the pages keep their scripts in files), no other site may show them in a frame and
/// trick a click on "remove" (clickjacking; <c>Security:FrameAncestors</c> names a portal that may, e.g.
/// <c>https://portal.example.com</c>), a file is read as the type it is sent as, and links to other sites carry no
/// address of ours (a store's page names its code).
/// </summary>
public static class BrowserPolicy
{
    public const string FrameAncestorsSetting = "Security:FrameAncestors";

    /// <summary>
    /// Inline styles stay allowed: the charts size and place their own elements by style attributes. Images may be
    /// data: and blob: URLs (a photo previewed and shrunk in the browser before it is sent); 'self' covers the live
    /// feed's WebSocket.
    /// </summary>
    public static string ContentSecurityPolicy(string frameAncestors) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; " +
        $"form-action 'self'; frame-ancestors {frameAncestors}";

    public static IApplicationBuilder UseBrowserPolicy(this IApplicationBuilder app, IConfiguration configuration)
    {
        var ancestors = configuration[FrameAncestorsSetting] is { Length: > 0 } allowed ? allowed.Trim() : "'none'";
        var policy = ContentSecurityPolicy(ancestors);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                // Older browsers read only this one; a portal named above is allowed by the policy's frame-ancestors.
                if (ancestors == "'none'") headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
