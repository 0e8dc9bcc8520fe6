using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// What a 收银追溯 finding was, recorded from the page and the API alike: a breach confirmed, cleared, or (no verdict) open
/// again, with a note; or the store asked to explain it first (请门店说明), as a to-do. Only a finding of that store's day
/// may be reviewed or asked about.
/// </summary>
public sealed class TillReviewDesk(TillDesk desk, TillReviews reviews, TodoDesk todoDesk, StoreTodos todos)
{
    public sealed record ReviewInput(string? Date, string? Subject, string? Verdict, string? Note);

    /// <param name="Due">the store-local day the answer is due by the end of (yyyy-MM-dd); none: the to-dos' default.</param>
    public sealed record AskInput(string? Date, string? Subject, string? Text, string? Due);

    public const int MaxNote = 300;

    public async Task<FieldErrors> Review(Store store, ReviewInput input, string actor)
    {
        var errors = new FieldErrors();
        var day = TillDesk.Day(input.Date, store, errors);
        var verdict = string.IsNullOrWhiteSpace(input.Verdict) ? null : input.Verdict.Trim();
        if (verdict is not (null or TillReview.Confirmed or TillReview.Cleared))
            errors.Add("verdict", $"verdict '{verdict}' must be confirmed (a breach), cleared (nothing wrong) or empty (open again).",
                $"核实结果“{verdict}”须为 confirmed（违规）、cleared（正常）或留空（重新核实）。");
        var note = input.Note?.Trim() ?? "";
        errors.Text("note", note, MaxNote, required: false);
        var subject = Subject(input.Subject, errors);
        if (errors.Any || day is not { } date) return errors;
        if (await Finding(store, date, subject, errors)) await reviews.Set(store.Code, date, subject, verdict, note, actor);
        return errors;
    }

    /// <summary>
    /// Hands a finding to its store as a to-do (请门店说明): the store answers in the to-do's note by its deadline, and the
    /// asker accepts the answer or sends it back as with any to-do. One open question per finding at a time.
    /// </summary>
    public async Task<(long? TodoId, FieldErrors Errors)> Ask(Store store, AskInput input, string actor)
    {
        var errors = TodoText.Check("text", input.Text);
        var day = TillDesk.Day(input.Date, store, errors);
        var subject = Subject(input.Subject, errors);
        var due = todoDesk.Deadline("due", input.Due, store.TimeZone, errors);
        if (errors.Any || day is not { } date || !await Finding(store, date, subject, errors)) return (null, errors);
        if ((await todos.OfTillDay(store.Code, date)).GetValueOrDefault(subject) is { Open: true } open)
        {
            errors.Add("subject", $"the store was asked about '{subject}' already: to-do {open.Id} is still open.", $"已请门店说明这条异常（待办 #{open.Id}），尚未答复。");
            return (null, errors);
        }
        return (await todoDesk.Raise(store.Code, null, input.Text!.Trim(), actor, due!.Value, new TillLead(date, subject)), errors);
    }

    private static string Subject(string? typed, FieldErrors errors)
    {
        var subject = typed?.Trim() ?? "";
        if (subject.Length == 0)
            errors.Add("subject", "subject is required: a finding as the day's answer names it (receipt:<number>, visit:<camera>@<from>).", "须指明是哪一条异常。");
        return subject;
    }

    /// <summary>Whether <paramref name="subject"/> is one of the store's findings that day; if not, said in <paramref name="errors"/>.</summary>
    private async Task<bool> Finding(Store store, DateOnly date, string subject, FieldErrors errors)
    {
        var (till, _) = await desk.Trace(store, date);
        if (till.FindingSubjects.Contains(subject)) return true;
        errors.Add("subject", $"'{subject}' is not a finding of {store.Code} on {date:yyyy-MM-dd}.", $"“{subject}”不是该门店这一天的异常。");
        return false;
    }
}
