namespace SmartStore.Vision.Models;

/// <summary>
/// Every model the vision library may load, pinned by sha256 (values from ../shared/models/*/PROVENANCE.md).
/// A file whose digest differs is refused: a silently swapped model would change every count we report.
/// </summary>
public static class ModelCatalogue
{
    public static readonly ModelSpec RtmDetNanoPerson = new("rtmdet-nano-person", "rtmdet-nano-person", "rtmdet_nano_person.onnx",
        "4720eda18a18402e7b76d85827d4bc60fba18111fc0b74b559e4d24da9ddc3d2",
        "OpenMMLab RTMPose RTMDet-nano person (copy from a repo without licence; see PROVENANCE.md)", "Apache-2.0",
        "the weights are Apache-2.0, but this file was copied from a repository that declares no licence and could not be matched with an official export: re-export it with mmdeploy before shipping");

    public static readonly ModelSpec NanoDetM416 = new("nanodet-m-416", "nanodet-m-416", "nanodet_m_416.onnx",
        "08b62b9ee4a7878e7a64d6ef4faf3074322c033a0252c83a20f41b86c76e8146",
        "Kazuhito00/NanoDet-ONNX-Sample@610a874a model/nanodet_m_416.onnx (RangiLyu/nanodet)", "Apache-2.0");

    public static readonly ModelSpec NanoDetPlusM416 = new("nanodet-plus-m-416", "nanodet-plus-m-416", "object_detection_nanodet_2022nov.onnx",
        "4b82da9944b88577175ee23a459dce2e26e6e4be573def65b1055dc2d9720186",
        "opencv/opencv_zoo models/object_detection_nanodet/object_detection_nanodet_2022nov.onnx", "Apache-2.0");

    public static readonly ModelSpec YoloxNano = new("yolox-nano", "yolox-nano", "yolox_nano.onnx",
        "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14",
        "Kazuhito00/YOLOX-ONNX-TFLite-Sample@3d4f1119 model/yolox_nano.onnx (Megvii YOLOX)", "Apache-2.0");

    public static readonly ModelSpec PersonReid0287 = new("person-reid-0287", "person-reid-omz", "person-reidentification-retail-0287.onnx",
        "f35a22885b93aa0c249d665b4cf5510d08ded92f814694c3c2fec0112b0d3a56",
        "Kazuhito00/MOT-Tracking-by-Detection-Pipeline@e50a76b8 (Intel Open Model Zoo)", "Apache-2.0");

    public static readonly ModelSpec PersonReid0288 = new("person-reid-0288", "person-reid-omz", "person-reidentification-retail-0288.onnx",
        "f3966d905e7232026aa8b814c328231a7b45c5b6b4dd32f886894223c4441b80",
        "Kazuhito00/MOT-Tracking-by-Detection-Pipeline@e50a76b8 (Intel Open Model Zoo)", "Apache-2.0");

    public static readonly ModelSpec UltraFace320 = new("ultraface-rfb-320", "ultraface", "version-RFB-320.onnx",
        "34cd7e60aeff28744c657de7a3dc64e872d506741de66987f3426f2b79f88017",
        "Linzaer/Ultra-Light-Fast-Generic-Face-Detector-1MB models/onnx/version-RFB-320.onnx", "MIT");

    public static readonly ModelSpec UltraFace640 = new("ultraface-rfb-640", "ultraface", "version-RFB-640.onnx",
        "8f4c659275977e7a3bfbfa339a9c769ad793df50f9c0baa8c14b11baa1646430",
        "Linzaer/Ultra-Light-Fast-Generic-Face-Detector-1MB models/onnx/version-RFB-640.onnx", "MIT");

    public static readonly ModelSpec MobileNetV2Features = new("mobilenetv2-features", "mobilenetv2-int8", "mobilenetv2-12-int8-features.onnx",
        "c98166a55c0fb678b51b751991642f166350cecf1fc85016956e5668ccf53336",
        "onnx/models mobilenetv2-12-int8 plus a 'features' output (see PROVENANCE.md)", "Apache-2.0");

    public static IReadOnlyList<ModelSpec> All { get; } =
    [
        RtmDetNanoPerson, NanoDetM416, NanoDetPlusM416, YoloxNano, PersonReid0287, PersonReid0288,
        UltraFace320, UltraFace640, MobileNetV2Features,
    ];

    public static ModelSpec Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown model '{name}'. Known: {string.Join(", ", All.Select(m => m.Name))}", nameof(name));
}
