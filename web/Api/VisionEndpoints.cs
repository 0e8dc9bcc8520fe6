using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SmartStore.Web.Security;
using SmartStore.GrainInterfaces;

namespace SmartStore.Web.Api;

/// <summary>
/// 人员识别API: an integrator posts an image (raw image/jpeg) and gets the people in it — boxes, count and
/// attributes. Attributes are "unknown" unless a face-attribute model is configured (none with a commercial licence is
/// available here), and the API never guesses. Rate-limited per caller, as each call costs a detector pass on the server's CPU.
/// </summary>
public static class VisionEndpoints
{
    public const string RatePolicy = "vision-api";
    private const string FaceAttributesUnknown = "unknown";

    public sealed record PersonResult(float[] Box, float Score, string AgeBand, string Gender);

    public sealed record PersonsResult(int Width, int Height, int Count, IReadOnlyList<PersonResult> People);

    public static IServiceCollection AddVisionApiRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("VisionApi:PermitsPerMinute", 60);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RatePolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.Actor(),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = perMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
    }

    public static RouteGroupBuilder MapVision(this RouteGroupBuilder api)
    {
        api.MapPost("/vision/persons", Persons).WithSummary("Person recognition: people found in a JPEG, with boxes and scores (rate-limited)").WithTags("Recognition APIs").AcceptsJpeg()
            .Produces<PersonsResult>().RequireRateLimiting(RatePolicy);
        // 陈列识别API: raw image/jpeg for the best SKU matches of the whole image, or multipart (image + layout JSON) per slot.
        api.MapPost("/vision/display", Display).WithSummary("陈列识别API: a shelf JPEG (+ optional slot layout) read as SKU, unknown or empty per slot, or its best SKU matches (rate-limited)").WithTags("Recognition APIs").AcceptsJpeg("multipart/form-data")
            .Produces<DisplayResult>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(RatePolicy).DisableAntiforgery();
        return api;
    }

    public sealed record DisplaySlot(string SlotId, string? PlannedSku, string Outcome, string? Sku, float Confidence, bool MatchesPlan);

    public sealed record DisplayMatch(string Sku, float Similarity, float Confidence);

    public sealed record DisplayResult(int Width, int Height, IReadOnlyList<DisplaySlot>? Slots, IReadOnlyList<DisplayMatch>? Matches);

    private static async Task<IResult> Display(HttpRequest request, IClusterClient cluster, CancellationToken cancellationToken)
    {
        var (jpeg, layout, problem) = await DisplayRequest.Read(request, cancellationToken);
        if (jpeg is null) return problem!;
        var r = await cluster.GetGrain<IRecognitionGrain>(IRecognitionGrain.Key).ReadShelf(jpeg, layout);
        if (r.GalleryRetryUtc is { } retry)
        {
            var seconds = (int)Math.Ceiling(Math.Max(1, (retry - DateTime.UtcNow).TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: 503, title: "SKU gallery unavailable",
                detail: $"The SKU reference photos could not be read; the next attempt is in {seconds} s. Call again after it.");
        }
        if (r.NoGallery)
            return Results.Problem(statusCode: 409, title: "No SKU photos", detail: "No SKU has a reference photo yet; add photos to the SKU master first.");
        return Results.Ok(new DisplayResult(r.Width, r.Height,
            r.Slots?.Select(s => new DisplaySlot(s.SlotId, s.PlannedSku, s.Outcome, s.Sku, MathF.Round(s.Confidence, 3), s.MatchesPlan)).ToList(),
            r.Matches?.Select(m => new DisplayMatch(m.Sku, MathF.Round(m.Similarity, 3), MathF.Round(m.Confidence, 3))).ToList()));
    }

    private static async Task<IResult> Persons(HttpRequest request, IClusterClient cluster, CancellationToken cancellationToken)
    {
        var (jpeg, _, problem) = await JpegCheck.ReadBody(request, cancellationToken);
        if (jpeg is null) return problem!;
        var (width, height, people) = await cluster.GetGrain<IRecognitionGrain>(IRecognitionGrain.Key).FindPeople(jpeg, withAppearance: false);
        return Results.Ok(new PersonsResult(width, height, people.Count, people
            .Select(p => new PersonResult([MathF.Round(p.X1, 1), MathF.Round(p.Y1, 1), MathF.Round(p.X2, 1), MathF.Round(p.Y2, 1)],
                MathF.Round(p.Score, 3), p.AgeBand ?? FaceAttributesUnknown, p.Gender ?? FaceAttributesUnknown))
            .ToList()));
    }
}
