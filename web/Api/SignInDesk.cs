using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>登录日志 searched from the page, the API and the export alike: the filters read and checked, days on head office's clock.</summary>
public sealed class SignInDesk(SignInLog log, ReportCalendar calendar)
{
    /// <param name="Before">entries older than this one (its id): the next page back.</param>
    public sealed record Filters(string? Username, string? Outcome, string? Address, string? From, string? To, long? Before);

    /// <summary>The query the filters ask for, or null with what was wrong in <paramref name="errors"/>.</summary>
    public SignInLog.Query? Read(Filters filters, FieldErrors errors)
    {
        var outcome = PlanningInput.Blank(filters.Outcome);
        if (outcome is not null && !SignInLog.Outcomes.Contains(outcome))
            errors.Add("outcome", $"outcome must be one of {string.Join(", ", SignInLog.Outcomes)}.", $"结果须为 {string.Join("、", SignInLog.Outcomes)} 之一。");
        var (fromUtc, toUtc) = LogSearch.Days(filters.From, filters.To, calendar, errors);
        LogSearch.Before(filters.Before, errors);
        return errors.Any ? null : new SignInLog.Query(PlanningInput.Blank(filters.Username), outcome, PlanningInput.Blank(filters.Address), fromUtc, toUtc, filters.Before);
    }

    public Task<IReadOnlyList<SignInLog.Entry>> Search(SignInLog.Query query, int limit, CancellationToken cancellationToken = default) =>
        log.Search(query, limit, cancellationToken);
}
