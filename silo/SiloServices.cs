using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartStore.Grains;
using SmartStore.Silo.Ftp;
using SmartStore.Silo.Ingest;
using SmartStore.Storage;

namespace SmartStore.Silo;

/// <summary>What the grains need from the host: master data, options.</summary>
public static class SiloServices
{
    public static IServiceCollection AddSmartStoreGrainServices(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddSingleton(_ => new SmartStoreDatabase(connectionString));
        services.AddSingleton<CameraRepository>();
        services.AddSingleton<StoreRepository>();
        services.AddSingleton<IMasterDataDirectory, MasterDataDirectory>();
        services.AddSingleton<SnapshotRepository>();
        services.Configure<IngestOptions>(configuration.GetSection("Ingest"));
        services.Configure<FtpOptions>(configuration.GetSection("Ftp"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ImagesFolder>();
        services.AddSingleton<SnapshotInbox>();
        services.AddSingleton<LoginLockout>();
        services.AddSingleton<PassivePorts>();
        services.Configure<CameraLivenessOptions>(configuration.GetSection("CameraLiveness"));
        return services;
    }
}
