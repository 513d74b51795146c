using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// What every API cmdlet shares: -Session (else this runspace's default), a cancellation token that
/// StopProcessing (Ctrl+C) cancels, calls that write their trace and results on the pipeline thread, and one
/// way to turn a failure into an ErrorRecord. Changes (ShouldProcess) are in PolyAiCmdlet.Changes.cs, requests
/// that run concurrently in PolyAiCmdlet.Requests.cs.
/// </summary>
public abstract partial class PolyAiCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly PipelineDispatcher _dispatcher = new();
    private PolyAiClient? _client;

    /// <summary>The default of -ThrottleLimit: enough to hide latency, few enough that a shared key is not
    /// throttled into 429s (which the retry policy would still ride out).</summary>
    public const int DefaultThrottleLimit = 4;

    /// <summary>The session to use instead of the default one of this runspace (Connect-PolyAi -PassThru).</summary>
    [Parameter]
    [ValidateNotNull]
    public Session? Session { get; set; }

    /// <summary>The client bound to the resolved session; resolving fails the command when not connected.</summary>
    private protected PolyAiClient Client => _client ??= ResolveSession().CreateClient(new DispatchedTrace(_dispatcher, this));

    protected override void BeginProcessing()
    {
        FormatViews.AddToCurrentRunspace();
        _ = Client;
    }

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Runs one API call, pumping its trace onto the pipeline thread. Returns false after writing
    /// the failure as a non-terminating error; an authentication failure ends the command.</summary>
    private protected bool TryCall<T>(Func<PolyAiClient, CancellationToken, Task<T>> call, object? target, out T result)
    {
        try
        {
            result = Call(call);
            return true;
        }
        catch (PolyAiApiException ex)
        {
            WriteFailure(ex, target);
            result = default!;
            return false;
        }
    }

    /// <summary>
    /// Runs a streaming list call: the items the client reads are written by <paramref name="onItems"/> on the
    /// pipeline thread, a batch at a time, while the rest is still arriving. At most <see cref="StreamWindow"/>
    /// batches wait to be written, so a slow pipeline slows the read instead of filling memory. Returns false after
    /// writing the failure as an error (items read before a failure have been written).
    /// </summary>
    private protected bool TryStream<T>(Func<PolyAiClient, Action<IReadOnlyList<T>>, CancellationToken, Task<int>> call, object? target, Action<IReadOnlyList<T>> onItems)
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
            target,
            out _);
    }

    private const int StreamWindow = 16;

    /// <summary>Runs one API call, pumping its trace onto the pipeline thread; failures are thrown as
    /// <see cref="PolyAiApiException"/> (input the client refuses becomes InvalidArgument).</summary>
    private protected T Call<T>(Func<PolyAiClient, CancellationToken, Task<T>> call)
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

    /// <summary>Input the client refused before sending anything, as an InvalidArgument failure about the
    /// resource the cmdlet's noun names (KnowledgeTopicInvalidArgument for New-PolyAiKnowledgeTopic).</summary>
    private PolyAiApiException Refused(ArgumentException ex) =>
        new(PolyAiFailureKind.InvalidArgument, "Validate input", ex.Message, NounResource, innerException: ex);

    private ResourceKind? NounResource => ResourceKind.All.FirstOrDefault(kind => "PolyAi" + kind.Name == Declaration.NounName);

    /// <summary>The cmdlet's [Cmdlet] attribute: its noun and declared ConfirmImpact.</summary>
    private CmdletAttribute Declaration => (CmdletAttribute)System.Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute))!;

    /// <summary>Writes a failure as a non-terminating error (a change the API reports as already made, as a
    /// warning), or ends the command for a bad key.</summary>
    private protected void WriteFailure(PolyAiApiException ex, object? target)
    {
        if (ex.Kind == PolyAiFailureKind.Unchanged)
        {
            WriteWarning(ex.Message);
            return;
        }

        var record = ErrorRecords.FromApi(ex, target);
        if (ex.Kind == PolyAiFailureKind.Authentication)
        {
            _stopping.Cancel(); // nothing else of this command may still be sent
            ThrowTerminatingError(record);
        }

        WriteError(record);
    }

    /// <summary>A request that carried several items failed whole: one error per item, so every input is
    /// accounted for.</summary>
    private protected void WriteFailures(PolyAiApiException failure, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            WriteFailure(failure, key);
        }
    }

    private Session ResolveSession()
    {
        var session = Session ?? SessionStore.Current;
        if (session is null)
        {
            ThrowTerminatingError(ErrorRecords.NotConnected());
        }

        return session!;
    }

    /// <summary>Input made into what is sent (JSON, a request, merge resolutions): false after writing an
    /// InvalidArgument error <paramref name="errorId"/> for <paramref name="target"/> when <paramref name="convert"/>
    /// refuses it (an ArgumentException that says why); nothing is sent then.</summary>
    private protected bool TryInput<T>(Func<T> convert, string errorId, object? target, out T result)
    {
        try
        {
            result = convert();
            return true;
        }
        catch (ArgumentException ex)
        {
            WriteError(ErrorRecords.InvalidInput(ex.Message, errorId, target));
            result = default!;
            return false;
        }
    }

    /// <summary>The text of a file the user named (relative to the current location); false after writing an
    /// InvalidArgument error <paramref name="errorId"/> when it cannot be read.</summary>
    private protected bool TryReadFile(string path, string what, string errorId, out string text)
    {
        try
        {
            text = File.ReadAllText(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ItemNotFoundException or ArgumentException)
        {
            WriteError(ErrorRecords.InvalidInput($"The {what} file '{path}' cannot be read: {ex.Message}", errorId, path));
            text = "";
            return false;
        }
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
