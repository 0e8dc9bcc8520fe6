using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartStore.Storage;

namespace SmartStore.Silo.Ingest;

/// <summary>
/// What a camera or gateway pushing over HTTP is told when the silo fails it: the database not answering is a 503 with
/// Retry-After — the picture was not kept, and is worth sending again (FTP says 451 for the same); anything else a 500.
/// Both as problem+json with a sentence, logged, and the endpoint keeps serving. Before, either was a bare 500.
/// </summary>
public static class IngestFailureAnswer
{
    public static async Task Write(HttpContext context)
    {
        var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IngestFailureAnswer))
            .LogError(failure, "Upload on {Path} failed", context.Request.Path);
        var unavailable = failure is not null && DatabaseOutage.Is(failure);
        if (unavailable) context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds;
        await Results.Problem(
            statusCode: unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            title: unavailable ? "Service unavailable" : "Server error",
            detail: unavailable
                ? "The database is not answering just now; the picture was not kept. Send it again shortly."
                : "The upload could not be stored; it has been logged. Send it again.").ExecuteAsync(context);
    }
}
