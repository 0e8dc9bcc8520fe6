using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartStore.Grains;
using SmartStore.Grains.Inspections;
using SmartStore.Grains.Shelves;
using SmartStore.Grains.Traffic;
using SmartStore.Silo.Analysis;
using SmartStore.Silo.Ftp;
using SmartStore.Silo.Ingest;
using SmartStore.Storage;

namespace SmartStore.Silo;

/// <summary>What the grains and the upload path need from the host.</summary>
public static class SiloServices
{
    public static IServiceCollection AddSmartStoreGrainServices(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddSingleton(_ => new SmartStoreDatabase(connectionString));
        services.AddSingleton<CameraRepository>();
        services.AddSingleton<StoreRepository>();
        services.AddSingleton<IMasterDataDirectory, MasterDataDirectory>();

        services.AddSingleton<TrafficRepository>();
        services.AddSingleton<StaffRoster>();
        services.AddSingleton<VisitorMemories>();
        services.AddSingleton<StoreClosures>();
        services.AddSingleton<AlertEvents>();
        services.AddSingleton<ITrafficLedger, TrafficLedger>();
        services.AddSingleton<InspectionTasks>();
        services.AddSingleton<IInspectionLedger, InspectionLedger>();
        services.AddSingleton<CameraIncidents>();
        services.AddSingleton<ICameraIncidentLog, CameraIncidentLog>();
        services.AddSingleton<ShelfHistory>();
        services.AddSingleton<SkuRepository>();
        services.AddSingleton<SkuGallery>();
        services.AddSingleton<PlanogramRepository>();
        services.AddSingleton<IShelfPlans, ShelfPlans>();

        services.Configure<CameraLivenessOptions>(configuration.GetSection("CameraLiveness"));
        services.Configure<TrackerOptions>(configuration.GetSection("Tracker"));
        services.AddOptions<HeadcountOptions>().Bind(configuration.GetSection("Headcount"))
            .Validate(o => o.Window is >= 1 and <= InteriorHeadcount.MaxWindow && o.Window % 2 == 1 && o.MaxGap > TimeSpan.Zero,
                $"Headcount: Window must be odd, 1 to {InteriorHeadcount.MaxWindow}, and MaxGap positive.")
            .ValidateOnStart();
        services.Configure<FootfallOptions>(configuration.GetSection("Footfall"));
        services.AddOptions<ClosureOptions>().Bind(configuration.GetSection("Closure"))
            .Validate(o => o.Chance is > 0 and < 1 && o.RateShare is > 0 and <= 1 && o.MinQuiet > TimeSpan.Zero && o.MinEntriesToday >= 1,
                "Closure: Chance must be between 0 and 1, RateShare above 0 and at most 1, MinQuiet positive and MinEntriesToday at least 1.")
            .ValidateOnStart();
        services.AddOptions<ViewHealthOptions>().Bind(configuration.GetSection("ViewHealth"))
            .Validate(o => o.RaiseAfter >= 1 && o.ClearAfter >= 1, "ViewHealth: RaiseAfter and ClearAfter must be at least 1.")
            .ValidateOnStart();
        services.Configure<ShelfAlertOptions>(configuration.GetSection("ShelfAlerts"));
        services.AddOptions<InspectionOptions>().Bind(configuration.GetSection("Inspections"))
            .Validate(o => o.Every >= TimeSpan.FromMinutes(1) && o.CaptureWindow >= o.Every,
                "Inspections: Every must be at least one minute (an Orleans reminder's least) and CaptureWindow at least Every, or a due time could fall between two rounds.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>The upload path: snapshot inbox and images folder (the FTP endpoint is added after the silo, see SiloHost).</summary>
    public static IServiceCollection AddSnapshotIngestion(this IServiceCollection services, IConfiguration configuration, SiloSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<SnapshotRepository>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<CameraVisibility>();
        services.Configure<IngestOptions>(configuration.GetSection("Ingest"));
        services.Configure<FtpOptions>(configuration.GetSection("Ftp"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ImagesFolder>();
        services.AddSingleton<SnapshotInbox>();
        services.AddSingleton<LoginLockout>();
        services.AddSingleton<PassivePorts>();
        services.AddSingleton<FtpCertificate>();
        services.AddSingleton<SnapshotRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<SnapshotRetention>());

        services.Configure<AnalysisOptions>(configuration.GetSection("Analysis"));
        services.AddSingleton<AnalysisSignal>();
        services.AddSingleton<SnapshotAnalysisQueue>();
        services.AddSingleton<RecognitionModels>();
        services.AddSingleton<CameraScenes>();
        services.AddSingleton<Analysis.SceneArchive>();
        services.AddSingleton<CameraViews>();
        services.AddSingleton<Analysis.ViewWatch>();
        return services;
    }
}
