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

    /// <summary>Writes a failure as a non-terminating error, or ends the command for a bad key.</summary>
    protected void WriteFailure(PolyAiApiException ex, string resource, object? target)
    {
        var record = ErrorRecords.FromApi(ex, resource, target);
        if (ex.Kind == PolyAiFailureKind.Authentication)
        {
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
