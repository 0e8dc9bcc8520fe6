using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// What a chain's own installation starts from (<c>./smartstore up --chain</c>): the store tags its store forms offer, the
/// recognition model each camera kind is analysed with, and one HQ admin to sign in as and set up regions, stores, cameras
/// and accounts — no demo stores, cameras, SKUs, keys or logins. Safe to run again: nothing already there is touched, and
/// no second admin is made once the chain has any HQ admin.
/// </summary>
public sealed class ChainStart(SmartStoreDatabase database, SecretsFile secrets, Action<string> progress)
{
    public const string AdminUsername = "admin";

    private const string Actor = "setup";

    public static readonly DictionaryEntry[] StoreTags =
    [
        new(DictionaryRepository.StoreTag, "flagship", "旗舰店", "Flagship", 1),
        new(DictionaryRepository.StoreTag, "mall", "商场店", "Mall", 2),
        new(DictionaryRepository.StoreTag, "street", "街边店", "Street", 3),
        new(DictionaryRepository.StoreTag, "community", "社区店", "Community", 4),
    ];

    /// <summary>Seeds what is missing; the first admin's login while its generated password is still the one it has.</summary>
    public async Task<IReadOnlyList<DemoChain.Login>> Seed()
    {
        await SeedBasics(database, Actor);
        progress($"setup: {StoreTags.Length} store tags, a recognition model for each camera kind");
        return await EnsureAdmin();
    }

    /// <summary>The data every installation needs, demo or not: store tags and the camera kinds' recognition models.</summary>
    public static async Task SeedBasics(SmartStoreDatabase database, string actor)
    {
        var dictionary = new DictionaryRepository(database);
        var existing = (await dictionary.List(DictionaryRepository.StoreTag)).Select(e => e.Code).ToHashSet();
        foreach (var tag in StoreTags.Where(t => !existing.Contains(t.Code))) await dictionary.Upsert(tag, actor);
        await using var connection = await database.Open();
        await connection.ExecuteAsync("""
            INSERT INTO recognition_models (camera_kind, model_name) VALUES ('entrance', 'rtmdet-nano-person'), ('shelf', 'mobilenetv2-features')
            ON CONFLICT (camera_kind) DO NOTHING
            """);
    }

    /// <summary>
    /// The first HQ admin, its password generated and kept in the secrets file so that `up` can print it again until it
    /// is changed (then it says so). A chain that has an HQ admin of its own gets none.
    /// </summary>
    private async Task<IReadOnlyList<DemoChain.Login>> EnsureAdmin()
    {
        var users = new UserAccounts(database);
        var accounts = await users.List();
        var password = secrets.Load()[$"user:{AdminUsername}"]?.GetValue<string>();
        if (accounts.Any(a => a.Role == Role.HqAdmin))
            return accounts.Any(a => a.Username == AdminUsername) && password is not null
                ? [new DemoChain.Login(AdminUsername, password, Role.HqAdmin.ToCode(), await users.Verify(AdminUsername, password))]
                : [];
        password = secrets.GetOrCreate($"user:{AdminUsername}", () => CameraSecret.Generate(14));
        await users.Upsert(AdminUsername, "总部管理员", password, Role.HqAdmin, [], [], Actor);
        progress($"setup: the first HQ admin, {AdminUsername}");
        return [new DemoChain.Login(AdminUsername, password, Role.HqAdmin.ToCode())];
    }
}
