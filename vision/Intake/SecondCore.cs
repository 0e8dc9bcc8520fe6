using System.Runtime.ExceptionServices;

namespace SmartStore.Vision.Intake;

/// <summary>
/// Runs one half of a job on a thread-pool thread while the caller runs the other, without allocating per call (as
/// Parallel.Invoke does: its closures, tasks and their plumbing, on every detector frame). The owner passes delegates
/// it created once and keeps the job's parameters in its own fields. If no pool thread has picked the other half up by
/// the time the caller's half is done, the caller runs it itself, so a busy pool delays nothing. One instance per owner;
/// not for two callers at once.
/// </summary>
internal sealed class SecondCore : IThreadPoolWorkItem
{
    private const int Queued = 1, Taken = 2;
    private const int SpinsBeforeSleep = 200;
    // A plain monitor, not a ManualResetEventSlim: that one creates its lock the first time a wait blocks, mid-stream.
    private readonly object gate = new();
    private Action? other;
    private Exception? failure;
    private int state;
    private bool finished;

    /// <summary>Runs <paramref name="mine"/> here and <paramref name="theirs"/> on another core; returns when both are done.</summary>
    public void Run(Action mine, Action theirs)
    {
        (other, failure, finished) = (theirs, null, false);
        Volatile.Write(ref state, Queued);
        try
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        catch
        {
            // Nothing was queued: leave no claimable half behind for a later call's work item to run.
            Volatile.Write(ref state, Taken);
            throw;
        }
        try
        {
            mine();
        }
        finally
        {
            // Both halves write into the same buffers: never return (not even with an exception) while the other runs.
            if (Interlocked.CompareExchange(ref state, Taken, Queued) == Queued) RunOther();
            else WaitForOther();
        }
        // When both halves fail, the caller's own exception has already left through the finally block.
        if (failure is { } e)
        {
            failure = null;
            ExceptionDispatchInfo.Throw(e);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        // A work item left over from a call whose caller ran the half itself finds it taken, and does nothing.
        if (Interlocked.CompareExchange(ref state, Taken, Queued) != Queued) return;
        RunOther();
        lock (gate)
        {
            finished = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>
    /// Spins (yielding) while the other half is about to end — it takes about as long as ours, and a sleeping thread wakes
    /// tens of microseconds late — then sleeps on the monitor.
    /// </summary>
    private void WaitForOther()
    {
        var spinner = new SpinWait();
        for (int spin = 0; spin < SpinsBeforeSleep && !Volatile.Read(ref finished); spin++) spinner.SpinOnce(sleep1Threshold: -1);
        lock (gate)
        {
            while (!finished) Monitor.Wait(gate);
        }
    }

    private void RunOther()
    {
        try
        {
            other!();
        }
        catch (Exception e)
        {
            failure = e;
        }
    }
}
