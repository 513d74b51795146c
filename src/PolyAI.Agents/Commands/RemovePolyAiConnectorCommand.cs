using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Deletes connectors. The API cascades: every phone number routed to a connector is released with it,
/// so the What-if and confirmation text name those numbers (read first; -WhatIf sends no DELETE), and the
/// output records what was released.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "PolyAiConnector", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ConnectorRemoval))]
public sealed class RemovePolyAiConnectorCommand : PolyAiConcurrentCmdlet
{
    private const string ByIdSet = "ById";
    private const string InputObjectSet = "InputObject";

    private readonly HashSet<(string, string)> _seen = new();

    /// <summary>The agent that owns the connectors.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>One or more connector ids.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(ConnectorIdCompleter))]
    public string[] ConnectorId { get; set; } = Array.Empty<string>();

    /// <summary>A connector from Get-PolyAiConnector.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public Connector? InputObject { get; set; }

    /// <summary>Remove without asking for confirmation. -WhatIf still only shows what would happen.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool SuppressPrompt => Force;

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            Remove(InputObject.AgentId, InputObject.ConnectorId, InputObject);
            return;
        }

        foreach (var connectorId in ConnectorId)
        {
            Remove(AgentId, connectorId, null);
        }
    }

    protected override void EndProcessing() => CompleteRequests();

    private void Remove(string agentId, string connectorId, Connector? known)
    {
        if (!_seen.Add((agentId, connectorId)))
        {
            WriteVerbose($"Connector '{connectorId}' of agent '{agentId}' was given more than once; it is removed once.");
            return;
        }

        // The message names the connector and the numbers the cascade will release.
        var confirmed = ConfirmChange<Cascade>(
            connectorId,
            async (c, ct) => new Cascade(known ?? await c.GetConnectorAsync(agentId, connectorId, ct).ConfigureAwait(false), await c.ListPhoneNumbersAsync(agentId, connectorId, ct).ConfigureAwait(false)),
            cascade => cascade is null
                ? $"Remove connector '{connectorId}' of agent '{agentId}' and release every phone number routed to it."
                : $"Remove connector '{cascade.Connector.Name}' ({connectorId}, {cascade.Connector.ClientEnv}) of agent '{agentId}' and {DescribeRelease(cascade.Numbers)}",
            "This cannot be undone.");
        if (confirmed)
        {
            StartCall((c, ct) => c.DeleteConnectorAsync(agentId, connectorId, ct), connectorId, WriteObject);
        }
    }

    private static string DescribeRelease(IReadOnlyList<PhoneNumber> numbers) => numbers.Count switch
    {
        0 => "release no phone numbers (none is routed to it).",
        1 => $"release 1 phone number: {numbers[0].Number}.",
        _ => $"release {numbers.Count} phone numbers: {string.Join(", ", numbers.Select(n => n.Number))}.",
    };

    private sealed class Cascade(Connector connector, IReadOnlyList<PhoneNumber> numbers)
    {
        public Connector Connector { get; } = connector;

        public IReadOnlyList<PhoneNumber> Numbers { get; } = numbers;
    }
}
