using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// Runs queued requests with at most a given number at once. A worker that finishes a request takes the next
/// one at once, on the same continuation, so a slot never waits for the pipeline thread or an extra thread hop:
/// at 8 in flight and 20 ms latency that is the difference between a few and a few dozen milliseconds per 300.
/// </summary>
internal sealed class RequestQueue
{
    private readonly ConcurrentQueue<Func<Task>> _jobs = new();
    private readonly int _limit;
    private int _workers;

    public RequestQueue(int limit) => _limit = limit;

    /// <summary>Queues a job, which must not throw (it reports its own outcome), and starts a worker when one is free.</summary>
    public void Enqueue(Func<Task> job)
    {
        _jobs.Enqueue(job);
        TryAddWorker();
    }

    private void TryAddWorker()
    {
        while (!_jobs.IsEmpty)
        {
            var current = Volatile.Read(ref _workers);
            if (current >= _limit)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _workers, current + 1, current) == current)
            {
                _ = Task.Run(WorkAsync);
                return;
            }
        }
    }

    private async Task WorkAsync()
    {
        while (true)
        {
            while (_jobs.TryDequeue(out var job))
            {
                await job().ConfigureAwait(false);
            }

            Interlocked.Decrement(ref _workers);

            // A job queued between the last TryDequeue and the decrement may have found every worker busy.
            if (_jobs.IsEmpty)
            {
                return;
            }

            var current = Volatile.Read(ref _workers);
            if (current >= _limit || Interlocked.CompareExchange(ref _workers, current + 1, current) != current)
            {
                TryAddWorker();
                return;
            }
        }
    }
}
