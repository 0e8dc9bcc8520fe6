using Dapper;

namespace SmartStore.Storage;

/// <summary>系统使用情况: page views per account and head-office day, as the web hosts count them.</summary>
public sealed class AccountDays(SmartStoreDatabase database)
{
    /// <summary>
    /// An account's use of a day as one web host counted it since its last write: its pages (on the phone too), the last
    /// one's time, the visits begun and the seconds between pages of a visit.
    /// </summary>
    public sealed record DayUse(string Username, DateOnly Day, int Views, int PhoneViews, DateTime LastUtc, int Visits = 0, int ActiveSeconds = 0)
    {
        /// <summary>This and more of the same account's day, counted since.</summary>
        public DayUse Plus(DayUse more) => this with
        {
            Views = Views + more.Views, PhoneViews = PhoneViews + more.PhoneViews, LastUtc = more.LastUtc > LastUtc ? more.LastUtc : LastUtc,
            Visits = Visits + more.Visits, ActiveSeconds = ActiveSeconds + more.ActiveSeconds,
        };
    }

    /// <summary>An account's use of the period, and in the period before (环比): whether it was active, its visits.</summary>
    public sealed record Use(string Username, int ActiveDays, long Views, long PhoneViews, bool ActiveBefore, long Visits = 0, long ActiveSeconds = 0,
        long VisitsBefore = 0);

    /// <summary>Adds the days counted, all in one statement.</summary>
    public async Task Add(IReadOnlyList<DayUse> days, CancellationToken cancellationToken = default)
    {
        if (days.Count == 0) return;
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO account_days (username, day, views, phone_views, last_utc, visits, active_seconds)
            SELECT * FROM unnest(@usernames::text[], @days::date[], @views::int[], @phoneViews::int[], @lasts::timestamptz[],
                                 @visits::int[], @seconds::int[])
            ON CONFLICT (username, day) DO UPDATE SET views = account_days.views + excluded.views,
                phone_views = account_days.phone_views + excluded.phone_views, last_utc = greatest(account_days.last_utc, excluded.last_utc),
                visits = account_days.visits + excluded.visits, active_seconds = account_days.active_seconds + excluded.active_seconds
            """, new
        {
            usernames = days.Select(d => d.Username).ToArray(),
            days = days.Select(d => d.Day.ToDateTime(TimeOnly.MinValue)).ToArray(),
            views = days.Select(d => d.Views).ToArray(),
            phoneViews = days.Select(d => d.PhoneViews).ToArray(),
            lasts = days.Select(d => DateTime.SpecifyKind(d.LastUtc, DateTimeKind.Utc)).ToArray(),
            visits = days.Select(d => d.Visits).ToArray(),
            seconds = days.Select(d => d.ActiveSeconds).ToArray(),
        }, cancellationToken: cancellationToken));
    }

    /// <summary>Each account's use of [from, to], with whether it was active in the as long period just before.</summary>
    public async Task<IReadOnlyList<Use>> Between(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var before = from.AddDays(-(to.DayNumber - from.DayNumber + 1));
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<Use>(new CommandDefinition("""
            SELECT username AS Username, (count(*) FILTER (WHERE day >= @from))::int AS ActiveDays,
                   coalesce(sum(views) FILTER (WHERE day >= @from), 0)::bigint AS Views,
                   coalesce(sum(phone_views) FILTER (WHERE day >= @from), 0)::bigint AS PhoneViews,
                   coalesce(bool_or(day < @from), false) AS ActiveBefore,
                   coalesce(sum(visits) FILTER (WHERE day >= @from), 0)::bigint AS Visits,
                   coalesce(sum(active_seconds) FILTER (WHERE day >= @from), 0)::bigint AS ActiveSeconds,
                   coalesce(sum(visits) FILTER (WHERE day < @from), 0)::bigint AS VisitsBefore
            FROM account_days WHERE day >= @before AND day <= @to GROUP BY username
            """, new { from = Date(from), to = Date(to), before = Date(before) }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Which accounts were active in each week (Monday first) of [from, to].</summary>
    public async Task<IReadOnlyList<(DateOnly Monday, string Username)>> Weekly(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(DateTime, string)>(new CommandDefinition("""
            SELECT date_trunc('week', day)::date, username FROM account_days WHERE day >= @from AND day <= @to GROUP BY 1, 2
            """, new { from = Date(from), to = Date(to) }, cancellationToken: cancellationToken));
        return rows.Select(r => (DateOnly.FromDateTime(r.Item1), r.Item2)).ToList();
    }

    /// <summary>When each account was last seen, however long ago.</summary>
    public async Task<IReadOnlyDictionary<string, DateTime>> LastSeen(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(string, DateTime)>(new CommandDefinition(
            "SELECT username, max(last_utc) FROM account_days GROUP BY username", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Item1, r => DateTime.SpecifyKind(r.Item2, DateTimeKind.Utc));
    }

    private static DateTime Date(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);
}
