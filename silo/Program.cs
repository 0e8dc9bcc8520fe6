using Microsoft.Extensions.Configuration;
using SmartStore.Silo;
using SmartStore.Storage;

// `SmartStore.Silo migrate` applies the schema and seeds the demo chain, then exits; `migrate --chain` seeds only what a
// chain's own installation starts from (store tags, recognition models, a first HQ admin). Without arguments the silo runs.
if (args.Contains("migrate"))
{
    var chain = args.Contains("--chain");
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables()
        .AddCommandLine(args.Where(a => a is not ("migrate" or "--chain")).ToArray()).Build();
    var settings = SiloSettings.From(configuration);
    await using var database = new SmartStoreDatabase(settings.ConnectionString);
    await new SchemaMigrator(database, Console.WriteLine).Migrate();
    var secrets = new SecretsFile(settings.SecretsPath);
    IReadOnlyList<DemoChain.Login> logins;
    if (chain) logins = await new ChainStart(database, secrets, Console.WriteLine).Seed();
    else
    {
        logins = await new DemoChain(database, secrets, Console.WriteLine).Seed();
        await DemoShelves.Seed(database, SmartStore.Vision.SharedAssets.DataDirectory(), Console.WriteLine);
    }
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
