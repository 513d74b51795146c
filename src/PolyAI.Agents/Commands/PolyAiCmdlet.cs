using System;
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
    private int _inFlight;

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
            throw new PolyAiApiException(PolyAiFailureKind.InvalidArgument, "Validate input", ex.Message, innerException: ex);
        }
    }

    /// <summary>How many requests of this invocation may run at once (-ThrottleLimit where a cmdlet has it).</summary>
    protected virtual int Concurrency => 1;

    /// <summary>
    /// Starts one API call for the current input and returns; with <see cref="Concurrency"/> 1 it completes
    /// first. Up to <see cref="Concurrency"/> calls run at once: when that many are in flight, this waits
    /// for one to finish. Each completion is written on the pipeline thread (<paramref name="onSuccess"/>,
    /// or the failure as an error), as calls finish. Call <see cref="CompleteRequests"/> in EndProcessing.
    /// </summary>
    protected void StartCall<T>(Func<PolyAiClient, CancellationToken, Task<T>> call, string resource, object? target, Action<T> onSuccess)
    {
        if (Concurrency <= 1)
        {
            if (TryCall(call, resource, target, out var result))
            {
                onSuccess(result);
            }

            return;
        }

        while (_inFlight >= Concurrency)
        {
            _dispatcher.RunNext();
        }

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

        _inFlight++;
        task.ContinueWith(
            finished => _dispatcher.Post(() => Complete(finished, resource, target, onSuccess)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        _dispatcher.RunPending();
    }

    /// <summary>Waits for every call started with <see cref="StartCall{T}"/>, writing each result.</summary>
    protected void CompleteRequests()
    {
        while (_inFlight > 0)
        {
            _dispatcher.RunNext();
        }

        _dispatcher.RunPending();
    }

    private void Complete<T>(Task<T> finished, string resource, object? target, Action<T> onSuccess)
    {
        _inFlight--;
        if (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        try
        {
            onSuccess(finished.GetAwaiter().GetResult());
        }
        catch (PolyAiApiException ex)
        {
            WriteFailure(ex, resource, target);
        }
        catch (ArgumentException ex)
        {
            WriteFailure(new PolyAiApiException(PolyAiFailureKind.InvalidArgument, "Validate input", ex.Message, innerException: ex), resource, target);
        }
    }

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
    /// target in detail is worth a read; a -Force run does not pay for it.</summary>
    protected bool ChangeWillBeShown(bool force, ConfirmImpact impact)
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
        return preference != ConfirmImpact.None && impact >= preference;
    }

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

    public void Dispose()
    {
        _stopping.Dispose();
        _dispatcher.Dispose();
        GC.SuppressFinalize(this);
    }
}
