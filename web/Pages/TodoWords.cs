using SmartStore.Models;
using SmartStore.Web.Todos;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>How a to-do's deadline and state read on the pages, in the reader's language.</summary>
public static class TodoWords
{
    /// <summary>"期限 12-06 当天" while it may still be met; "已超期 5 小时" / "已超期 2 天" once past; nothing without one.</summary>
    public static string? Due(StoreTodo todo, DateTime utcNow)
    {
        if (todo.DueUtc is not { } due) return null;
        if (!todo.OverdueAt(utcNow)) return string.Format(T("todoDueBy"), TodoDeadline.DayOf(due, todo.TimeZone).ToString("MM-dd"));
        var late = utcNow - due;
        return late.TotalHours < 24 ? string.Format(T("overdueHours"), Math.Max(1, (int)late.TotalHours)) : Count("overdueDays", (int)late.TotalDays);
    }

    /// <summary>The tag's class for a state: red while it waits on the store, amber while it waits on the reviewer.</summary>
    public static string TagClass(string state) => state switch
    {
        TodoStates.Overdue => "alarm overdue",
        TodoStates.Open => "alarm",
        TodoStates.Review => "status-captured",
        _ => "ok",
    };
}
