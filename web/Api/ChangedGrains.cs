namespace SmartStore.Web.Api;

/// <summary>Tells the grains of many records just changed (a sheet, head office's holiday hours) that their master data changed.</summary>
public static class ChangedGrains
{
    /// <summary>Grain calls in flight at once: enough to tell 2,000 in seconds, not a burst of 2,000.</summary>
    private const int AtOnce = 16;

    public static Task Tell<T>(IEnumerable<T> changed, Func<T, Task> tell) =>
        Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = AtOnce }, async (record, _) => await tell(record));
}
