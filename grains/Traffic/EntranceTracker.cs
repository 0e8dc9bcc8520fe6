using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>What one frame changed: crossings confirmed in it, passers-by whose tracks ended, and which box is which track.</summary>
public sealed record TrackedFrame(IReadOnlyList<LineCrossing> Crossings, int PassersBy, IReadOnlyList<TrackedBox> Boxes);

/// <summary>
/// Links the people of consecutive frames of one entrance camera into tracks — by predicted position, overlap
/// and appearance — and applies the door-line rule to every track's foot point. Frames must arrive in capture
/// order. Plain logic: the camera grain owns an instance and feeds it analysed frames.
/// </summary>
public sealed class EntranceTracker(string cameraCode, DoorLine? doorLine, TrackerOptions? options = null)
{
    private readonly TrackerOptions _options = options ?? new TrackerOptions();
    private readonly List<PersonTrack> _tracks = [];
    private int _nextId = 1;
    private DateTime _lastFrameUtc = DateTime.MinValue;
    private double? _typicalIntervalSeconds;
    private (int Width, int Height) _frameSize;

    /// <summary>
    /// How long a track may go unseen: the configured gap, or 2.5 frame intervals of this camera when it uploads more
    /// slowly (cameras send every 0.5–5 s; at 5 s a fixed 2.5 s gap would end every track between two frames).
    /// </summary>
    public TimeSpan MaxGap => _typicalIntervalSeconds is { } s ? TimeSpan.FromSeconds(Math.Max(_options.MaxGap.TotalSeconds, 2.5 * s)) : _options.MaxGap;

    public DoorLine? DoorLine { get; private set; } = doorLine;

    /// <summary>A moved line starts the side decisions afresh: old sides were judged against the old line.</summary>
    public void MoveLine(DoorLine? line)
    {
        DoorLine = line;
        foreach (var track in _tracks) track.ResetSides();
    }

    public TrackedFrame Observe(AnalysedFrame frame)
    {
        // A frame not newer than the last one (a re-sent or late upload, or a retried analysis of a frame already
        // tracked) cannot be tracked without rewinding, and tracking it twice would confirm crossings it never showed.
        if (frame.CapturedUtc <= _lastFrameUtc) return new TrackedFrame([], 0, []);
        LearnInterval(frame.CapturedUtc - _lastFrameUtc);
        _lastFrameUtc = frame.CapturedUtc;

        _frameSize = (frame.Width, frame.Height);
        var line = Line();
        var margin = Margin();
        // Tracks lost for longer than the gap end before matching: after a pause the next person is somebody new.
        var (crossings, passersBy) = FinishTracks(track => frame.CapturedUtc - track.LastSeenUtc > MaxGap, concludes: false);
        var matches = Associate(frame);
        var boxes = new List<TrackedBox>(frame.People.Count);

        for (var d = 0; d < frame.People.Count; d++)
        {
            var person = frame.People[d];
            var track = matches.TryGetValue(d, out var t) ? t : StartTrack();
            track.Update(person, frame.CapturedUtc);
            boxes.Add(new TrackedBox(track.Id, person.X1, person.Y1, person.X2, person.Y2));
            if (line is { } l && track.Sides.Observe(l, (person.X1 + person.X2) / 2, person.Y2, frame.CapturedUtc, margin) is { } crossing)
                crossings.Add(Crossing(track, crossing));
        }
        return new TrackedFrame(crossings, passersBy, boxes);
    }

    public bool HasTracks => _tracks.Count > 0;

    /// <summary>Capture time of the newest frame tracked.</summary>
    public DateTime LastFrameUtc => _lastFrameUtc;

    /// <summary>
    /// The camera has gone quiet (no new frame for longer than the gap, nothing left to analyse): every track
    /// ends now rather than when the next frame comes, which may be the next morning, in another hour's tally.
    /// A person still in view in the last frame, part-way through confirming a change of side, is concluded on
    /// that last sample: the frames stopped, not the person, and nothing showed them turning back. Tracks lost
    /// earlier are not concluded: a person who vanished mid-crossing is often picked up again by another track,
    /// which counts the crossing itself.
    /// </summary>
    public TrackedFrame FinishAll()
    {
        var (crossings, passersBy) = FinishTracks(_ => true, concludes: true);
        return new TrackedFrame(crossings, passersBy, []);
    }

    private CountingLine? Line() => DoorLine is null || _frameSize.Width == 0 ? null : CountingLine.For(DoorLine, _frameSize.Width, _frameSize.Height);

    private float Margin() => _options.LineMarginOfHeight * _frameSize.Height;

    private LineCrossing Crossing(PersonTrack track, (CrossingDirection Direction, DateTime AtUtc) crossing) =>
        new(cameraCode, track.Id, crossing.Direction, crossing.AtUtc, track.Appearance, track.AgeBand, track.Gender);

    /// <summary>Smoothed interval between frames; pauses (an outage, a closed store) over 10 s are not the camera's cadence.</summary>
    private void LearnInterval(TimeSpan interval)
    {
        var seconds = interval.TotalSeconds;
        if (seconds <= 0 || seconds > 10) return;
        _typicalIntervalSeconds = _typicalIntervalSeconds is { } s ? 0.8 * s + 0.2 * seconds : seconds;
    }

    private PersonTrack StartTrack()
    {
        var track = new PersonTrack(_nextId++, _options);
        _tracks.Add(track);
        return track;
    }

    /// <summary>Greedy best-first matching of detections to live tracks over the gated candidate pairs.</summary>
    private Dictionary<int, PersonTrack> Associate(AnalysedFrame frame)
    {
        var candidates = new List<(float Score, int Detection, PersonTrack Track)>();
        foreach (var track in _tracks)
            for (var d = 0; d < frame.People.Count; d++)
                if (track.MatchScore(frame.People[d], frame.CapturedUtc) is { } score)
                    candidates.Add((score, d, track));

        var matched = new Dictionary<int, PersonTrack>();
        var taken = new HashSet<PersonTrack>();
        foreach (var (_, detection, track) in candidates.OrderByDescending(c => c.Score))
        {
            if (matched.ContainsKey(detection) || taken.Contains(track)) continue;
            matched[detection] = track;
            taken.Add(track);
        }
        return matched;
    }

    /// <summary>Ends the tracks chosen; a track seen outside that never crossed is a passer-by.</summary>
    private (List<LineCrossing> Crossings, int PassersBy) FinishTracks(Func<PersonTrack, bool> ended, bool concludes)
    {
        var line = Line();
        var margin = Margin();
        var crossings = new List<LineCrossing>();
        var passersBy = 0;
        _tracks.RemoveAll(track =>
        {
            if (!ended(track)) return false;
            if (concludes && track.LastSeenUtc == _lastFrameUtc && line is { } l && track.Sides.Conclude(l, margin) is { } crossing)
                crossings.Add(Crossing(track, crossing));
            if (track.IsPasserBy()) passersBy++;
            return true;
        });
        return (crossings, passersBy);
    }
}
