using SmartStore.Models;

namespace SmartStore.GrainInterfaces;

/// <summary>
/// 定时抓拍 for the whole chain, a single grain keyed <c>chain</c>: every minute (a reminder, so it survives restarts)
/// it schedules the pictures that fell due and takes each from its camera's first upload after the due time.
/// </summary>
public interface IInspectionScheduleGrain : IGrainWithStringKey
{
    public const string Key = "chain";

    /// <summary>Starts the minute round, or takes up a changed period; the silo calls it on start, and again changes nothing.</summary>
    Task Start();

    /// <summary>One round now: what it scheduled, how many pictures it took and how many it gave up on.</summary>
    Task<InspectionRound> RunDue();
}

[GenerateSerializer, Immutable, Alias("SmartStore.InspectionRound")]
public sealed record InspectionRound([property: Id(0)] int Scheduled, [property: Id(1)] int Pictured, [property: Id(2)] int Missed);
