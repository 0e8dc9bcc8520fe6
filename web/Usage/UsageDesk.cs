using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Web.Usage;

/// <summary>Loads 系统使用情况 for the page and the API alike: this host's uncounted views first, then the period's figures.</summary>
public sealed class UsageDesk(AccountDays days, UserAccounts accounts, StoreRepository stores, PageViewCounter counter, ReportCalendar calendar)
{
    /// <summary>The period when none is given: the last four weeks, today included.</summary>
    public const int DefaultDays = 28;

    /// <summary>The period asked for (head-office days), or the last <see cref="DefaultDays"/>; refusals added to <paramref name="errors"/>.</summary>
    public (DateOnly From, DateOnly To) Period(string? from, string? to, FieldErrors errors) =>
        ReportRequest.Period(errors, from, to, calendar.Today.AddDays(-(DefaultDays - 1)), calendar.Today);

    public async Task<UsageReport> Report(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await counter.Flush();
        var uses = await days.Between(from, to, cancellationToken);
        var weekly = await days.Weekly(from, to, cancellationToken);
        var lastSeen = await days.LastSeen(cancellationToken);
        return UsageReport.Of(from, to, await accounts.List(), uses, weekly, lastSeen, await stores.RegionOfEach(cancellationToken: cancellationToken));
    }
}
