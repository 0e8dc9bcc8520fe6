using Microsoft.AspNetCore.Mvc;
using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Web.Pages;

/// <summary>
/// 登录日志 (系统管理; seed 000's 日志管理): every sign-in tried on the web, searched by account, outcome, the address it came
/// from (one address trying many accounts) and head-office days, a hundred a page, newest first, and exported as filtered.
/// </summary>
public sealed class SignInsModel(SignInDesk desk) : LogPageModel<SignInLog.Entry>
{
    [FromQuery(Name = "username")] public string? Username { get; set; }
    [FromQuery(Name = "outcome")] public string? Outcome { get; set; }
    [FromQuery(Name = "address")] public string? Address { get; set; }

    public Task<IActionResult> OnGet(CancellationToken cancellationToken) => Show(async (errors, limit) =>
        desk.Read(new SignInDesk.Filters(Username, Outcome, Address, From, To, Before), errors) is { } query
            ? await desk.Search(query, limit, cancellationToken) : null, e => e.Id);

    public string Link(string path, long? before) =>
        Link(path, [("username", Username), ("outcome", Outcome), ("address", Address), ("from", From), ("to", To), ("before", before?.ToString())]);
}
