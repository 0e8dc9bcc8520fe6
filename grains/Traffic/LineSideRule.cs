using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>
/// Decides when one track has crossed the door line, with the rule the ground truth uses: a foot point closer
/// than the margin decides nothing; a change of side counts only after <c>confirm</c> deciding samples in a row
/// on the new side (a sample back on the old side cancels it, so loitering on the line counts nothing); and the
/// step from the last point on the old side to the first on the new side must pass through the segment, so
/// walking round its end is not a crossing.
/// </summary>
public sealed class LineSideRule(int confirm)
{
    private int _side;
    private (float X, float Y) _lastOnSide;
    private (float X, float Y) _firstOnNewSide;
    private DateTime _firstOnNewSideUtc;
    private int _pending;

    /// <summary>Whether any deciding sample lay outside (a passer-by is someone seen outside who never crossed).</summary>
    public bool SeenOutside { get; private set; }

    public bool EverCrossed { get; private set; }

    /// <summary>Feeds the next foot point; returns the direction and time of a confirmed crossing, if this sample confirmed one.</summary>
    public (CrossingDirection Direction, DateTime AtUtc)? Observe(in CountingLine line, float x, float y, DateTime atUtc, float marginPx)
    {
        var distance = line.SignedDistance(x, y);
        if (MathF.Abs(distance) <= marginPx) return null;
        var side = distance > 0 ? 1 : -1;
        if (side < 0) SeenOutside = true;

        if (_side == 0 || side == _side)
        {
            _side = side;
            _lastOnSide = (x, y);
            _pending = 0;
            return null;
        }
        if (_pending++ == 0)
        {
            _firstOnNewSide = (x, y);
            _firstOnNewSideUtc = atUtc;
        }
        if (_pending < confirm) return null;

        return Change(line, side, (x, y), marginPx);
    }

    /// <summary>
    /// The frames have stopped while this track was still in view: a change of side that no sample contradicted
    /// counts, even though the confirming samples never came.
    /// </summary>
    public (CrossingDirection Direction, DateTime AtUtc)? Conclude(in CountingLine line, float marginPx) =>
        _pending == 0 ? null : Change(line, -_side, _firstOnNewSide, marginPx);

    private (CrossingDirection Direction, DateTime AtUtc)? Change(in CountingLine line, int side, (float X, float Y) last, float marginPx)
    {
        var throughSegment = line.StepCrossesSegment(_lastOnSide.X, _lastOnSide.Y, _firstOnNewSide.X, _firstOnNewSide.Y, marginPx);
        _side = side;
        _lastOnSide = last;
        _pending = 0;
        if (!throughSegment) return null;
        EverCrossed = true;
        return (side > 0 ? CrossingDirection.In : CrossingDirection.Out, _firstOnNewSideUtc);
    }
}
