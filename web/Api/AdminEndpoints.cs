using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>Regions, data dictionary, recognition models, API keys, the audit log and the sign-in log.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdministration(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new
        {
            name = user.Actor(),
            displayName = user.FindFirstValue(ScopeClaims.DisplayName),
            role = user.Scope().Role.ToCode(),
            regions = user.Scope().RegionCodes,
            stores = user.Scope().StoreCodes,
        })).WithTags("Account");

        var regions = api.MapGroup("/regions").WithTags("Regions");
        regions.MapGet("/", async (ClaimsPrincipal user, RegionRepository r) => Results.Ok(await r.List(user.Scope())));
        regions.MapPut("/{code}", PutRegion).RequireAuthorization(AuthenticationSetup.MayEdit);
        regions.MapDelete("/{code}", async (string code, ClaimsPrincipal user, RegionRepository r) =>
            await r.Delete(code, user.Actor()) ? Results.NoContent() : Problems.NotFound($"Region '{code}'"))
            .RequireAuthorization(AuthenticationSetup.MayEdit);

        api.MapGet("/dictionary", async (string? kind, DictionaryRepository d) => Results.Ok(await d.List(kind))).WithTags("Dictionary");
        api.MapPut("/dictionary/{kind}/{code}", PutDictionary).WithTags("Dictionary").RequireAuthorization(AuthenticationSetup.MayEdit);

        api.MapGet("/recognition-models", async (RecognitionModelChoices models) => Results.Ok(await models.List())).WithTags("Recognition models");
        api.MapPut("/recognition-models/{kind}", AssignModel).WithTags("Recognition models").RequireAuthorization(AuthenticationSetup.MayEdit);

        var keys = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(AuthenticationSetup.MayEdit);
        keys.MapGet("/", async (ApiKeys k, ApiKeyUsage usage) =>
        {
            await usage.Flush();
            return Results.Ok(await k.List());
        });
        keys.MapPost("/", IssueKey);
        keys.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, ApiKeys k) =>
            await k.Revoke(id, user.Actor()) ? Results.NoContent() : Problems.NotFound($"Active API key {id}"));

        api.MapGet("/sign-ins", async (SignInLog log, string? username, string? outcome, int? limit) =>
            outcome is not null && !SignInLog.Outcomes.Contains(outcome)
                ? Results.Problem(statusCode: 400, title: "Unknown outcome", detail: $"outcome must be one of {string.Join(", ", SignInLog.Outcomes)}.")
                : Results.Ok(await log.Recent(username, outcome, Math.Clamp(limit ?? 100, 1, 1000))))
            .WithTags("Audit").RequireAuthorization(AuthenticationSetup.MayEdit);
        api.MapGet("/audit", SearchAudit).WithTags("Audit").RequireAuthorization(AuthenticationSetup.MayEdit);
        api.MapGet("/audit/export", ExportAudit).WithTags("Audit").RequireAuthorization(AuthenticationSetup.MayEdit);
        return api;
    }

    /// <summary>操作日志: newest first, <c>limit</c> at a time (100; 1,000 at most); <c>before</c> an entry's id pages back.</summary>
    private static async Task<IResult> SearchAudit(AuditDesk desk, string? actor, string? action, string? entity, string? key, string? from, string? to,
        long? before, int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (limit is < 1 or > AuditDesk.MaxLimit) errors.Add("limit", $"limit must be 1 to {AuditDesk.MaxLimit}.", $"limit 须为 1 至 {AuditDesk.MaxLimit}。");
        var query = desk.Read(new AuditDesk.Filters(actor, action, entity, key, from, to, before), errors);
        return query is null || errors.Any ? errors.ToResult() : Results.Ok(await desk.Search(query, limit ?? AuditDesk.PageSize, cancellationToken));
    }

    /// <summary>The entries matching as an .xlsx, newest first, at most <see cref="AuditDesk.MaxExport"/>.</summary>
    private static async Task<IResult> ExportAudit(AuditDesk desk, string? actor, string? action, string? entity, string? key, string? from, string? to,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (desk.Read(new AuditDesk.Filters(actor, action, entity, key, from, to, null), errors) is not { } query) return errors.ToResult();
        var entries = await desk.Search(query, AuditDesk.MaxExport, cancellationToken);
        var name = $"audit-log-{desk.Local(DateTime.UtcNow):yyyyMMdd-HHmm}.xlsx";
        return Results.File(await AuditWorkbook.Write(entries, desk.Local, cancellationToken), Workbook.ContentType, name);
    }

    public sealed record ModelAssignmentInput(string? ModelName);

    private static async Task<IResult> AssignModel(string kind, ModelAssignmentInput input, ClaimsPrincipal user, RecognitionModels models)
    {
        if (RecognitionModelChoices.Refusal(kind, input.ModelName) is { } refusal)
            return Results.Problem(statusCode: 400, title: "Model not allowed", detail: refusal);
        await models.Assign(kind, input.ModelName!, user.Actor());
        return Results.Ok(new { cameraKind = kind, modelName = input.ModelName });
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
        return Results.Created($"/api/api-keys/{info.Id}", new { info, key, note = "Store this key now: it is shown only once." });
    }
}
