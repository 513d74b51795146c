using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// Runs work posted from any thread on the pipeline thread. PowerShell allows WriteObject, WriteError and
/// WriteVerbose only from the thread that called ProcessRecord, while HTTP continuations run on the thread
/// pool: they post here, and the cmdlet pumps until its task is done. The pipeline thread blocks without
/// spinning while it waits, so it leaves the CPU to the requests (it matters on a 2-core runbook worker).
/// </summary>
internal sealed class PipelineDispatcher
{
    private readonly Queue<Action> _work = new();
    private readonly object _gate = new();

    public void Post(Action action)
    {
        lock (_gate)
        {
            _work.Enqueue(action);
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Runs posted work on the calling thread until <paramref name="task"/> has completed, then
    /// drains what is left. Exceptions of the task are not observed here.</summary>
    public void RunUntil(Task task)
    {
        task.ContinueWith(
            _ =>
            {
                lock (_gate)
                {
                    Monitor.Pulse(_gate);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        while (true)
        {
            RunPending();
            lock (_gate)
            {
                if (task.IsCompleted)
                {
                    break;
                }

                if (_work.Count == 0)
                {
                    Monitor.Wait(_gate);
                }
            }
        }

        RunPending();
    }

    /// <summary>Waits for the next posted action and runs it on the calling thread.</summary>
    public void RunNext()
    {
        Action action;
        lock (_gate)
        {
            while (_work.Count == 0)
            {
                Monitor.Wait(_gate);
            }

            action = _work.Dequeue();
        }

        action();
    }

    /// <summary>Runs what has been posted so far, without waiting.</summary>
    public void RunPending()
    {
        while (TryTake(out var action))
        {
            action();
        }
    }

    private bool TryTake(out Action action)
    {
        lock (_gate)
        {
            if (_work.Count > 0)
            {
                action = _work.Dequeue();
                return true;
            }
        }

        action = null!;
        return false;
    }
}
