using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>Back-office accounts for head office's admins and their integrations (an HR system creating store managers).</summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(AuthenticationSetup.MayEdit);
        accounts.MapGet("/", async (UserAccounts a) => Results.Ok((await a.List()).Select(Shown).ToList())).WithSummary("Accounts").Produces<IReadOnlyList<AccountShown>>();
        accounts.MapGet("/{username}", Get).WithSummary("One account, with its ETag").Produces<AccountShown>();
        accounts.MapPost("/", Create).WithSummary("Adds an account; answers its first password once").Produces<AccountIssued>(StatusCodes.Status201Created);
        accounts.MapPost("/import", Import).WithSummary("Imports accounts from an Excel sheet; answers their first passwords once").Produces<AccountsImported>().DisableAntiforgery();
        // The import's own columns (no passwords), to change in Excel and send back to POST /accounts/import?change=true.
        accounts.MapGet("/export", async (string? role, UserAccounts a, CancellationToken cancellationToken) =>
            Results.File(await AccountImport.Sheet((await a.List()).Where(x => role is null || x.Role.ToCode() == role), cancellationToken),
                Workbook.ContentType, $"accounts-{DateTime.UtcNow:yyyyMMdd}.xlsx"))
            .WithSummary("Accounts as an Excel workbook").ProducesWorkbook();
        accounts.MapPut("/{username}", Update).WithSummary("Changes an account's name, role, regions or stores, or disables it").Versioned(typeof(AccountShown));
        accounts.MapDelete("/{username}", Remove).WithSummary("Removes an account").Produces(StatusCodes.Status204NoContent);
        accounts.MapPost("/{username}/password", async (string username, ClaimsPrincipal user, AccountDesk desk, HttpResponse response) =>
        {
            if (await desk.ResetPassword(username, user.Actor()) is not { } password) return Problems.NotFound($"Account '{username}'");
            response.Headers.CacheControl = "no-store";
            return Results.Ok(new FirstPassword(username, password));
        }).WithSummary("Resets an account's password; answers the new one once").Produces<FirstPassword>();
        return api;
    }

    /// <summary>
    /// 批量导入: CSV or Excel, all rows or none; each new account's first password is in this answer only. With change=true a
    /// row whose username exists changes that account (按表更新), and the answer names the accounts changed.
    /// </summary>
    private static async Task<IResult> Import(HttpRequest request, bool? change, ClaimsPrincipal user, AccountImport import, HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        var outcome = await import.Import(request, user.Actor(), change ?? false);
        if (!outcome.Succeeded) return outcome.ToResult();
        var passwords = outcome.Codes.Select(u => new FirstPassword(u, outcome.Secrets![u])).ToList();
        return Results.Ok(new AccountsImported(outcome.Codes.Count, passwords, outcome.Changed?.Count, outcome.Changed));
    }

    /// <summary>The first password is in this answer only; it is stored hashed.</summary>
    private static async Task<IResult> Create(AccountInput input, ClaimsPrincipal user, AccountDesk desk, HttpResponse response)
    {
        var (account, password, errors) = await desk.Create(input, user.Actor());
        if (account is null || password is null) return errors.ToResult();
        response.Headers.CacheControl = "no-store";
        return Results.Created($"/api/accounts/{account.Username}", new AccountIssued(Shown(account), password));
    }

    /// <summary>The account, with its version as the ETag to send back as If-Match with a change.</summary>
    private static async Task<IResult> Get(string username, UserAccounts accounts, HttpResponse response)
    {
        if (await accounts.FindWithRevision(username) is not var (account, revision)) return Problems.NotFound($"Account '{username}'");
        response.Headers.ETag = VersionTags.Of(revision);
        return Results.Ok(Shown(account));
    }

    /// <param name="ifMatch">The account's ETag as read (GET): the change is made only while the account is still at that version
    /// (an HR system's sync and an admin's page do not overwrite each other).</param>
    private static async Task<IResult> Update(string username, AccountInput input, ClaimsPrincipal user, AccountDesk desk, UserAccounts accounts,
        HttpResponse response, [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        var (revision, refusal) = await VersionTags.Expected(ifMatch, $"/api/accounts/{username}", async () => (await accounts.FindWithRevision(username))?.Revision);
        if (refusal is not null) return refusal;
        return (await desk.Update(username, input, user.Actor(), revision)).Answer($"Account '{username}'", response, Shown);
    }

    /// <summary>A disabled account removed for good (204); an enabled one is refused (409): disable it first.</summary>
    private static async Task<IResult> Remove(string username, ClaimsPrincipal user, UserAccounts accounts) =>
        await accounts.Remove(username, user.Actor()) switch
        {
            UserAccounts.Removal.Removed => Results.NoContent(),
            UserAccounts.Removal.StillEnabled => Results.Problem(statusCode: 409, title: "Account enabled",
                detail: $"Account '{username}' is enabled: disable it first (its sessions end), then remove it."),
            _ => Problems.NotFound($"Account '{username}'"),
        };

    private static AccountShown Shown(UserAccounts.Account a) => new(a.Username, a.DisplayName, a.Role.ToCode(), a.RegionCodes, a.StoreCodes, a.Disabled, a.LastSignInUtc);

    /// <summary>A new account and its first password, shown in this answer only (it is stored hashed).</summary>
    public sealed record AccountIssued(AccountShown Account, string Password);

    /// <summary>An account's first (or reset) password, shown in this answer only.</summary>
    public sealed record FirstPassword(string Username, string Password);

    /// <summary>The accounts an import created, each with its first password; with change=true also the accounts it changed.</summary>
    public sealed record AccountsImported(int Imported, IReadOnlyList<FirstPassword> Passwords,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Changed,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? ChangedCodes);

    /// <summary>An account as head office's admins see it: no password, its role and the regions and stores it covers.</summary>
    public sealed record AccountShown(string Username, string DisplayName, string Role, IReadOnlyList<string> RegionCodes, IReadOnlyList<string> StoreCodes,
        bool Disabled, DateTime? LastSignInUtc);
}
