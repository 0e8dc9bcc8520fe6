using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>Regions, data dictionary, recognition models and API keys (the logs: <see cref="LogEndpoints"/>).</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdministration(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new Caller(user.Actor(), user.FindFirstValue(ScopeClaims.DisplayName),
            user.Scope().Role.ToCode(), user.Scope().RegionCodes, user.Scope().StoreCodes)))
            .WithSummary("Who the caller is: name, role, regions and stores").Produces<Caller>().WithTags("Account");

        var regions = api.MapGroup("/regions").WithTags("Regions");
        regions.MapGet("/", async (ClaimsPrincipal user, RegionRepository r) => Results.Ok(await r.List(user.Scope())))
            .WithSummary("Regions (大区) the caller may see").Produces<IReadOnlyList<Region>>();
        regions.MapPut("/{code}", PutRegion).WithSummary("Adds or renames a region").Produces<Region>().RequireAuthorization(AuthenticationSetup.MayEdit);
        regions.MapDelete("/{code}", async (string code, ClaimsPrincipal user, RegionRepository r) =>
            await r.Delete(code, user.Actor()) ? Results.NoContent() : Problems.NotFound($"Region '{code}'"))
            .WithSummary("Deletes a region (refused while stores are in it)").Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(AuthenticationSetup.MayEdit);

        api.MapGet("/dictionary", async (string? kind, DictionaryRepository d) => Results.Ok(await d.List(kind)))
            .WithSummary("数据字典: store tags, SKU categories and the other lists, by kind").Produces<IReadOnlyList<DictionaryEntry>>().WithTags("Dictionary");
        api.MapPut("/dictionary/{kind}/{code}", PutDictionary).WithSummary("Adds or changes a dictionary entry").Produces<DictionaryEntry>().WithTags("Dictionary").RequireAuthorization(AuthenticationSetup.MayEdit).AnswersNoNotFound();

        api.MapGet("/recognition-models", async (RecognitionModelChoices models) => Results.Ok(await models.List()))
            .WithSummary("The recognition models each kind of analysis may use, and the one in use").Produces<IReadOnlyList<RecognitionModelChoices.Choice>>().WithTags("Recognition models");
        api.MapPut("/recognition-models/{kind}", AssignModel).WithSummary("Chooses the model a kind of analysis uses").Produces<ModelAssigned>().WithTags("Recognition models").RequireAuthorization(AuthenticationSetup.MayEdit).AnswersNoNotFound();

        // 数据库表 and the pictures' disk: what the installation takes and will take.
        api.MapGet("/storage", async (StorageReport report, CancellationToken cancellation) => Results.Ok(await report.Read(cancellation)))
            .WithSummary("Storage: pictures kept, their growth and retention, table sizes").Produces<StorageReport.View>()
            .WithTags("Storage").RequireAuthorization(AuthenticationSetup.MayEdit);

        var keys = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(AuthenticationSetup.MayEdit);
        keys.MapGet("/", async (ApiKeys k, ApiKeyUsage usage) =>
        {
            await usage.Flush();
            return Results.Ok(await k.List());
        }).WithSummary("API keys: name, role, scope, last used").Produces<IReadOnlyList<ApiKeys.KeyInfo>>();
        keys.MapPost("/", IssueKey).WithSummary("Issues an API key for a role and its regions or stores; answers the key once")
            .Produces<ApiKeyIssued>(StatusCodes.Status201Created);
        keys.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, ApiKeys k) =>
            await k.Revoke(id, user.Actor()) ? Results.NoContent() : Problems.NotFound($"Active API key {id}"))
            .WithSummary("Revokes an API key").Produces(StatusCodes.Status204NoContent);

        return api;
    }

    public sealed record ModelAssignmentInput(string? ModelName);

    private static async Task<IResult> AssignModel(string kind, ModelAssignmentInput input, ClaimsPrincipal user, RecognitionModels models)
    {
        if (RecognitionModelChoices.Refusal(kind, input.ModelName) is { } refusal)
            return Results.Problem(statusCode: 400, title: "Model not allowed", detail: refusal);
        await models.Assign(kind, input.ModelName!, user.Actor());
        return Results.Ok(new ModelAssigned(kind, input.ModelName!));
    }

    private static async Task<IResult> PutRegion(string code, RegionInput input, ClaimsPrincipal user, RegionRepository repository)
    {
        var (region, errors) = AdminValidation.Region(code, input);
        if (region is null) return errors.ToResult();
        await repository.Upsert(region, user.Actor());
        return Results.Ok(region);
    }

    private static async Task<IResult> PutDictionary(string kind, string code, DictionaryEntry input, ClaimsPrincipal user, DictionaryRepository repository)
    {
        var (entry, errors) = AdminValidation.DictionaryEntry(kind, code, input);
        if (entry is null) return errors.ToResult();
        await repository.Upsert(entry, user.Actor());
        return Results.Ok(entry);
    }

    private static async Task<IResult> IssueKey(ApiKeyInput input, ClaimsPrincipal user, ApiKeys keys)
    {
        var (scope, errors) = AdminValidation.ApiKey(input);
        if (scope is null) return errors.ToResult();
        var (info, key) = await keys.Issue(input.Name!, scope, user.Actor());
        return Results.Created($"/api/api-keys/{info.Id}", new ApiKeyIssued(info, key, "Store this key now: it is shown only once."));
    }

    /// <summary>The model a kind of analysis (camera kind) now uses.</summary>
    public sealed record ModelAssigned(string CameraKind, string ModelName);

    /// <summary>A new API key: what it may do, and the key itself, in this answer only (it is stored hashed).</summary>
    public sealed record ApiKeyIssued(ApiKeys.KeyInfo Info, string Key, string Note);

    /// <summary>Who is calling: the account or API key's name, its role and the regions and stores it covers.</summary>
    public sealed record Caller(string Name, string? DisplayName, string Role, IReadOnlyList<string> Regions, IReadOnlyList<string> Stores);
}
