namespace SmartStore.Models;

/// <summary>What can be wrong with a fixed camera's view (MISSION: camera-blocked and camera-moved alerts).</summary>
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

[GenerateSerializer, Immutable, Alias("SmartStore.ViewFinding")]
public sealed record ViewFinding([property: Id(0)] ViewFault Fault, [property: Id(1)] string Evidence);

/// <summary>A fault the view has shown in several snapshots in a row: since when, and the latest snapshot and evidence.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.ActiveViewFault")]
public sealed record ActiveViewFault(
    [property: Id(0)] ViewFault Fault,
    [property: Id(1)] DateTime SinceUtc,
    [property: Id(2)] long SnapshotId,
    [property: Id(3)] string Evidence);
