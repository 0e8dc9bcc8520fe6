using System.Security.Claims;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>消息推送: endpoints told of camera and store alerts as they happen, set up by head office or a region's or store's managers.</summary>
public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        // Head office's admins see every endpoint; a region's or store's managers their own (AccessScope.MaySetUpAlerts),
        // and someone else's is answered as not found.
        var hooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(AuthenticationSetup.MaySetUpAlerts);
        // Head office's robots reach a manager without their keys: seeing one is not a licence to post to it from elsewhere.
        hooks.MapGet("/", async (ClaimsPrincipal user, Webhooks w) => Results.Ok((await w.List(user.Scope()))
            .Select(s => s.HeadOffice && !user.Scope().MayEditMasterData ? s with { Url = Alerts.EndpointAddress.WithoutKeys(s.Url) } : s)))
            .WithSummary("消息推送: the alert endpoints the caller may see").Produces<IReadOnlyList<Webhooks.Subscription>>();
        hooks.MapPost("/", Add).WithSummary("Adds an endpoint told of camera and store alerts (URL or group robot, with the alerts and stores it wants)")
            .Produces<WebhookAdded>(StatusCodes.Status201Created);
        hooks.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, WebhookDesk desk) => await desk.Remove(id, user.Scope(), user.Actor()) switch
        {
            WebhookDesk.Removal.Removed => Results.NoContent(),
            WebhookDesk.Removal.HeadOffices => Results.Problem(statusCode: 403, title: "Set up by head office",
                detail: $"Webhook {id} was set up by head office: only head office's admins remove it."),
            _ => Problems.NotFound($"Webhook {id}"),
        }).WithSummary("Removes an alert endpoint").Produces(StatusCodes.Status204NoContent);
        hooks.MapGet("/{id:int}/deliveries", async (int id, int? limit, ClaimsPrincipal user, Webhooks w) =>
            await w.Find(id, user.Scope()) is null ? Problems.NotFound($"Webhook {id}") : Results.Ok(await w.Deliveries(id, Math.Clamp(limit ?? 50, 1, 500))))
            .WithSummary("An endpoint's recent deliveries and their outcome").Produces<IReadOnlyList<Webhooks.Delivery>>();
        hooks.MapPost("/{id:int}/again", async (int id, ClaimsPrincipal user, Webhooks w) =>
            await w.Find(id, user.Scope()) is null ? Problems.NotFound($"Webhook {id}") : Results.Ok(new DeliveriesAgain(await w.SendAgain(id, null))))
            .WithSummary("Sends again every delivery given up on an endpoint (it was down longer than the retries)").Produces<DeliveriesAgain>();
        hooks.MapPost("/{id:int}/deliveries/{eventId:long}/again", async (int id, long eventId, ClaimsPrincipal user, Webhooks w) =>
            await w.Find(id, user.Scope()) is null ? Problems.NotFound($"Webhook {id}")
            : await w.SendAgain(id, eventId) == 1 ? Results.Ok(new DeliveriesAgain(1))
            : Problems.NotFound($"A delivered or given-up delivery of event {eventId} to webhook {id}"))
            .WithSummary("Sends one delivery to an endpoint again").Produces<DeliveriesAgain>();
        hooks.MapPost("/{id:int}/test", async (int id, ClaimsPrincipal user, WebhookDesk desk, CancellationToken cancellationToken) =>
            await desk.Test(id, user.Scope(), cancellationToken) is { } sent
                ? Results.Ok(new TestDelivery(sent.Error is null, sent.Status, sent.Error))
                : Problems.NotFound($"Webhook {id}"))
            .WithSummary("Sends an endpoint a test message and answers how it went").Produces<TestDelivery>();
        return api;
    }

    private static async Task<IResult> Add(WebhookDesk.WebhookInput input, ClaimsPrincipal user, WebhookDesk desk, HttpResponse response)
    {
        var errors = new FieldErrors();
        if (await desk.Add(input, user.Scope(), user.Actor(), errors) is not { } added) return errors.ToResult();
        // The signing secret is in this answer only.
        response.Headers.CacheControl = "no-store";
        return Results.Created($"/api/webhooks/{added.Id}", new WebhookAdded(added.Id, added.Secret));
    }

    /// <summary>A new endpoint's id and the secret its deliveries are signed with, in this answer only.</summary>
    public sealed record WebhookAdded(int Id, string Secret);

    /// <summary>How many deliveries were queued to be sent again.</summary>
    public sealed record DeliveriesAgain(int Again);

    /// <summary>How a test message went: delivered, the endpoint's HTTP status (null: no answer) and the error, if any.</summary>
    public sealed record TestDelivery(bool Delivered, int? Status, string? Error);
}
