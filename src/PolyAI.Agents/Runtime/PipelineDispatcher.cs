using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// Runs work posted from any thread on the pipeline thread. PowerShell allows WriteObject, WriteError and
/// WriteVerbose only from the thread that called ProcessRecord, while HTTP continuations run on the thread
/// pool: they post here, and the cmdlet pumps until its task is done.
/// </summary>
internal sealed class PipelineDispatcher : IDisposable
{
    private readonly ConcurrentQueue<Action> _work = new();
    private readonly SemaphoreSlim _signal = new(0);

    public void Post(Action action)
    {
        _work.Enqueue(action);
        _signal.Release();
    }

    /// <summary>Runs posted work on the calling thread until <paramref name="task"/> has completed, then
    /// drains what is left. Exceptions of the task are not observed here.</summary>
    public void RunUntil(Task task)
    {
        task.ContinueWith(_ => _signal.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (true)
        {
            Drain();
            if (task.IsCompleted)
            {
                break;
            }

            _signal.Wait();
        }

        Drain();
    }

    /// <summary>Waits for the next posted action and runs it on the calling thread.</summary>
    public void RunNext()
    {
        Action? action;
        while (!_work.TryDequeue(out action))
        {
            // The count can run ahead of the queue (Drain takes items without waiting): wait again.
            _signal.Wait();
        }

        action();
    }

    /// <summary>Runs what has been posted so far, without waiting.</summary>
    public void RunPending() => Drain();

    private void Drain()
    {
        while (_work.TryDequeue(out var action))
        {
            action();
        }
    }

    public void Dispose() => _signal.Dispose();
}
