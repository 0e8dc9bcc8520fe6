namespace SmartStore.Web.Todos;

/// <summary>整改 settings. Bound from configuration section <c>Todos</c>.</summary>
public sealed class TodoOptions
{
    /// <summary>A to-do raised without a deadline is due by the end of the store's day this many days on (1: 明天内).</summary>
    public int DueInDays { get; set; } = 1;

    /// <summary>How often passed deadlines are looked for: an overdue to-do is told within about this long.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}
