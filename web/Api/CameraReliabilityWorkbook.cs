
namespace SmartStore.Web.Api;

/// <summary>设备运维报表 as an .xlsx workbook: the cameras that failed, worst first, and each region's cameras added up.</summary>
public static class CameraReliabilityWorkbook
{
    public static async Task<byte[]> Write(CameraReliabilityResult report, CancellationToken cancellationToken)
    {
        var sheets = new Dictionary<string, object>
        {
            ["cameras"] = report.Rows.Select(r => new Dictionary<string, object?>
            {
                ["摄像机 camera"] = r.CameraCode, ["类型 kind"] = r.Kind, ["门店 store"] = r.StoreCode, ["名称 name"] = r.StoreName,
                ["大区 region"] = r.RegionCode, ["营业分钟 open minutes"] = r.OpenMinutes, ["离线次数 times offline"] = r.OfflineCount,
                ["离线分钟 minutes offline"] = r.OfflineMinutes, ["画面异常次数 view faults"] = r.FaultCount,
                ["画面异常分钟 minutes of view faults"] = r.FaultMinutes, ["异常类型 fault kinds"] = string.Join(", ", r.FaultKinds),
                ["仍离线 offline now"] = r.OfflineNow, ["在线率 uptime"] = r.Uptime,
            }).ToList(),
            ["regions"] = report.Regions.Select(r => new Dictionary<string, object?>
            {
                ["大区 region"] = r.RegionCode, ["摄像机 cameras"] = r.Cameras, ["有故障 with incidents"] = r.CamerasWithIncidents,
                ["营业分钟 open minutes"] = r.OpenMinutes, ["离线分钟 minutes offline"] = r.OfflineMinutes,
                ["画面异常分钟 minutes of view faults"] = r.FaultMinutes, ["在线率 uptime"] = r.Uptime,
            }).ToList(),
        };
        return await Workbook.Save(sheets, cancellationToken);
    }
}
