using SmartStore.Silo.Ingest;

namespace SmartStore.Grains.Tests;

public sealed class CaptureTimeTests
{
    [Theory]
    [InlineData("192.168.1.64_01_20240520101500123_MOTION_DETECTION.jpg", "2024-05-20T02:15:00.1230000Z")]
    [InlineData("upload/20240520_101501.jpg", "2024-05-20T02:15:01.0000000Z")]
    [InlineData("CAM-S0001-P1_P03_20241123143000.jpg", "2024-11-23T06:30:00.0000000Z")]
    public void Capture_time_in_a_file_name_is_read_in_the_store_time_zone(string name, string expectedUtc)
    {
        var utc = CaptureTime.FromFileName(name, "Asia/Shanghai");
        Assert.Equal(DateTime.Parse(expectedUtc, null, System.Globalization.DateTimeStyles.RoundtripKind), utc);
    }

    [Theory]
    [InlineData("snapshot.jpg")]
    [InlineData("192.168.1.64_01_99999999999999_TIMING.jpg")]
    [InlineData("IMG_1234.jpg")]
    public void Names_without_a_valid_time_have_none(string name) => Assert.Null(CaptureTime.FromFileName(name, "Asia/Shanghai"));

    [Theory]
    [InlineData("CAM-S0001-P1_P03_20241123143000.jpg", 3)]
    [InlineData("ch01_preset12.jpg", 12)]
    [InlineData("preset_7_20241123.jpg", 7)]
    [InlineData("CAM-S0001-P1_20241123143000.jpg", null)]
    public void Preset_numbers_are_read_only_where_the_name_clearly_carries_one(string name, int? preset) =>
        Assert.Equal(preset, CaptureTime.PresetFromFileName(name));
}
