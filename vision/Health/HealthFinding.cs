namespace SmartStore.Vision.Health;

public enum HealthIssue { Blocked, Moved, TooDark, Overexposed, Frozen, OutOfFocus }

/// <summary>One check's outcome: tripped or not, the measured score, the threshold it was held to, and why.</summary>
public sealed record HealthFinding(HealthIssue Issue, bool Tripped, double Score, double Threshold, string Evidence);

/// <summary>All checks of one snapshot against the camera's reference frame.</summary>
public sealed record HealthReport(IReadOnlyList<HealthFinding> Findings)
{
    public bool AnyTripped => Findings.Any(f => f.Tripped);
    public bool Tripped(HealthIssue issue) => Findings.Any(f => f.Issue == issue && f.Tripped);
    public HealthFinding this[HealthIssue issue] => Findings.First(f => f.Issue == issue);
}
