using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartStore.GrainInterfaces;
using SmartStore.Models;

namespace SmartStore.Grains.Inspections;

/// <summary>
/// Runs the chain's 定时抓拍 tasks. Decides what is due (each store's own clock and opening hours) and hands the ledger
/// the pictures to wait for; the ledger matches them with the cameras' uploads.
/// </summary>
public sealed class InspectionScheduleGrain(IInspectionLedger ledger, IOptions<InspectionOptions> options, TimeProvider clock,
    ILogger<InspectionScheduleGrain> logger) : Grain, IInspectionScheduleGrain, IRemindable
{
    private const string Round = "inspections";
    private readonly InspectionOptions _options = options.Value;
    // Pictures this activation has scheduled, so a minute's round inserts only the new ones (the ledger ignores repeats anyway).
    private readonly HashSet<InspectionDue> _scheduled = [];

    public async Task Start()
    {
        // Every silo calls this on start; registering again keeps one reminder (by name) and takes up a changed period.
        await this.RegisterOrUpdateReminder(Round, _options.Every, _options.Every);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Round) return;
        try
        {
            await RunDue();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next minute tries again; a picture still in its window is taken then.
            logger.LogWarning(e, "Inspection round failed; tried again in {Every}", _options.Every);
        }
    }

    public async Task<InspectionRound> RunDue()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = new List<InspectionDue>();
        var tasks = await ledger.ActiveTasks(CancellationToken.None);
        IReadOnlyList<string> zones = tasks.Count == 0 ? [] : await ledger.TimeZones(CancellationToken.None);
        foreach (var task in tasks.Where(t => InspectionCalendar.MayBeDue(t, zones, now, _options.CaptureWindow)))
        {
            var targets = await ledger.Targets(task, CancellationToken.None);
            due.AddRange(InspectionCalendar.Due(task, targets, now, _options.CaptureWindow).Where(d => !_scheduled.Contains(d)));
        }
        var scheduled = due.Count == 0 ? 0 : await ledger.Schedule(due, CancellationToken.None);
        _scheduled.UnionWith(due);
        _scheduled.RemoveWhere(d => d.DueUtc < now - 2 * _options.CaptureWindow);
        var (taken, missed) = await ledger.TakePictures(now, _options.CaptureWindow, CancellationToken.None);
        var feed = GrainFactory.GetGrain<ILiveFeedNotifierGrain>(0);
        foreach (var picture in taken) await feed.Publish(LiveUpdate.ForInspectionPicture(picture, now));
        if (scheduled + taken.Count + missed > 0)
            logger.LogInformation("Inspections: {Scheduled} pictures due, {Pictured} taken, {Missed} missed", scheduled, taken.Count, missed);
        return new InspectionRound(scheduled, taken.Count, missed);
    }
}
