using SmartStore.Web.Api;
using SmartStore.Web.Todos;

namespace SmartStore.Integration.Tests;

/// <summary>整改期限 on the store's own clock: the end of a day there, from its today up to 90 days on.</summary>
public sealed class TodoDeadlineTests
{
    // 23:30 on 5 December in Shanghai, 10:30 that morning in New York.
    private static readonly DateTime Now = new(2026, 12, 5, 15, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_day_is_due_by_its_midnight_in_the_stores_zone_and_none_given_means_the_default()
    {
        var errors = new FieldErrors();
        Assert.Equal(new DateTime(2026, 12, 6, 16, 0, 0, DateTimeKind.Utc), TodoDeadline.Check("due", "2026-12-06", "Asia/Shanghai", 1, Now, errors));
        Assert.Equal(new DateTime(2026, 12, 8, 5, 0, 0, DateTimeKind.Utc), TodoDeadline.Check("due", "2026-12-07", "America/New_York", 1, Now, errors));
        // Default: tomorrow, the store's tomorrow — in Shanghai at 23:30 that is the 6th.
        Assert.Equal(new DateTime(2026, 12, 6, 16, 0, 0, DateTimeKind.Utc), TodoDeadline.Check("due", null, "Asia/Shanghai", 1, Now, errors));
        Assert.False(errors.Any);
        Assert.Equal(new DateOnly(2026, 12, 6), TodoDeadline.DayOf(new DateTime(2026, 12, 6, 16, 0, 0, DateTimeKind.Utc), "Asia/Shanghai"));
    }

    [Theory]
    [InlineData("2026-12-04", "is before the store's today")]
    [InlineData("2027-03-06", "more than 90 days ahead")]
    [InlineData("06/12/2026", "must be a day, yyyy-MM-dd")]
    public void A_day_past_too_far_or_unreadable_is_refused_with_the_reason(string due, string reason)
    {
        var errors = new FieldErrors();
        Assert.Null(TodoDeadline.Check("due", due, "Asia/Shanghai", 1, Now, errors));
        Assert.Contains(reason, string.Join(" ", errors.Messages));
    }
}
