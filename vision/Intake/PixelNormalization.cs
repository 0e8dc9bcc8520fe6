namespace SmartStore.Vision.Intake;

public enum ChannelOrder { Rgb, Bgr }

/// <summary>How a model wants its pixels: channel order and (value − mean) / std per channel, in that model's channel order.</summary>
public sealed record PixelNormalization(ChannelOrder Order, float[] Mean, float[] Std)
{
    /// <summary>OpenMMLab / NanoDet convention: BGR with ImageNet statistics on the 0–255 scale.</summary>
    public static PixelNormalization MmdetBgr { get; } = new(ChannelOrder.Bgr, [103.53f, 116.28f, 123.675f], [57.375f, 57.12f, 58.395f]);

    /// <summary>Raw 0–255 BGR (YOLOX, OMZ re-id).</summary>
    public static PixelNormalization RawBgr { get; } = new(ChannelOrder.Bgr, [0f, 0f, 0f], [1f, 1f, 1f]);

    /// <summary>torchvision ImageNet convention (MobileNetV2): RGB, pixel/255 then mean/std.</summary>
    public static PixelNormalization ImageNetRgb { get; } = new(ChannelOrder.Rgb,
        [0.485f * 255f, 0.456f * 255f, 0.406f * 255f], [0.229f * 255f, 0.224f * 255f, 0.225f * 255f]);

    /// <summary>UltraFace: RGB, (pixel − 127) / 128.</summary>
    public static PixelNormalization UltraFaceRgb { get; } = new(ChannelOrder.Rgb, [127f, 127f, 127f], [128f, 128f, 128f]);
}
