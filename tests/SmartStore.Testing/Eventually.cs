namespace SmartStore.Testing;

/// <summary>
/// Waits for a condition that the system reaches asynchronously (timers, reminders, pushes). The
/// deadline is generous so a slow CI machine never fails a test that is correct.
/// </summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> accept, TimeSpan? within = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        T value;
        while (true)
        {
            value = await read();
            if (accept(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what ?? "the condition"}; last value: {value}");
            await Task.Delay(100);
        }
    }
}
