using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace SmartStore.Web.Api;

/// <summary>
/// The failures an API operation can answer, declared in the OpenAPI document from what the endpoint is, so a client
/// generated from it knows them without reading every handler (the document's description says what each code means):
/// 400 where it takes input, 401 unless it is open, 403 where a role or the key's stores decide (a store, region or camera
/// named, or a record whose own store the handler checks: <see cref="AnswersOutsideScope"/>), 404 where it names a record
/// or a store or region (unless <see cref="AnswersNoNotFound"/>), 413 where it takes a JPEG, 429 where it is
/// rate-limited. Each as problem details; a code the endpoint declares itself is left as it is.
/// </summary>
public static class ProblemAnswers
{
    private const string ProblemJson = "application/problem+json";
    private static readonly string[] ScopedNames = ["store", "region", "camera"];

    public static TBuilder DeclareProblems<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder
    {
        // Finally: after each endpoint's own conventions, so its policies, uploads and own declarations are known.
        endpoints.Finally(endpoint =>
        {
            var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
            foreach (var status in Of(endpoint).Where(declared.Add))
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status,
                    status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), [ProblemJson]));
        });
        return endpoints;
    }

    /// <summary>
    /// The handler answers 403 when the record it acts on (a to-do, a snapshot, a task) or the store in its body is outside
    /// the caller's scope — a check no route or policy shows, so the endpoint declares it itself (and stays as it is).
    /// </summary>
    public static RouteHandlerBuilder AnswersOutsideScope(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status403Forbidden, ProblemJson);

    /// <summary>
    /// The handler never answers 404 although its route names something: an entry it creates when missing (a dictionary
    /// entry), or a kind it refuses with a 400 when unknown (a recognition-model kind).
    /// </summary>
    public static RouteHandlerBuilder AnswersNoNotFound(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(NoNotFound.Answered);

    private sealed class NoNotFound
    {
        public static readonly NoNotFound Answered = new();
    }

    private static IEnumerable<int> Of(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern;
        var route = pattern?.Parameters.Select(p => p.Name).ToList() ?? [];
        var values = (metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters() ?? []).Where(IsValue).Select(p => p.Name ?? "").ToList();
        var named = route.Concat(values).ToList();
        var open = metadata.OfType<IAllowAnonymous>().Any();
        var uploadsJpeg = metadata.OfType<IAcceptsMetadata>().Any(a => a.ContentTypes.Contains(FileAnswers.Jpeg));

        if (named.Count > 0 || metadata.OfType<IAcceptsMetadata>().Any()) yield return StatusCodes.Status400BadRequest;
        if (open) yield break;
        yield return StatusCodes.Status401Unauthorized;
        var rolePolicy = metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null);
        var scoped = named.Any(n => ScopedNames.Contains(n, StringComparer.OrdinalIgnoreCase))
            || pattern?.RawText?.Contains("/stores/{", StringComparison.Ordinal) == true || pattern?.RawText?.Contains("/cameras/{", StringComparison.Ordinal) == true;
        if (rolePolicy || scoped) yield return StatusCodes.Status403Forbidden;
        if ((route.Count > 0 || named.Any(n => n is "store" or "region")) && !metadata.OfType<NoNotFound>().Any())
            yield return StatusCodes.Status404NotFound;
        if (uploadsJpeg) yield return StatusCodes.Status413PayloadTooLarge;
        if (metadata.OfType<EnableRateLimitingAttribute>().Any()) yield return StatusCodes.Status429TooManyRequests;
    }

    /// <summary>A value the request carries (query or header), not a service, the request or the caller.</summary>
    private static bool IsValue(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type.IsArray) type = type.GetElementType()!;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateOnly);
    }
}
