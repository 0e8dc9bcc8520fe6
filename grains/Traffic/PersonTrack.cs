using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>One person followed across frames: last box, velocity, running appearance and door-line state.</summary>
internal sealed class PersonTrack(int id, TrackerOptions options)
{
    private float _x1, _y1, _x2, _y2;
    private float _vx, _vy;

    public int Id { get; } = id;
    public int Frames { get; private set; }
    public DateTime LastSeenUtc { get; private set; }
    public float[]? Appearance { get; private set; }
    public string? AgeBand { get; private set; }
    public string? Gender { get; private set; }
    public LineSideRule Sides { get; private set; } = new(options.ConfirmFrames);

    private float CentreX => (_x1 + _x2) / 2;
    private float CentreY => (_y1 + _y2) / 2;
    private float Height => Math.Max(1, _y2 - _y1);

    public void ResetSides() => Sides = new LineSideRule(options.ConfirmFrames);

    /// <summary>
    /// Score of linking this track to a detection, or null when it is outside the gates. Tracks lost for longer than the
    /// tracker's gap have already ended, so only distance and appearance gate here.
    /// </summary>
    public float? MatchScore(PersonSighting person, DateTime atUtc)
    {
        var dt = (float)Math.Max(0, (atUtc - LastSeenUtc).TotalSeconds);
        var px = CentreX + _vx * dt; var py = CentreY + _vy * dt;
        var height = Math.Max(Height, person.Y2 - person.Y1);
        var step = MathF.Sqrt(Sq((person.X1 + person.X2) / 2 - px) + Sq((person.Y1 + person.Y2) / 2 - py)) / height;
        var gate = options.MaxStepHeights + options.MaxStepHeightsPerSecond * dt;
        if (step > gate) return null;

        var similarity = Appearance is { } a && person.Appearance is { } b ? Cosine(a, b) : (float?)null;
        if (similarity < options.MinAppearanceSimilarity) return null;

        var halfW = (_x2 - _x1) / 2; var halfH = (_y2 - _y1) / 2;
        var overlap = SightingOverlap.IoU(px - halfW, py - halfH, px + halfW, py + halfH, person);
        // Overlap and closeness carry the geometry; appearance separates two people walking side by side.
        return overlap + 0.5f * (1 - step / gate) + 0.75f * (similarity ?? 0.5f);
    }

    public void Update(PersonSighting person, DateTime atUtc)
    {
        if (Frames > 0)
        {
            var dt = (float)(atUtc - LastSeenUtc).TotalSeconds;
            if (dt > 0)
            {
                // Smoothed velocity: detections jitter, walking does not.
                _vx = 0.5f * _vx + 0.5f * (((person.X1 + person.X2) / 2 - CentreX) / dt);
                _vy = 0.5f * _vy + 0.5f * (((person.Y1 + person.Y2) / 2 - CentreY) / dt);
            }
        }
        (_x1, _y1, _x2, _y2) = (person.X1, person.Y1, person.X2, person.Y2);
        LastSeenUtc = atUtc;
        Frames++;
        if (person.Appearance is { } seen) Appearance = Blend(Appearance, seen);
        AgeBand = person.AgeBand ?? AgeBand;
        Gender = person.Gender ?? Gender;
    }

    public bool IsPasserBy() => Frames >= options.MinFramesForPasserBy && Sides.SeenOutside && !Sides.EverCrossed;

    private static float[] Blend(float[]? running, float[] seen)
    {
        if (running is null) return (float[])seen.Clone();
        var blended = new float[running.Length];
        for (var i = 0; i < blended.Length; i++) blended[i] = 0.8f * running[i] + 0.2f * seen[i];
        return Normalised(blended);
    }

    internal static float Cosine(float[] a, float[] b)
    {
        float dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return na == 0 || nb == 0 ? 0 : dot / MathF.Sqrt(na * nb);
    }

    private static float[] Normalised(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    private static float Sq(float v) => v * v;
}
