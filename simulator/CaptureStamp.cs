using System.Text;

namespace SmartStore.Simulator;

/// <summary>
/// Writes the camera and capture time into a JPEG comment (COM segment right after SOI), as real cameras stamp
/// each capture. Without it a replayed frame would be byte-identical to its previous loop and the inbox would
/// rightly store it once — the demo would stop producing new snapshots after the first loop of its sequence.
/// </summary>
public static class CaptureStamp
{
    public static byte[] Apply(byte[] jpeg, string text)
    {
        if (jpeg.Length < 2 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return jpeg;
        var payload = Encoding.ASCII.GetBytes(text.Length > 200 ? text[..200] : text);
        var segmentLength = payload.Length + 2;
        var stamped = new byte[jpeg.Length + 2 + segmentLength];
        stamped[0] = 0xFF; stamped[1] = 0xD8;
        stamped[2] = 0xFF; stamped[3] = 0xFE;
        stamped[4] = (byte)(segmentLength >> 8); stamped[5] = (byte)segmentLength;
        payload.CopyTo(stamped, 6);
        jpeg.AsSpan(2).CopyTo(stamped.AsSpan(6 + payload.Length));
        return stamped;
    }
}
