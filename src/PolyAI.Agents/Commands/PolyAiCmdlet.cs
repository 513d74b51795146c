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

/// <summary>
/// What every API cmdlet shares: -Session (else this runspace's default), a cancellation token that
/// StopProcessing (Ctrl+C) cancels, calls that write their trace and results on the pipeline thread,
/// and one way to turn a failure into an ErrorRecord.
/// </summary>
public abstract class PolyAiCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly PipelineDispatcher _dispatcher = new();
    private PolyAiClient? _client;
    private RequestQueue? _requests;
    private int _inFlight;
    private int _started;
    private int _finished;
    private Stopwatch? _progressClock;
    private TimeSpan _lastProgress;
    private bool _progressShown;

    /// <summary>The default of -ThrottleLimit: enough to hide latency, few enough that a shared key is not
    /// throttled into 429s (which the retry policy would still ride out).</summary>
    public const int DefaultThrottleLimit = 4;

    /// <summary>The session to use instead of the default one of this runspace (Connect-PolyAi -PassThru).</summary>
    [Parameter]
    [ValidateNotNull]
    public Session? Session { get; set; }

    /// <summary>The client bound to the resolved session; resolving fails the command when not connected.</summary>
    protected PolyAiClient Client => _client ??= ResolveSession().CreateClient(new DispatchedTrace(_dispatcher, this));

    protected override void BeginProcessing() => _ = Client;

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Runs one API call, pumping its trace onto the pipeline thread. Returns false after writing
    /// the failure as a non-terminating error; an authentication failure ends the command.</summary>
    protected bool TryCall<T>(Func<PolyAiClient, CancellationToken, Task<T>> call, string resource, object? target, out T result)
    {
        try
        {
            result = Call(call);
            return true;
        }
        catch (PolyAiApiException ex)
        {
            WriteFailure(ex, resource, target);
            result = default!;
            return false;
        }
    }

    /// <summary>
    /// Runs a streaming list call: the items the client reads are written by <paramref name="onItems"/> on the
    /// pipeline thread, a batch at a time, while the rest is still arriving. At most <see cref="StreamWindow"/> batches wait to
    /// be written, so a slow pipeline slows the read instead of filling memory. Returns false after writing
    /// the failure as an error (items read before a failure have been written).
    /// </summary>
    protected bool TryStream<T>(Func<PolyAiClient, Action<IReadOnlyList<T>>, CancellationToken, Task<int>> call, string resource, object? target, Action<IReadOnlyList<T>> onItems)
    {
        using var window = new SemaphoreSlim(StreamWindow);
        return TryCall(
            (client, token) => call(
                client,
                items =>
                {
                    window.Wait(token);
                    _dispatcher.Post(() =>
                    {
                        window.Release();
                        onItems(items);
                    });
                },
                token),
            resource,
            target,
            out _);
    }

    private const int StreamWindow = 16;

    /// <summary>Runs one API call, pumping its trace onto the pipeline thread; failures are thrown as
    /// <see cref="PolyAiApiException"/> (input the client refuses becomes InvalidArgument).</summary>
    protected T Call<T>(Func<PolyAiClient, CancellationToken, Task<T>> call)
    {
        if (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        Task<T> task;
        try
        {
            task = call(Client, _stopping.Token);
        }
        catch (Exception ex)
        {
            task = Task.FromException<T>(ex);
        }

        _dispatcher.RunUntil(task);
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (ArgumentException ex)
        {
            throw Refused(ex);
        }
    }

    /// <summary>How many requests of this invocation may run at once (-ThrottleLimit where a cmdlet has it).</summary>
    protected virtual int Concurrency => 1;

    /// <summary>
    /// Starts one API call for the current input and returns; with <see cref="Concurrency"/> 1 it completes
    /// first. Up to <see cref="Concurrency"/> calls run at once (<see cref="RequestQueue"/>): a call starts the
    /// moment a worker frees, in input order, without waiting for the pipeline thread. Each
    /// completion is written on the pipeline thread (<paramref name="onSuccess"/>, or the failure as an
    /// error), as calls finish. At most a few times the limit is accepted ahead, so memory stays bounded.
    /// Call <see cref="CompleteRequests"/> in EndProcessing.
    /// </summary>
    protected void StartCall<T>(Func<PolyAiClient, CancellationToken, Task<T>> call, string resource, object? target, Action<T> onSuccess) =>
        StartCall(call, onSuccess, failure => WriteFailure(failure, resource, target));

    /// <summary>As above, with the failure handed to <paramref name="onFailure"/> (a batch request that fails
    /// whole writes one error per item it carried).</summary>
    protected void StartCall<T>(Func<PolyAiClient, CancellationToken, Task<T>> call, Action<T> onSuccess, Action<PolyAiApiException> onFailure)
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

            _dispatcher.Post(() => Complete(task, onSuccess, onFailure));
        });
        _dispatcher.RunPending();
    }

    /// <summary>
    /// Starts one batch write (up to <see cref="Concurrency"/> at once, like StartCall). Its item results are
    /// written on the pipeline thread: the successes first (when <paramref name="writeSuccesses"/>), then one
    /// error per failed item, so -ErrorAction Stop can never hide a change the API made. A batch that fails
    /// whole writes one error per item it carried.
    /// </summary>
    protected void StartBatch<T>(
        Func<PolyAiClient, CancellationToken, Task<IReadOnlyList<BatchItemResult<T>>>> call,
        IReadOnlyList<string> keys,
        string resource,
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
                    WriteFailure(failed.Failure!, resource, failed.Key);
                }
            },
            failure => WriteFailures(failure, resource, keys));

    /// <summary>A request that carried several items failed whole: one error per item, so every input is
    /// accounted for.</summary>
    protected void WriteFailures(PolyAiApiException failure, string resource, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            WriteFailure(failure, resource, key);
        }
    }

    /// <summary>Writes what a batch read found, in the order the items were asked for; each item it did not
    /// find is a not-found error of its own.</summary>
    protected void WriteInRequestedOrder<T>(IEnumerable<string> requested, IEnumerable<T> found, Func<T, string> keyOf, Func<string, ErrorRecord> notFound)
    {
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in found)
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
    }

    private const int QueuedPerSlot = 4;

    /// <summary>Waits for every call started with StartCall, writing each result.</summary>
    protected void CompleteRequests()
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

    private const int ProgressActivityId = 0x504F4C59; // "POLY"
    private static readonly TimeSpan ProgressDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

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

    /// <summary>Input the client refused before sending anything, as an InvalidArgument failure.</summary>
    private static PolyAiApiException Refused(ArgumentException ex) =>
        new(PolyAiFailureKind.InvalidArgument, "Validate input", ex.Message, innerException: ex);

    /// <summary>Writes a failure as a non-terminating error, or ends the command for a bad key.</summary>
    protected void WriteFailure(PolyAiApiException ex, string resource, object? target)
    {
        var record = ErrorRecords.FromApi(ex, resource, target);
        if (ex.Kind == PolyAiFailureKind.Authentication)
        {
            _stopping.Cancel(); // nothing else of this command may still be sent
            ThrowTerminatingError(record);
        }

        WriteError(record);
    }

    /// <summary>
    /// ShouldProcess with -Force: -Force suppresses the confirmation prompt, never What-if. -WhatIf and
    /// $WhatIfPreference always win; an explicit -Confirm still prompts.
    /// </summary>
    protected bool ShouldChange(string description, string question, bool force)
    {
        if (force && !WhatIfInEffect && !ConfirmExplicitlyRequested)
        {
            WriteVerbose(description);
            return true;
        }

        return ShouldProcess(description, question, "Confirm");
    }

    /// <summary>True when ShouldChange will show a message (What-if text or a prompt), so describing the
    /// target in detail is worth a read; a -Force run does not pay for it. The impact compared with
    /// $ConfirmPreference is the one the cmdlet declares, so the two cannot drift apart.</summary>
    protected bool ChangeWillBeShown(bool force)
    {
        if (WhatIfInEffect || ConfirmExplicitlyRequested)
        {
            return true;
        }

        if (force || MyInvocation.BoundParameters.ContainsKey("Confirm"))
        {
            return false;
        }

        var preference = LanguagePrimitives.ConvertTo<ConfirmImpact>(GetVariableValue("ConfirmPreference") ?? ConfirmImpact.High);
        return preference != ConfirmImpact.None && DeclaredImpact >= preference;
    }

    private ConfirmImpact DeclaredImpact =>
        ((CmdletAttribute)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute))!).ConfirmImpact;

    private bool WhatIfInEffect => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
        ? ((SwitchParameter)whatIf).IsPresent
        : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    private bool ConfirmExplicitlyRequested =>
        MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && ((SwitchParameter)confirm).IsPresent;

    private Session ResolveSession()
    {
        var session = Session ?? SessionStore.Current;
        if (session is null)
        {
            ThrowTerminatingError(ErrorRecords.NotConnected());
        }

        return session!;
    }

    /// <summary>
    /// PowerShell disposes the command however it ended. A command that ends early without StopProcessing
    /// (a terminating error under -ErrorAction Stop, Select-Object -First downstream) must not leave queued
    /// requests to go out unreported, or a streamed list reading on: everything still running is cancelled.
    /// The source is not disposed, because requests that were already queued may still read its token.
    /// </summary>
    public void Dispose()
    {
        _stopping.Cancel();
        GC.SuppressFinalize(this);
    }
}
