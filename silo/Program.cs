using SmartStore.Silo;
using SmartStore.Storage;

// `SmartStore.Silo migrate` applies the schema and seeds the demo chain, then exits;
// without arguments the silo runs.
var builder = Host.CreateApplicationBuilder(args.Where(a => a != "migrate").ToArray());
var settings = SiloSettings.From(builder.Configuration);

if (args.Contains("migrate"))
{
    await using var database = new SmartStoreDatabase(settings.ConnectionString);
    await new SchemaMigrator(database, Console.WriteLine).Migrate();
    var logins = await new DemoChain(database, new SecretsFile(settings.SecretsPath), Console.WriteLine).Seed();
    Console.WriteLine($"secrets: {settings.SecretsPath}");
    foreach (var login in logins) Console.WriteLine($"login: {login.Username} / {login.Password} ({login.Role})");
    return;
}

builder.Services.AddSmartStoreGrainServices(builder.Configuration, settings.ConnectionString);
builder.UseOrleans(silo => silo.UseSmartStoreCluster(settings));
var host = builder.Build();
await host.RunAsync();
