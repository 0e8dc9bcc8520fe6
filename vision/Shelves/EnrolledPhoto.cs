using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SmartStore.Vision.Shelves;

/// <summary>
/// One reference photo as the gallery keeps it: its enrolment views (<see cref="Products.ProductEmbedder.EnrolmentViews"/>)
/// and edge energy. <see cref="ViewBytes"/> / <see cref="FromViewBytes"/> let a silo store it and skip the network for
/// this photo after a restart.
/// </summary>
public sealed record EnrolledPhoto(string Sku, IReadOnlyList<float[]> Views, float EdgeEnergy)
{
    private const int HeaderBytes = 8;

    /// <summary>
    /// Names how these views were made. Stored views are only reused under the same recipe: a different model file or
    /// a change to the views, pooling or edge energy must change it (bump the version when the code changes them).
    /// </summary>
    public static string Recipe { get; } = $"{Products.ProductEmbedder.Recipe};edge-energy v1";

    /// <summary>The views as bytes: view count and dimensions (little-endian int32), then the floats.</summary>
    public byte[] ViewBytes()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Stored views are little-endian floats.");
        int dimensions = Views.Count == 0 ? 0 : Views[0].Length;
        var bytes = new byte[HeaderBytes + Views.Count * dimensions * sizeof(float)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Views.Count);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), dimensions);
        var floats = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(HeaderBytes));
        for (int v = 0; v < Views.Count; v++)
        {
            if (Views[v].Length != dimensions) throw new InvalidOperationException("Enrolment views differ in length.");
            Views[v].CopyTo(floats.Slice(v * dimensions, dimensions));
        }
        return bytes;
    }

    /// <summary>Reads <see cref="ViewBytes"/> back; null when the bytes are not a whole set of views (a damaged row).</summary>
    public static EnrolledPhoto? FromViewBytes(string sku, ReadOnlySpan<byte> bytes, float edgeEnergy)
    {
        if (bytes.Length < HeaderBytes || !BitConverter.IsLittleEndian) return null;
        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes), dimensions = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (count <= 0 || dimensions <= 0 || (long)count * dimensions * sizeof(float) != bytes.Length - HeaderBytes) return null;
        var floats = MemoryMarshal.Cast<byte, float>(bytes[HeaderBytes..]);
        var views = new float[count][];
        for (int v = 0; v < count; v++) views[v] = floats.Slice(v * dimensions, dimensions).ToArray();
        return new EnrolledPhoto(sku, views, edgeEnergy);
    }
}
