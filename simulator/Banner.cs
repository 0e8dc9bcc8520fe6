using SkiaSharp;

namespace SmartStore.Simulator;

/// <summary>A promotion banner (吊旗) hung in front of a camera: red cloth over the upper half of its view, a white strip on it.</summary>
public static class Banner
{
    public static byte[] Over(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg) ?? throw new InvalidDataException("not a picture");
        using (var canvas = new SKCanvas(bitmap))
        using (var cloth = new SKPaint { Color = new SKColor(196, 28, 36) })
        using (var strip = new SKPaint { Color = SKColors.White })
        {
            canvas.DrawRect(0, 0, bitmap.Width, bitmap.Height * 0.5f, cloth);
            canvas.DrawRect(bitmap.Width * 0.15f, bitmap.Height * 0.18f, bitmap.Width * 0.7f, bitmap.Height * 0.12f, strip);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
