using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SmartStore.Vision.Intake;

/// <summary>
/// Writes a range of canvas rows of a <see cref="LetterboxJob"/>: the picture's rows, resized bilinearly (each source row
/// converted to floats once while consecutive output rows need it) or copied when the sizes match, then the padding.
/// Planar (NCHW) rows go eight pixels at a time; a tail, and interleaved (NHWC) rows, pixel by pixel with the same
/// arithmetic, so both give the same floats. Holds its own scratch rows: one instance per band.
/// </summary>
internal sealed class LetterboxRows
{
    private readonly float[][] cachedRows = [[], []];
    private readonly int[] cachedRowIndex = [-1, -1];
    private float[] blended = [];

    public unsafe void Write(in LetterboxJob job, int firstRow, int endRow)
    {
        if (blended.Length < job.SourceSpan) (cachedRows[0], cachedRows[1], blended) = (new float[job.SourceSpan], new float[job.SourceSpan], new float[job.SourceSpan]);
        cachedRowIndex[0] = cachedRowIndex[1] = -1;
        fixed (float* data = job.Data)
        {
            for (int y = firstRow; y < endRow; y++)
            {
                // NCHW: three planes, this row in each; NHWC: one interleaved row (stride 3).
                float* d0 = job.Planar ? data + y * job.CanvasWidth : data + y * job.CanvasWidth * 3;
                float* d1 = job.Planar ? d0 + job.Plane : d0 + 1;
                float* d2 = job.Planar ? d1 + job.Plane : d0 + 2;
                var x = y >= job.Height ? 0
                    : job.SameSize ? CopyRow(job, y, d0, d1, d2)
                    : ResizeRow(job, y, d0, d1, d2);
                Pad(job, x, d0, d1, d2);
            }
        }
    }

    private static unsafe int CopyRow(in LetterboxJob job, int y, float* d0, float* d1, float* d2)
    {
        byte* p = (byte*)job.Pixels + (long)y * job.RowBytes;
        var x = job.Planar ? CopyEightAtATime(job, p, d0, d1, d2) : 0;
        for (p += x * 4; x < job.Width; x++, p += 4)
        {
            int at = x * job.Step;
            d0[at] = (p[job.First] - job.Mean0) * job.Scale0;
            d1[at] = (p[1] - job.Mean1) * job.Scale1;
            d2[at] = (p[job.Third] - job.Mean2) * job.Scale2;
        }
        return x;
    }

    /// <summary>Each channel's byte shifted out of the pixel's 32 bits, normalised, stored to its plane.</summary>
    private static unsafe int CopyEightAtATime(in LetterboxJob job, byte* p, float* d0, float* d1, float* d2)
    {
        if (!Vector256.IsHardwareAccelerated) return 0;
        int firstShift = job.First * 8, thirdShift = job.Third * 8, x = 0;
        var mask = Vector256.Create(0xFFu);
        Vector256<float> m0 = Vector256.Create(job.Mean0), m1 = Vector256.Create(job.Mean1), m2 = Vector256.Create(job.Mean2);
        Vector256<float> s0 = Vector256.Create(job.Scale0), s1 = Vector256.Create(job.Scale1), s2 = Vector256.Create(job.Scale2);
        for (; x + 8 <= job.Width; x += 8)
        {
            var pixels = Vector256.Load((uint*)(p + x * 4));
            ((Vector256.ConvertToSingle(((pixels >>> firstShift) & mask).AsInt32()) - m0) * s0).Store(d0 + x);
            ((Vector256.ConvertToSingle(((pixels >>> 8) & mask).AsInt32()) - m1) * s1).Store(d1 + x);
            ((Vector256.ConvertToSingle(((pixels >>> thirdShift) & mask).AsInt32()) - m2) * s2).Store(d2 + x);
        }
        return x;
    }

    private unsafe int ResizeRow(in LetterboxJob job, int y, float* d0, float* d1, float* d2)
    {
        var columns = job.Columns;
        fixed (float* src = BlendedRow(job, y))
        fixed (int* lo = columns.Lo, hi = columns.Hi)
        fixed (float* weights = columns.Weight)
        {
            var x = job.Planar ? ResizeEightAtATime(job, src, lo, hi, weights, d0, d1, d2) : 0;
            for (; x < job.Width; x++)
            {
                float* a = src + lo[x] * 4, b = src + hi[x] * 4;
                float f = weights[x];
                int at = x * job.Step;
                d0[at] = (a[job.First] + (b[job.First] - a[job.First]) * f - job.Mean0) * job.Scale0;
                d1[at] = (a[1] + (b[1] - a[1]) * f - job.Mean1) * job.Scale1;
                d2[at] = (a[job.Third] + (b[job.Third] - a[job.Third]) * f - job.Mean2) * job.Scale2;
            }
            return x;
        }
    }

    /// <summary>The two neighbouring source pixels of eight outputs gathered per channel, blended, normalised.</summary>
    private static unsafe int ResizeEightAtATime(in LetterboxJob job, float* src, int* lo, int* hi, float* weights, float* d0, float* d1, float* d2)
    {
        if (!Avx2.IsSupported) return 0;
        Vector256<float> m0 = Vector256.Create(job.Mean0), m1 = Vector256.Create(job.Mean1), m2 = Vector256.Create(job.Mean2);
        Vector256<float> s0 = Vector256.Create(job.Scale0), s1 = Vector256.Create(job.Scale1), s2 = Vector256.Create(job.Scale2);
        float* c0 = src + job.First, c1 = src + 1, c2 = src + job.Third;
        var x = 0;
        for (; x + 8 <= job.Width; x += 8)
        {
            // Float index of each pixel in the RGBA row: 4 per pixel.
            var left = Vector256.Load(lo + x) << 2;
            var right = Vector256.Load(hi + x) << 2;
            var f = Vector256.Load(weights + x);
            ((Blend(c0, left, right, f) - m0) * s0).Store(d0 + x);
            ((Blend(c1, left, right, f) - m1) * s1).Store(d1 + x);
            ((Blend(c2, left, right, f) - m2) * s2).Store(d2 + x);
        }
        return x;
    }

    private static unsafe Vector256<float> Blend(float* channel, Vector256<int> left, Vector256<int> right, Vector256<float> f)
    {
        var a = Avx2.GatherVector256(channel, left, 4);
        var b = Avx2.GatherVector256(channel, right, 4);
        return a + (b - a) * f;
    }

    private static unsafe void Pad(in LetterboxJob job, int x, float* d0, float* d1, float* d2)
    {
        if (job.Planar)
        {
            var rest = job.CanvasWidth - x;
            new Span<float>(d0 + x, rest).Fill(job.Pad0);
            new Span<float>(d1 + x, rest).Fill(job.Pad1);
            new Span<float>(d2 + x, rest).Fill(job.Pad2);
            return;
        }
        for (; x < job.CanvasWidth; x++)
        {
            int at = x * job.Step;
            d0[at] = job.Pad0;
            d1[at] = job.Pad1;
            d2[at] = job.Pad2;
        }
    }

    /// <summary>Source rows Lo and Hi of output row y, blended by its weight (RGBA floats; each source row converted once).</summary>
    private float[] BlendedRow(in LetterboxJob job, int y)
    {
        int lo = job.Rows.Lo[y], hi = job.Rows.Hi[y];
        var lowerLine = Load(job, lo);
        var weight = job.Rows.Weight[y];
        if (weight == 0 || hi == lo) return lowerLine;
        var upperLine = Load(job, hi);
        var span = job.SourceSpan;
        TensorPrimitives.Lerp(lowerLine.AsSpan(0, span), upperLine.AsSpan(0, span), weight, blended.AsSpan(0, span));
        return blended;
    }

    /// <summary>One source row as floats, converted once while consecutive output rows need it.</summary>
    private unsafe float[] Load(in LetterboxJob job, int row)
    {
        if (cachedRowIndex[0] == row) return cachedRows[0];
        if (cachedRowIndex[1] == row) return cachedRows[1];
        // Output rows only move down the source, so the higher cached row may still be needed: replace the lower.
        var k = cachedRowIndex[0] <= cachedRowIndex[1] ? 0 : 1;
        cachedRowIndex[k] = row;
        var bytes = new ReadOnlySpan<byte>((byte*)job.Pixels + (long)row * job.RowBytes, job.SourceSpan);
        TensorPrimitives.ConvertTruncating(bytes, cachedRows[k].AsSpan(0, job.SourceSpan));
        return cachedRows[k];
    }
}
