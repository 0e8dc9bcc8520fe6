using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartStore.Silo.Analysis;
using SmartStore.Silo.Ingest;
using SmartStore.Vision.Models;

namespace SmartStore.Silo;

/// <summary>
/// Builds the silo host: the Orleans silo, the FTP endpoint and the HTTP upload endpoint. Used by Program
/// and by the integration tests, so both run the same wiring.
/// </summary>
public static class SiloHost
{
    /// <param name="replace">Services registered last, over the silo's own (a test's clock for the FTP lockout).</param>
    public static IHost Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? replace = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder.Configuration);
        var settings = SiloSettings.From(builder.Configuration);
        builder.WebHost.UseUrls(settings.IngestUrl);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        builder.Services.AddSmartStoreGrainServices(builder.Configuration, settings.ConnectionString);
        builder.Services.AddSnapshotIngestion(builder.Configuration, settings);
        builder.UseOrleans(silo => silo.UseSmartStoreCluster(settings));
        // Registered after the silo so it starts listening only once grains can be called.
        builder.Services.AddHostedService<Ftp.FtpEndpoint>();
        // After the silo, like the FTP endpoint: the worker calls grains as soon as it starts.
        builder.Services.AddHostedService<Analysis.SnapshotAnalysisWorker>();
        builder.Services.AddHostedService<InspectionScheduleStart>();
        builder.Services.AddHostedService<StoreGrainWarmup>();
        builder.Services.AddHostedService<StoreStageTurns>();
        replace?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Ingest.IngestFailureAnswer.Write });
        app.MapHttpIngest();
        return app;
    }

    /// <summary>
    /// Gives every ONNX Runtime session of this process one shared thread pool (see <see cref="SharedInferencePool"/>).
    /// Called by Program before the host starts, so before any model is opened. In-process test silos do not call it:
    /// their test process has opened models of its own by then.
    /// </summary>
    public static void StartSharedInferencePool(IServiceProvider services)
    {
        var threads = services.GetRequiredService<IOptions<AnalysisOptions>>().Value.InferenceThreads;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SharedInferencePool));
        if (SharedInferencePool.Start(threads))
            logger.LogInformation("ONNX Runtime: one pool of {Threads} intra-op threads shared by every model", threads);
        else
            logger.LogWarning("ONNX Runtime was started before its shared pool; each model keeps its own threads");
    }
}
