using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>One frame's fused people count.</summary>
public readonly record struct Headcount(DateTime AtUtc, int People);

/// <summary>
/// People in view of one in-store camera, frame by frame, fused over consecutive frames the way vision-accuracy
/// measures it: a person seen in the frame before and again, at about the same place, in the frame after, but not
/// found in this one is still there (hidden for a moment, or missed by the detector); then the median over
/// <see cref="HeadcountOptions.Window"/> frames. A frame's count is known once the frames after it that the two
/// steps look at have arrived (two, with the defaults). A run of consecutive frames ends at a gap longer than
/// <see cref="HeadcountOptions.MaxGap"/> or when the camera goes quiet (<see cref="Finish"/>); its last frames are
/// counted with what there is, as at the end of a recorded sequence. Plain logic; the camera grain owns it.
/// </summary>
public sealed class InteriorHeadcount(HeadcountOptions options)
{
    /// <summary>The longest median window (it is counted on the stack).</summary>
    public const int MaxWindow = 31;

    private readonly List<Frame> _run = [];
    // Index in _run of the next frame to count; frames no longer looked at are dropped from the front.
    private int _next;
    // The newest frame taken, kept across runs: a frame analysed again after its run was counted out is still old.
    private DateTime _newestTakenUtc = DateTime.MinValue;

    private int Half { get; } = options.Window is < 1 or > MaxWindow || options.Window % 2 == 0
        ? throw new ArgumentOutOfRangeException(nameof(options), $"the window must be odd, 1 to {MaxWindow}") : options.Window / 2;

    /// <summary>Frames seen and not counted yet.</summary>
    public int Waiting => _run.Count - _next;

    /// <summary>Takes the next frame of the camera; returns the frames whose counts are now known, oldest first.</summary>
    public IReadOnlyList<Headcount> Add(DateTime atUtc, IReadOnlyList<PersonSighting> people)
    {
        var counted = new List<Headcount>();
        // A frame analysed again, or older than one already taken: it has been counted (or is in the run) already.
        if (atUtc <= _newestTakenUtc) return counted;
        if (_run.Count > 0 && atUtc - _run[^1].AtUtc > options.MaxGap) counted.AddRange(Finish());
        _newestTakenUtc = atUtc;
        _run.Add(new Frame(atUtc, people));
        var last = _run.Count - 1;
        if (last >= 1) _run[last - 1].Filled = Filled(last - 1);
        while (_next + Half <= last - 1) counted.Add(CountAt(_next++));
        Forget(last);
        return counted;
    }

    /// <summary>Ends the run (the camera went quiet): counts every frame still waiting.</summary>
    public IReadOnlyList<Headcount> Finish()
    {
        if (_run.Count == 0) return [];
        var counted = new List<Headcount>(_run.Count - _next);
        while (_next < _run.Count) counted.Add(CountAt(_next++));
        _run.Clear();
        _next = 0;
        return counted;
    }

    /// <summary>Frame i's count with its one-frame gaps filled; i has a frame before and after it in the run, or is the run's first.</summary>
    private int Filled(int i)
    {
        var people = _run[i].People.Count;
        if (!options.FillGaps || i == 0) return people;
        foreach (var before in _run[i - 1].People)
            if (!Overlaps(_run[i].People, before) && Overlaps(_run[i + 1].People, before)) people++;
        return people;
    }

    private bool Overlaps(IReadOnlyList<PersonSighting> frame, PersonSighting box)
    {
        foreach (var other in frame)
            if (SightingOverlap.IoU(other, box) >= options.MinOverlap) return true;
        return false;
    }

    /// <summary>Median of the filled counts around frame j, the window cut at the run's ends.</summary>
    private Headcount CountAt(int j)
    {
        var from = Math.Max(0, j - Half);
        var to = Math.Min(_run.Count - 1, j + Half);
        Span<int> values = stackalloc int[to - from + 1];
        for (var k = from; k <= to; k++) values[k - from] = _run[k].Filled;
        values.Sort();
        return new Headcount(_run[j].AtUtc, values[values.Length / 2]);
    }

    /// <summary>Keeps only what later frames look at: the window before the next frame to count, and the last two frames.</summary>
    private void Forget(int last)
    {
        var drop = Math.Min(last - 1, _next - Half);
        if (drop <= 0) return;
        _run.RemoveRange(0, drop);
        _next -= drop;
    }

    private sealed class Frame(DateTime atUtc, IReadOnlyList<PersonSighting> people)
    {
        public DateTime AtUtc { get; } = atUtc;
        public IReadOnlyList<PersonSighting> People { get; } = people;
        /// <summary>The count with one-frame gaps filled; the frame's own until it has a frame after it (and for a run's ends).</summary>
        public int Filled { get; set; } = people.Count;
    }
}
