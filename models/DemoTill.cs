namespace SmartStore.Models;

/// <summary>
/// The demo chain's tills (收银追溯): a flagship store's camera over its till replays the PETS 2009 walkway, and the
/// counting area is the near-left floor where, every loop of the sequence, one person stands for a while — the customer
/// at the counter. The simulator rings the demo POS's receipts by what stands there; the demo seeding draws the area.
/// </summary>
public static class DemoTill
{
    /// <summary>The customers' side of the counter, in fractions of the frame.</summary>
    public static readonly CountingArea Area = new([new(0, 0.45f), new(0.45f, 0.45f), new(0.45f, 1), new(0, 1)]);

    /// <summary>The till camera of a store: CAM-Sxxxx-T1.</summary>
    public static string Camera(string storeCode) => $"CAM-{storeCode}-T1";

    /// <summary>The store a till camera belongs to, or null for another camera.</summary>
    public static string? StoreOf(string cameraCode) =>
        cameraCode.StartsWith("CAM-", StringComparison.Ordinal) && cameraCode.EndsWith("-T1", StringComparison.Ordinal) ? cameraCode[4..^3] : null;

    /// <summary>The till the camera watches and the POS rings at, as the POS names it (a flagship has one till in the demo).</summary>
    public const string Name = "1";

    /// <summary>The first flagship's store manager's own member card, which its cashier puts on many customers' sales (内部会员卡).</summary>
    public const string StaffCardStore = "S0001";
    public const string StaffCard = "M88000001";
    public const string StaffCardHolder = "王丽（店长）";

    /// <summary>Where secrets.json keeps the API key the demo POS pushes its receipts with.</summary>
    public const string PosKeySecret = "apikey:demo-pos";
}
