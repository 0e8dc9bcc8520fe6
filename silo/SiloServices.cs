using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartStore.Grains;
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
        services.Configure<CameraLivenessOptions>(configuration.GetSection("CameraLiveness"));
        return services;
    }
}
