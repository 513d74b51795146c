using System;
using System.Management.Automation;
using System.Security;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Sets the default PolyAI session of the current runspace. Nothing is sent to the API here: the first
/// API cmdlet shows whether the key works. The key comes from -ApiKey, -Credential (its password) or
/// $env:POLYAI_API_KEY, in that order.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "PolyAi", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(Session))]
public sealed class ConnectPolyAiCommand : PSCmdlet
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";
    internal const string ApiKeyVariable = "POLYAI_API_KEY";
    internal const string RegionVariable = "POLYAI_REGION";
    internal const string BaseUriVariable = "POLYAI_BASE_URI";

    /// <summary>The API key; a SecureString or a plain string.</summary>
    [Parameter(ParameterSetName = ApiKeySet, Position = 0)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>A credential whose password is the API key (the user name is not used).</summary>
    [Parameter(ParameterSetName = CredentialSet, Mandatory = true)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>us, uk or eu. Default: $env:POLYAI_REGION, else us.</summary>
    [Parameter]
    [ValidateRegion]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Region { get; set; }

    /// <summary>Another API root (a proxy or the local emulator); overrides -Region. https only, except to a loopback host.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>The limit for one request, in seconds.</summary>
    [Parameter]
    [ValidateRange(1, Session.MaxTimeoutSec)]
    public int TimeoutSec { get; set; } = Session.DefaultTimeoutSec;

    /// <summary>How often a request that is safe to repeat is retried after 429, 502-504 or a broken connection.</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxRetry { get; set; } = Session.DefaultMaxRetry;

    /// <summary>Also return the session, to pass with -Session (several accounts, ForEach-Object -Parallel).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing() => FormatViews.AddToCurrentRunspace();

    protected override void EndProcessing()
    {
        var (key, source) = ResolveKey();
        // The environment fills in only what the command line leaves open: an explicit -Region wins over $env:POLYAI_BASE_URI.
        var baseUri = BaseUri ?? (MyInvocation.BoundParameters.ContainsKey(nameof(Region)) ? null : BaseUriFromEnvironment());
        if (baseUri is not null && MyInvocation.BoundParameters.ContainsKey(nameof(Region)))
        {
            WriteVerbose($"-BaseUri {baseUri} overrides -Region {Region}.");
        }

        Session session;
        try
        {
            session = Session.Create(
                key,
                source,
                Region ?? Environment.GetEnvironmentVariable(RegionVariable),
                baseUri,
                TimeoutSec,
                MaxRetry,
                UserAgent());
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(ex.Message), "PolyAiInvalidConnection", ErrorCategory.InvalidArgument, null));
            return;
        }

        SessionStore.Current = session;
        // A runbook connects, then works: the engine's one-time set-up runs on another core meanwhile (nothing is sent).
        session.Prepare();
        WriteVerbose($"Connected: {session} (key from {source}, timeout {session.TimeoutSec} s, up to {session.MaxRetry} retries).");
        if (PassThru)
        {
            WriteObject(session);
        }
    }

    private (SecureString Key, string Source) ResolveKey()
    {
        if (Credential is not null)
        {
            return (Credential.Password, "Credential");
        }

        if (ApiKey is not null)
        {
            return (ApiKey, "ApiKey");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return (SecureStringTransformationAttribute.ToSecureString(fromEnvironment!.Trim()), "Environment");
        }

        ThrowTerminatingError(new ErrorRecord(
            new ArgumentException($"No API key: pass -ApiKey or -Credential, or set the environment variable {ApiKeyVariable}."),
            "PolyAiApiKeyMissing",
            ErrorCategory.InvalidArgument,
            null));
        throw new InvalidOperationException(); // not reached: ThrowTerminatingError always throws
    }

    private Uri? BaseUriFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(BaseUriVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var uri))
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"The environment variable {BaseUriVariable} ('{text}') is not an absolute URI."),
                "PolyAiInvalidConnection",
                ErrorCategory.InvalidArgument,
                text));
        }

        return uri;
    }

    private string UserAgent()
    {
        var moduleVersion = typeof(ConnectPolyAiCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var psVersion = (GetVariableValue("PSVersionTable") as System.Collections.Hashtable)?["PSVersion"]?.ToString() ?? "unknown";
        return $"PolyAI.Agents/{moduleVersion} PowerShell/{psVersion} ({System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()})";
    }
}
