namespace SmartStore.Web.Api;

/// <summary>
/// Refuses a query string holding U+0000 (<c>%00</c>) before any page or endpoint reads it: every filter, search and
/// code ends up as a PostgreSQL parameter, which cannot carry the character, so such a request failed as a server error
/// (53 query fields over the API). The API answers problem+json; a page answers with the bad-request page.
/// </summary>
public static class QueryWithoutNul
{
    public static IApplicationBuilder UseQueryWithoutNul(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var field = context.Request.Query.FirstOrDefault(q => q.Value.Any(v => v?.Contains('\0') == true)).Key;
        // The bad-request page itself is rendered with the request's query string: let it through.
        if (field is null || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }
        if (!Security.AuthenticationSetup.IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await TypedResults.Problem(statusCode: 400, title: "Bad request",
            detail: $"The query field '{field}' holds the NUL character (%00), which no field may contain.").ExecuteAsync(context);
    });
}
