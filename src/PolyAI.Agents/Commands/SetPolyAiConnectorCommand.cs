using System;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Changes connectors: variant (or -ClearVariant to unassign it), ASR language, voice, or the project that
/// owns them (-ProjectId moves the connector out of this agent). Only the values given are sent. Each
/// connector is confirmed on its own (the What-if text shows old -> new values); the changes are sent when
/// the input ends: one connector of an agent with the single update, several with the batch endpoint
/// (100 per request), where each failed connector is its own error and the others still change.
/// </summary>
[Cmdlet(VerbsCommon.Set, "PolyAiConnector", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Connector))]
public sealed class SetPolyAiConnectorCommand : PolyAiConcurrentCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByIdClearVariantSet = "ByIdClearVariant";
    private const string InputObjectSet = "InputObject";
    private const string InputObjectClearVariantSet = "InputObjectClearVariant";

    private readonly PendingItems<string, ConnectorUpdate> _pending = new();

    /// <summary>The agent that owns the connectors.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdClearVariantSet, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>One or more connector ids.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdClearVariantSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(ConnectorIdCompleter))]
    public string[] ConnectorId { get; set; } = Array.Empty<string>();

    /// <summary>A connector from Get-PolyAiConnector; its values are the "old" side of the What-if text.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [Parameter(Mandatory = true, ParameterSetName = InputObjectClearVariantSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public Connector? InputObject { get; set; }

    /// <summary>The variant to assign.</summary>
    [Parameter(ParameterSetName = ByIdSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(VariantIdCompleter))]
    public string? VariantId { get; set; }

    /// <summary>Unassigns the variant (sends variantId: null).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdClearVariantSet)]
    [Parameter(Mandatory = true, ParameterSetName = InputObjectClearVariantSet)]
    public SwitchParameter ClearVariant { get; set; }

    /// <summary>The speech-recognition language, e.g. en-GB.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AsrLangCode { get; set; }

    /// <summary>The TTS voice, e.g. en-GB-Neural2-A; the API derives the TTS language from it.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? VoiceName { get; set; }

    /// <summary>Moves the connector to this project (agent). The API key needs access to both.</summary>
    [Parameter]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string? ProjectId { get; set; }

    /// <summary>Writes each updated connector.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        if (VariantId is null && !ClearVariant.IsPresent && AsrLangCode is null && VoiceName is null && ProjectId is null)
        {
            ThrowTerminatingError(ErrorRecords.InvalidInput(
                "Set-PolyAiConnector would change nothing: give -VariantId (or -ClearVariant), -AsrLangCode, -VoiceName or -ProjectId.",
                "ConnectorUpdateEmpty",
                null));
        }

        base.BeginProcessing();
    }

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            Confirm(InputObject.AgentId, InputObject.ConnectorId, InputObject);
            return;
        }

        foreach (var connectorId in ConnectorId)
        {
            Confirm(AgentId, connectorId, null);
        }
    }

    protected override void EndProcessing()
    {
        _pending.Send(
            (agentId, update) => StartCall((c, ct) => c.UpdateConnectorAsync(agentId, update, ct), update.ConnectorId, WritePassThru),
            (agentId, updates) => StartBatch((c, ct) => c.UpdateConnectorsAsync(agentId, updates, ct), updates.Select(u => u.ConnectorId).ToList(), writeSuccesses: PassThru));
        CompleteRequests();
    }

    /// <summary>Asks for one connector now (input order); the change itself is sent in EndProcessing.</summary>
    private void Confirm(string agentId, string connectorId, Connector? known)
    {
        if (!_pending.FirstTime(agentId, connectorId))
        {
            WriteVerbose($"Connector '{connectorId}' of agent '{agentId}' was given more than once; it is changed once.");
            return;
        }

        var update = new ConnectorUpdate(connectorId)
        {
            VariantId = VariantId,
            ClearVariant = ClearVariant.IsPresent,
            AsrLangCode = AsrLangCode,
            VoiceName = VoiceName,
            ProjectId = ProjectId,
        };

        var read = known is null ? (c, ct) => c.GetConnectorAsync(agentId, connectorId, ct) : Known(known);
        if (ConfirmChange(connectorId, read, current => Describe(agentId, connectorId, current, update)))
        {
            _pending.Add(agentId, update);
        }
    }

    private void WritePassThru(Connector connector)
    {
        if (PassThru)
        {
            WriteObject(connector);
        }
    }

    /// <summary>"Update connector 'Main line' (conn-main-live, live) of agent 'A': voiceName 'x' -> 'y', variantId 'v' -> (none)";
    /// without the read (no message is shown), the new values only.</summary>
    private static string Describe(string agentId, string connectorId, Connector? current, ConnectorUpdate update)
    {
        var changes = new FieldChanges(currentKnown: current is not null);
        if (update.ClearVariant || update.VariantId is not null)
        {
            changes.Add("variantId", current?.VariantId, update.VariantId);
        }

        if (update.AsrLangCode is not null)
        {
            changes.Add("asrLangCode", current?.AsrLangCode, update.AsrLangCode);
        }

        if (update.VoiceName is not null)
        {
            changes.Add("voiceName", current?.VoiceName, update.VoiceName);
        }

        if (update.ProjectId is not null)
        {
            changes.Add("projectId", current?.ProjectId, update.ProjectId);
        }

        var subject = current is null
            ? $"connector '{connectorId}' of agent '{agentId}'"
            : $"connector '{current.Name}' ({connectorId}, {current.ClientEnv}) of agent '{agentId}'";
        return update.ProjectId is null
            ? $"Update {subject}: {changes}."
            : $"Move {subject} to project '{update.ProjectId}' (it leaves agent '{agentId}'): {changes}.";
    }
}
