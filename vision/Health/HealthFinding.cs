namespace SmartStore.Vision.Health;

/// <summary>What a health check can find; each names the <see cref="HealthFinding.Figures"/> it reports, in order.</summary>
public enum HealthIssue
{
    /// <summary>Figures: the largest covered share of the view; for a view found moved, also that share once aligned back.</summary>
    Blocked,
    /// <summary>Figures: shift across and down (shares of the view), rotation (degrees), zoom.</summary>
    Moved,
    /// <summary>Figures: mean brightness, the reference's (0–255).</summary>
    TooDark,
    /// <summary>Figures: share of the view clipped white, the reference's.</summary>
    Overexposed,
    /// <summary>Figures: mean difference from the previous snapshot (grey levels).</summary>
    Frozen,
    /// <summary>Figures: sharpness as a share of the reference's.</summary>
    OutOfFocus,
}

/// <summary>
/// One check's outcome: tripped or not, the measured score, the threshold it was held to, and why — as English text for
/// logs and benchmarks, and as the bare figures (<see cref="HealthIssue"/> names them) for a page to say in its own language.
/// </summary>
public sealed record HealthFinding(HealthIssue Issue, bool Tripped, double Score, double Threshold, string Evidence, IReadOnlyList<double> Figures)
{
    // The figures by value: two checks of the same views are the same finding.
    public bool Equals(HealthFinding? other) =>
        other is not null && (Issue, Tripped, Score, Threshold, Evidence) == (other.Issue, other.Tripped, other.Score, other.Threshold, other.Evidence)
        && Figures.SequenceEqual(other.Figures);

    public override int GetHashCode() => HashCode.Combine(Issue, Tripped, Score, Threshold, Evidence, Figures.Count);
}

/// <summary>All checks of one snapshot against the camera's reference frame.</summary>
public sealed record HealthReport(IReadOnlyList<HealthFinding> Findings)
{
    public bool AnyTripped => Findings.Any(f => f.Tripped);
    public bool Tripped(HealthIssue issue) => Findings.Any(f => f.Issue == issue && f.Tripped);
    public HealthFinding this[HealthIssue issue] => Findings.First(f => f.Issue == issue);
}
