using System;
using System.Collections.Generic;
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
public sealed class SetPolyAiConnectorCommand : PolyAiBulkCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByIdClearVariantSet = "ByIdClearVariant";
    private const string InputObjectSet = "InputObject";
    private const string InputObjectClearVariantSet = "InputObjectClearVariant";

    private readonly List<PendingUpdate> _pending = new();

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
        SendPending();
        CompleteRequests();
    }

    private void SendPending()
    {
        foreach (var group in _pending.GroupBy(p => p.AgentId, StringComparer.Ordinal))
        {
            var updates = group.Select(p => p.Update).ToList();
            if (updates.Count == 1)
            {
                if (TryCall((c, ct) => c.UpdateConnectorAsync(group.Key, updates[0], ct), "Connector", updates[0].ConnectorId, out var connector) && PassThru)
                {
                    WriteObject(connector);
                }

                continue;
            }

            foreach (var chunk in Batches.Of(updates))
            {
                StartBatch((c, ct) => c.UpdateConnectorsAsync(group.Key, chunk, ct), chunk.Select(u => u.ConnectorId).ToList(), "Connector", writeSuccesses: PassThru);
            }
        }
    }

    /// <summary>Asks for one connector now (input order); the change itself is sent in EndProcessing.</summary>
    private void Confirm(string agentId, string connectorId, Connector? known)
    {
        var update = new ConnectorUpdate(connectorId)
        {
            VariantId = VariantId,
            ClearVariant = ClearVariant.IsPresent,
            AsrLangCode = AsrLangCode,
            VoiceName = VoiceName,
            ProjectId = ProjectId,
        };

        string description;
        if (ChangeWillBeShown(force: false))
        {
            var connector = known;
            if (connector is null && !TryCall((c, ct) => c.GetConnectorAsync(agentId, connectorId, ct), "Connector", connectorId, out connector))
            {
                return;
            }

            description = DescribeChange(agentId, connector, update);
        }
        else
        {
            description = DescribeRequest(agentId, update);
        }

        if (ShouldChange(description, $"{description} Continue?", false))
        {
            _pending.Add(new PendingUpdate(agentId, update));
        }
    }

    /// <summary>"Update connector 'Main line' (conn-main-live, live) of agent 'A': voiceName 'x' -> 'y', variantId 'v' -> (none)."</summary>
    private static string DescribeChange(string agentId, Connector connector, ConnectorUpdate update)
    {
        var changes = new List<string>();
        if (update.ClearVariant)
        {
            changes.Add($"variantId {Quote(connector.VariantId)} -> (none)");
        }
        else if (update.VariantId is not null)
        {
            changes.Add($"variantId {Quote(connector.VariantId)} -> {Quote(update.VariantId)}");
        }

        if (update.AsrLangCode is not null)
        {
            changes.Add($"asrLangCode {Quote(connector.AsrLangCode)} -> {Quote(update.AsrLangCode)}");
        }

        if (update.VoiceName is not null)
        {
            changes.Add($"voiceName {Quote(connector.VoiceName)} -> {Quote(update.VoiceName)}");
        }

        if (update.ProjectId is not null)
        {
            changes.Add($"projectId {Quote(connector.ProjectId)} -> {Quote(update.ProjectId)}");
        }

        var subject = $"connector '{connector.Name}' ({connector.ConnectorId}, {connector.ClientEnv}) of agent '{agentId}'";
        return update.ProjectId is null
            ? $"Update {subject}: {string.Join(", ", changes)}."
            : $"Move {subject} to project '{update.ProjectId}' (it leaves agent '{agentId}'): {string.Join(", ", changes)}.";
    }

    /// <summary>The same without a read (no message will be shown): only the new values.</summary>
    private static string DescribeRequest(string agentId, ConnectorUpdate update)
    {
        var changes = new List<string>();
        if (update.ClearVariant)
        {
            changes.Add("clear variantId");
        }
        else if (update.VariantId is not null)
        {
            changes.Add($"set variantId to '{update.VariantId}'");
        }

        if (update.AsrLangCode is not null)
        {
            changes.Add($"set asrLangCode to '{update.AsrLangCode}'");
        }

        if (update.VoiceName is not null)
        {
            changes.Add($"set voiceName to '{update.VoiceName}'");
        }

        if (update.ProjectId is not null)
        {
            changes.Add($"move it to project '{update.ProjectId}'");
        }

        return $"Update connector '{update.ConnectorId}' of agent '{agentId}': {string.Join(", ", changes)}.";
    }

    private static string Quote(string value) => value.Length == 0 ? "(none)" : $"'{value}'";

    private sealed class PendingUpdate
    {
        public PendingUpdate(string agentId, ConnectorUpdate update)
        {
            AgentId = agentId;
            Update = update;
        }

        public string AgentId { get; }

        public ConnectorUpdate Update { get; }
    }
}
