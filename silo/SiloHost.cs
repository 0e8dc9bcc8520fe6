using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SmartStore.Silo;

/// <summary>Builds the silo host; used by Program and by the integration tests, so both run the same wiring.</summary>
public static class SiloHost
{
    public static IHost Build(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        configure?.Invoke(builder.Configuration);
        var settings = SiloSettings.From(builder.Configuration);
        builder.Services.AddSmartStoreGrainServices(builder.Configuration, settings.ConnectionString);
        builder.Services.AddSnapshotIngestion(builder.Configuration, settings);
        builder.UseOrleans(silo => silo.UseSmartStoreCluster(settings));
        // Registered after the silo so it starts listening only once grains can be called.
        builder.Services.AddHostedService<Ftp.FtpEndpoint>();
        return builder.Build();
    }
}
