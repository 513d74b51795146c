using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

public abstract partial class PolyAiCmdlet
{
    private const int QueuedPerSlot = 4;
    private const int ProgressActivityId = 0x504F4C59; // "POLY"
    private static readonly TimeSpan ProgressDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private RequestQueue? _requests;
    private int _inFlight;
    private int _started;
    private int _finished;
    private Stopwatch? _progressClock;
    private TimeSpan _lastProgress;
    private bool _progressShown;
    private long _nextToStart;
    private long _nextToWrite;
    private readonly SortedDictionary<long, Action> _finishedAhead = new();

    /// <summary>How many requests of this invocation may run at once (-ThrottleLimit where a cmdlet has it).</summary>
    private protected virtual int Concurrency => 1;

    /// <summary>True for a cmdlet whose results must come out in the order the requests were started (a read of
    /// several ids writes them in input order); otherwise each is written as it finishes.</summary>
    private protected virtual bool WritesInStartOrder => false;

    /// <summary>
    /// Starts one API call for the current input and returns; with <see cref="Concurrency"/> 1 it completes
    /// first. Up to <see cref="Concurrency"/> calls run at once (<see cref="RequestQueue"/>): a call starts the
    /// moment a worker frees, in input order, without waiting for the pipeline thread. Each completion is written
    /// on the pipeline thread (<paramref name="onSuccess"/>, or the failure as an error), as calls finish. At most
    /// a few times the limit is accepted ahead, so memory stays bounded. Call <see cref="CompleteRequests"/> in
    /// EndProcessing.
    /// </summary>
    private protected void StartCall<T>(Func<PolyAiClient, CancellationToken, Task<T>> call, object? target, Action<T> onSuccess) =>
        StartCall(call, onSuccess, failure => WriteFailure(failure, target));

    /// <summary>As above, with the failure handed to <paramref name="onFailure"/> (a batch request that fails
    /// whole writes one error per item it carried).</summary>
    private protected void StartCall<T>(Func<PolyAiClient, CancellationToken, Task<T>> call, Action<T> onSuccess, Action<PolyAiApiException> onFailure)
    {
        if (Concurrency <= 1)
        {
            T result;
            try
            {
                result = Call(call);
            }
            catch (PolyAiApiException failure)
            {
                onFailure(failure);
                return;
            }

            onSuccess(result);
            return;
        }

        _requests ??= new RequestQueue(Concurrency);
        while (_inFlight >= Concurrency * QueuedPerSlot)
        {
            _dispatcher.RunNext();
        }

        if (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        _inFlight++;
        _started++;
        _progressClock ??= Stopwatch.StartNew();
        var client = Client;
        var token = _stopping.Token;
        var sequence = _nextToStart++;
        _requests.Enqueue(async () =>
        {
            Task<T> task;
            try
            {
                task = call(client, token);
                await task.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                task = Task.FromException<T>(ex); // observed and reported by Complete on the pipeline thread
            }

            _dispatcher.Post(() => Finish(sequence, () => Complete(task, onSuccess, onFailure)));
        });
        _dispatcher.RunPending();
    }

    /// <summary>Writes a finished call now, or, when results go out in start order, once every call started
    /// before it has been written.</summary>
    private void Finish(long sequence, Action write)
    {
        if (!WritesInStartOrder)
        {
            write();
            return;
        }

        _finishedAhead[sequence] = write;
        while (_finishedAhead.TryGetValue(_nextToWrite, out var next))
        {
            _finishedAhead.Remove(_nextToWrite++);
            next();
        }
    }

    /// <summary>
    /// Starts one batch write (up to <see cref="Concurrency"/> at once, like StartCall). Its item results are
    /// written on the pipeline thread: the successes first (when <paramref name="writeSuccesses"/>), then one
    /// error per failed item, so -ErrorAction Stop can never hide a change the API made. A batch that fails
    /// whole writes one error per item it carried.
    /// </summary>
    private protected void StartBatch<T>(
        Func<PolyAiClient, CancellationToken, Task<IReadOnlyList<BatchItemResult<T>>>> call,
        IReadOnlyList<string> keys,
        bool writeSuccesses = true)
        where T : class =>
        StartCall(
            call,
            results =>
            {
                if (writeSuccesses)
                {
                    WriteObject(results.Where(r => r.Succeeded).Select(r => r.Value), enumerateCollection: true);
                }

                foreach (var failed in results.Where(r => !r.Succeeded))
                {
                    WriteFailure(failed.Failure!, failed.Key);
                }
            },
            failure => WriteFailures(failure, keys));

    /// <summary>Starts one batch read (like StartCall) and writes what it found in the order the items were
    /// asked for; each item it did not find is a not-found error of its own, as a 404 for it alone would be.</summary>
    private protected void StartBatchRead<T>(
        Func<PolyAiClient, CancellationToken, Task<BatchResult<T>>> call,
        IReadOnlyList<string> requested,
        Func<T, string> keyOf,
        Func<string, ErrorRecord> notFound) =>
        StartCall(
            call,
            batch =>
            {
                var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
                foreach (var item in batch.Found)
                {
                    var key = keyOf(item);
                    if (!byKey.ContainsKey(key))
                    {
                        byKey[key] = item;
                    }
                }

                foreach (var key in requested)
                {
                    if (byKey.TryGetValue(key, out var item))
                    {
                        WriteObject(item);
                    }
                    else
                    {
                        WriteError(notFound(key));
                    }
                }
            },
            failure => WriteFailures(failure, requested));

    /// <summary>Waits for every call started with StartCall, writing each result.</summary>
    private protected void CompleteRequests()
    {
        while (_inFlight > 0)
        {
            _dispatcher.RunNext();
        }

        _dispatcher.RunPending();
        ReportProgress(done: true);
    }

    /// <summary>Progress of concurrent work: shown only once it has run for a while, updated at most a few
    /// times a second (a progress bar per item would cost more than the work), and, like every progress
    /// record, hidden by $ProgressPreference = 'SilentlyContinue'.</summary>
    private void ReportProgress(bool done)
    {
        if (_progressClock is null)
        {
            return;
        }

        var now = _progressClock.Elapsed;
        if (done)
        {
            if (_progressShown)
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
            }

            return;
        }

        if (now < ProgressDelay || now - _lastProgress < ProgressInterval)
        {
            return;
        }

        _lastProgress = now;
        _progressShown = true;
        WriteProgress(new ProgressRecord(ProgressActivityId, MyInvocation.MyCommand.Name, $"{_finished} of {_started} requests done, {_inFlight} in flight"));
    }

    private void Complete<T>(Task<T> finished, Action<T> onSuccess, Action<PolyAiApiException> onFailure)
    {
        _inFlight--;
        _finished++;
        ReportProgress(done: false);
        if (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        T result;
        try
        {
            result = finished.GetAwaiter().GetResult();
        }
        catch (PolyAiApiException ex)
        {
            onFailure(ex);
            return;
        }
        catch (ArgumentException ex)
        {
            onFailure(Refused(ex));
            return;
        }

        onSuccess(result);
    }
}
