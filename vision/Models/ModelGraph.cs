using System.Text;

namespace SmartStore.Vision.Models;

/// <summary>
/// Reads an intermediate tensor of a model without a modified file on disk: ONNX Runtime returns only graph outputs,
/// so the loaded bytes get one more output entry naming the tensor (a protobuf edit of <c>ModelProto.graph.output</c>;
/// nodes and weights untouched). The file itself is still checked against its catalogue sha256 before this.
/// </summary>
public static class ModelGraph
{
    private const int ModelGraphField = 7;   // ModelProto.graph
    private const int GraphOutputField = 12; // GraphProto.output (ValueInfoProto)
    private const int LengthDelimited = 2;

    /// <summary>The model with each named float tensor added as a graph output. ORT refuses the session if a name is not in the graph.</summary>
    public static byte[] WithFloatOutputs(byte[] model, params string[] tensorNames)
    {
        var extra = new MemoryStream();
        foreach (var name in tensorNames) WriteField(extra, GraphOutputField, FloatValueInfo(name));
        var result = new MemoryStream(model.Length + (int)extra.Length + 16);
        var found = false;
        int i = 0;
        while (i < model.Length)
        {
            var start = i;
            var key = ReadVarint(model, ref i);
            var (field, wire) = ((int)(key >> 3), (int)(key & 7));
            if (field == ModelGraphField && wire == LengthDelimited)
            {
                var length = (int)ReadVarint(model, ref i);
                var graph = new byte[length + extra.Length];
                model.AsSpan(i, length).CopyTo(graph);
                extra.ToArray().CopyTo(graph, length);
                WriteField(result, ModelGraphField, graph);
                i += length;
                found = true;
                continue;
            }
            Skip(model, ref i, wire);
            result.Write(model, start, i - start);
        }
        if (!found) throw new InvalidDataException("Not an ONNX model: no graph.");
        return result.ToArray();
    }

    // ValueInfoProto { name = 1; type = 2: TypeProto { tensor_type = 1: Tensor { elem_type = 1 (FLOAT) } } }
    private static byte[] FloatValueInfo(string name)
    {
        var tensor = new byte[] { 0x08, 0x01 };
        var type = new MemoryStream();
        WriteField(type, 1, tensor);
        var info = new MemoryStream();
        WriteField(info, 1, Encoding.UTF8.GetBytes(name));
        WriteField(info, 2, type.ToArray());
        return info.ToArray();
    }

    private static void Skip(byte[] data, ref int i, int wire)
    {
        switch (wire)
        {
            case 0: ReadVarint(data, ref i); break;
            case 1: i += 8; break;
            case LengthDelimited:
                var length = (int)ReadVarint(data, ref i); // read first: `i += Read(ref i)` would add to the old i
                i += length;
                break;
            case 5: i += 4; break;
            default: throw new InvalidDataException($"Not an ONNX model: protobuf wire type {wire}.");
        }
        if (i > data.Length) throw new InvalidDataException("Not an ONNX model: truncated.");
    }

    private static ulong ReadVarint(byte[] data, ref int i)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (i >= data.Length) throw new InvalidDataException("Not an ONNX model: truncated.");
            var b = data[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("Not an ONNX model: bad varint.");
    }

    private static void WriteField(Stream into, int field, byte[] payload)
    {
        WriteVarint(into, (ulong)(field << 3 | LengthDelimited));
        WriteVarint(into, (ulong)payload.Length);
        into.Write(payload);
    }

    private static void WriteVarint(Stream into, ulong value)
    {
        while (value >= 0x80)
        {
            into.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        into.WriteByte((byte)value);
    }
}
