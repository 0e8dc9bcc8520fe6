using Microsoft.Extensions.Options;
using SmartStore.Web.Api;

namespace SmartStore.Web.Todos;

/// <summary>
/// Tells when a to-do's deadline passes while it is still open (整改超期): a webhook event and the live pages, once a
/// deadline. Every web host looks; the statement behind it marks each deadline told once, so several hosts tell once.
/// </summary>
public sealed class TodoOverdueWatch(TodoDesk desk, IOptions<TodoOptions> options, ILogger<TodoOverdueWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A zero or negative setting would throw here and stop the web host: the default instead.
        using var timer = new PeriodicTimer(options.Value.CheckEvery > TimeSpan.Zero ? options.Value.CheckEvery : TimeSpan.FromMinutes(1));
        try
        {
            do
            {
                try
                {
                    var stores = await desk.TellOverdue(stoppingToken);
                    if (stores > 0) logger.LogInformation("To-dos past their deadline told for {Stores} stores", stores);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Passed deadlines could not be looked for; trying again at the next round");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping: a deadline not yet told is told by the next host to look.
        }
    }
}
