using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// What a 收银追溯 finding was, recorded from the page and the API alike: a breach confirmed, cleared, or (no verdict) open
/// again, with a note. Only a finding of that store's day may be reviewed.
/// </summary>
public sealed class TillReviewDesk(TillDesk desk, TillReviews reviews)
{
    public sealed record ReviewInput(string? Date, string? Subject, string? Verdict, string? Note);

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
        var subject = input.Subject?.Trim() ?? "";
        if (subject.Length == 0)
            errors.Add("subject", "subject is required: a finding as the day's answer names it (receipt:<number>, visit:<camera>@<from>).", "须指明核实的是哪一条异常。");
        if (errors.Any || day is not { } date) return errors;
        var (till, _) = await desk.Trace(store, date);
        if (!till.FindingSubjects.Contains(subject))
            errors.Add("subject", $"'{subject}' is not a finding of {store.Code} on {date:yyyy-MM-dd}.", $"“{subject}”不是该门店这一天的异常。");
        else await reviews.Set(store.Code, date, subject, verdict, note, actor);
        return errors;
    }
}
