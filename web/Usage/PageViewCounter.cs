using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Usage;

/// <summary>
/// 系统使用情况: counts each signed-in account's page views per head-office day, from the phone (/m, or a phone's browser)
/// or not, and the visits they make up (<see cref="AccountVisits"/>), kept in memory and added to PostgreSQL every few
/// seconds (<see cref="CountedInMemory"/>).
/// </summary>
public sealed class PageViewCounter(AccountDays days, ReportCalendar calendar, ILogger<PageViewCounter> logger) : CountedInMemory
{
    private readonly ConcurrentDictionary<(string Username, DateOnly Day), AccountDays.DayUse> _pending = new();
    private readonly AccountVisits _visits = new();

    /// <summary>
    /// Counts the request when it showed a page to a signed-in person (not a file, an API call, a refusal, or the page
    /// re-read by its own live feed).
    /// </summary>
    public void Observe(HttpContext context)
    {
        if (context.Response.StatusCode != StatusCodes.Status200OK || !HttpMethods.IsGet(context.Request.Method)) return;
        if (context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is null) return;
        if (context.User.Identity?.IsAuthenticated != true) return;
        // A page re-read in place by its live feed (fetch) is no new view: browsers mark what they navigate to.
        if (context.Request.Headers["Sec-Fetch-Mode"] is { Count: > 0 } mode && mode != "navigate") return;
        var phone = context.Request.Path.StartsWithSegments("/m") || context.Request.Headers.UserAgent.ToString().Contains("Mobi", StringComparison.Ordinal);
        Seen(context.User.Actor(), DateTime.UtcNow, phone);
    }

    public void Seen(string username, DateTime atUtc, bool phone)
    {
        var (newVisit, seconds) = _visits.Page(username, atUtc);
        var page = new AccountDays.DayUse(username, calendar.DayOf(atUtc), 1, phone ? 1 : 0, atUtc, newVisit ? 1 : 0, seconds);
        _pending.AddOrUpdate((username, page.Day), page, (_, was) => was.Plus(page));
    }

    public override async Task Flush()
    {
        var taken = new List<AccountDays.DayUse>();
        foreach (var key in _pending.Keys)
            if (_pending.TryRemove(key, out var day)) taken.Add(day);
        _visits.Forget(DateTime.UtcNow);
        try
        {
            await days.Add(taken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Put back for the next round: the database may be restarting.
            foreach (var day in taken)
                _pending.AddOrUpdate((day.Username, day.Day), day, (_, was) => was.Plus(day));
            logger.LogWarning(e, "Page views of {Accounts} accounts not written yet", taken.Count);
        }
    }
}
