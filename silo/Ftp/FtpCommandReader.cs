using System.Text;

namespace SmartStore.Silo.Ftp;

/// <summary>
/// Reads CRLF-terminated command lines with a length cap, so a client cannot make the server buffer an
/// endless line. An overlong line is consumed to its end and reported, not executed.
/// </summary>
public sealed class FtpCommandReader(Stream stream, int maxLength)
{
    private readonly byte[] _buffer = new byte[4096];
    private int _start, _end;

    public sealed record Line(string? Text, bool TooLong);

    /// <summary>The next line, or null at end of stream.</summary>
    public async Task<Line?> ReadLine(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        var tooLong = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken);
                if (_end == 0) return null;
            }
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            if (!tooLong)
            {
                line.AddRange(new ArraySegment<byte>(_buffer, _start, stop - _start));
                if (line.Count > maxLength) { tooLong = true; line.Clear(); }
            }
            _start = newline < 0 ? _end : newline + 1;
            if (newline < 0) continue;
            if (tooLong) return new Line(null, true);
            if (line.Count > 0 && line[^1] == '\r') line.RemoveAt(line.Count - 1);
            return new Line(Encoding.UTF8.GetString(line.ToArray()), false);
        }
    }
}
