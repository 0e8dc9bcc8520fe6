using Microsoft.Extensions.Configuration;
using SmartStore.Silo;
using SmartStore.Storage;

// `SmartStore.Silo migrate` applies the schema and seeds the demo chain, then exits;
// without arguments the silo runs.
if (args.Contains("migrate"))
{
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args.Where(a => a != "migrate").ToArray()).Build();
    var settings = SiloSettings.From(configuration);
    await using var database = new SmartStoreDatabase(settings.ConnectionString);
    await new SchemaMigrator(database, Console.WriteLine).Migrate();
    var logins = await new DemoChain(database, new SecretsFile(settings.SecretsPath), Console.WriteLine).Seed();
    await DemoShelves.Seed(database, SmartStore.Vision.SharedAssets.DataDirectory(), Console.WriteLine);
    Console.WriteLine($"secrets: {settings.SecretsPath}");
    foreach (var login in logins)
        Console.WriteLine(login.Current
            ? $"login: {login.Username} / {login.Password} ({login.Role})"
            : $"login: {login.Username} / (password changed since the demo set it; an HQ admin resets it under 系统管理 → 账号与权限) ({login.Role})");
    return;
}

var silo = SiloHost.Build(args);
SiloHost.StartSharedInferencePool(silo.Services);
await silo.RunAsync();
