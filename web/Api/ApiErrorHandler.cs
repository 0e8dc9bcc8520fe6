using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Turns what a caller got wrong into a 4xx with a sentence that says what: malformed or unknown JSON, a refused
/// master-data change. The silo or the database not answering (restarting, unreachable, too busy) is a 503 with
/// Retry-After: the caller's request was fine and is worth sending again — a POS integration retries a 503, and may give
/// up on a 500. Anything else is a 500 that is logged, and the server keeps serving. The API gets problem+json; a page,
/// the status page in the reader's language (not a JSON text on the HQ board while the silo restarts).
/// </summary>
public sealed class ApiErrorHandler(IProblemDetailsService problems, ILogger<ApiErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, "Malformed JSON", JsonMessage(json)),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            MasterDataConflict conflict => (conflict.IsConflict ? 409 : 400, conflict.IsConflict ? "Conflict" : "Invalid reference", conflict.Message),
            _ when SiloNotAnswering(exception) =>
                (503, "Service unavailable", "The analysis service (silo) is not answering just now. Send the request again shortly."),
            _ when DatabaseOutage.Is(exception) =>
                (503, "Service unavailable", "The database is not answering just now. Send the request again shortly."),
            _ => (500, "Server error", "The server could not complete the request; it has been logged."),
        };
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        else logger.LogInformation("Rejected {Method} {Path}: {Detail}", context.Request.Method, context.Request.Path, detail);
        context.Response.StatusCode = status;
        if (status == 503) context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds;
        // A page is answered by the status page (the status-code middleware around this one renders it for a bodiless error).
        if (!SmartStore.Web.Security.AuthenticationSetup.IsApi(context.Request)) return true;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    // Orleans rejects a call to a silo that is gone or shedding load, fails to connect to any gateway, or times the call out.
    private static bool SiloNotAnswering(Exception exception) =>
        exception is OrleansMessageRejectionException or GatewayTooBusyException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException;

    /// <summary>System.Text.Json says which member or position is wrong; pass that on.</summary>
    private static string JsonMessage(JsonException json)
    {
        var where = json.Path is { Length: > 0 } path ? $" at {path}" : "";
        return json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? $"The body has a field this endpoint does not know{where}: {json.Message}"
            : $"The body is not valid JSON for this endpoint{where}: {json.Message}";
    }
}
