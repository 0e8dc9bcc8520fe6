using System.Globalization;
using System.Text;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>
/// <c>GET /metrics</c>: SmartStore's health in Prometheus's text format, for the chain's own monitoring — whether the
/// database and the silo answer, cameras online and offline, pictures waiting to be analysed and how long the oldest has
/// waited, uploads refused in the last hour by reason, alerts not yet delivered or given up, open view faults and to-dos, the database's size and the pictures' disk.
/// Head office only (an HQ role's session or API key: X-Api-Key, or Authorization: Bearer as Prometheus sends it).
/// </summary>
public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", async (HttpContext context, OperationsGauges gauges, IClusterClient cluster, WebSettings settings, ILoggerFactory logs) =>
        {
            if (!context.User.Scope().SeesWholeChain) return Results.Problem(statusCode: 403, detail: "Only head office's roles read the metrics.");
            var logger = logs.CreateLogger("SmartStore.Metrics");
            var text = new StringBuilder();
            OperationsGauges.Figures? figures = null;
            try
            {
                figures = await gauges.Read(context.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The metrics' figures could not be read from the database");
            }
            CameraCounts? cameras = null;
            try
            {
                cameras = await cluster.GetGrain<IHqGrain>(IHqGrain.Key).GetCameraCounts().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The silo did not answer for the metrics");
            }
            Write(text, figures, cameras, StorageReport.VolumeOf(settings.ImagesRoot));
            return Results.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");
        }).WithSummary("Prometheus metrics: database and silo, cameras online, pictures waiting for analysis, uploads refused, alerts undelivered, disk").WithTags("Health").ExcludeFromDescription();
        return app;
    }

    private static void Write(StringBuilder text, OperationsGauges.Figures? figures, CameraCounts? cameras, StorageReport.Volume? images)
    {
        if (images is not null)
            Gauge(text, "smartstore_images_volume_bytes", "The disk the pictures are kept on: its size and what is free (alert before it fills).",
                [("state=\"total\"", images.TotalBytes), ("state=\"free\"", images.FreeBytes)]);
        Gauge(text, "smartstore_up", "Whether each part answers (1) or not (0).",
            [("component=\"database\"", figures is null ? 0 : 1), ("component=\"silo\"", cameras is null ? 0 : 1)]);
        if (cameras is not null)
            Gauge(text, "smartstore_cameras", "Cameras bound to a store, by live state (not_reported: never heard from).",
                [("state=\"online\"", cameras.Online), ("state=\"offline\"", cameras.Offline),
                 ("state=\"not_reported\"", figures is null ? 0 : Math.Max(0, figures.Cameras - cameras.Total))]);
        if (figures is null) return;
        Gauge(text, "smartstore_stores", "Stores.", [("", figures.Stores)]);
        Gauge(text, "smartstore_snapshots_waiting", "Pictures received and not yet analysed, by the kind of camera they came from.",
            figures.WaitingByKind.Select(w => ($"kind=\"{w.Key}\"", (double)w.Value.Count)).ToList());
        Gauge(text, "smartstore_snapshots_oldest_waiting_seconds",
            "How long the oldest picture not yet analysed has waited, by kind of camera (0: none waits; people cameras' frames go before shelf photos).",
            figures.WaitingByKind.Select(w => ($"kind=\"{w.Key}\"", w.Value.OldestSeconds)).ToList());
        Gauge(text, "smartstore_ingest_rejections_last_hour", "Uploads refused in the last hour, by reason.",
            figures.RejectionsLastHour.Select(r => ($"reason=\"{Escape(r.Key)}\"", (double)r.Value)).ToList());
        Gauge(text, "smartstore_view_faults_open", "Cameras whose view has a fault raised now (blocked, moved, dark …).", [("", figures.ViewFaultsOpen)]);
        Gauge(text, "smartstore_alert_deliveries", "Alert deliveries to live endpoints not yet sent, and given up after their retries.",
            [("state=\"pending\"", figures.DeliveriesPending), ("state=\"given_up\"", figures.DeliveriesGivenUp)]);
        Gauge(text, "smartstore_todos_open", "Stores' to-dos not yet done, and of them past their deadline.",
            [("state=\"open\"", figures.TodosOpen), ("state=\"overdue\"", figures.TodosOverdue)]);
        Gauge(text, "smartstore_database_bytes", "The database's size on disk.", [("", figures.DatabaseBytes)]);
    }

    private static void Gauge(StringBuilder text, string name, string help, IReadOnlyList<(string Labels, double Value)> samples)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(" gauge\n");
        foreach (var (labels, value) in samples)
            text.Append(name).Append(labels.Length == 0 ? "" : "{" + labels + "}").Append(' ')
                .Append(value.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Escape(string label) => label.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
