namespace SmartStore.Models;

/// <summary>
/// What can be wrong with a fixed camera's view (MISSION: camera-blocked and camera-moved alerts). A fault's
/// <see cref="ViewFinding.Figures"/> are the vision library's health check's, in the order its <c>HealthIssue</c> names them;
/// frozen, judged from the uploads, carries the snapshot and how often it came again.
/// </summary>
public enum ViewFault { Blocked, Moved, TooDark, Overexposed, Frozen, OutOfFocus }

public static class ViewFaultNames
{
    /// <summary>The code the API, the live feed and the pages use.</summary>
    public static string ToCode(this ViewFault fault) => fault switch
    {
        ViewFault.Blocked => "blocked",
        ViewFault.Moved => "moved",
        ViewFault.TooDark => "too-dark",
        ViewFault.Overexposed => "overexposed",
        ViewFault.Frozen => "frozen",
        _ => "out-of-focus",
    };
}

/// <summary>One check of a snapshot against the camera's reference view: what it tripped, each with the evidence.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.ViewCheck")]
public sealed record ViewCheck(
    [property: Id(0)] long SnapshotId,
    [property: Id(1)] DateTime AtUtc,
    [property: Id(2)] IReadOnlyList<ViewFinding> Tripped);

/// <summary>
/// A fault one check tripped: the measured evidence in English (logs, API), and its bare figures, which the pages say in
/// the reader's language (<see cref="ViewFault"/> says where they are named).
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.ViewFinding")]
public sealed record ViewFinding(
    [property: Id(0)] ViewFault Fault,
    [property: Id(1)] string Evidence,
    [property: Id(2)] IReadOnlyList<double>? Figures = null);

/// <summary>A fault the view has shown in several snapshots in a row: since when, and the latest snapshot and evidence.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.ActiveViewFault")]
public sealed record ActiveViewFault(
    [property: Id(0)] ViewFault Fault,
    [property: Id(1)] DateTime SinceUtc,
    [property: Id(2)] long SnapshotId,
    [property: Id(3)] string Evidence,
    // Null in a fault kept before the figures were (its page shows the English evidence).
    [property: Id(4)] IReadOnlyList<double>? Figures = null);
