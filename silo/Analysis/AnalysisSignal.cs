namespace SmartStore.Silo.Analysis;

/// <summary>Wakes the analysis worker when the inbox stores a new snapshot, so it need not poll quickly.</summary>
public sealed class AnalysisSignal
{
    private readonly SemaphoreSlim _work = new(0, 1);

    public void NewSnapshot()
    {
        if (_work.CurrentCount == 0)
        {
            try { _work.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task Wait(TimeSpan timeout, CancellationToken cancellationToken) => _work.WaitAsync(timeout, cancellationToken);
}
