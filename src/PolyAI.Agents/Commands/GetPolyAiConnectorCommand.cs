using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Lists an agent's connectors, gets connectors by id (one GET, or the batch endpoint for several; ids the
/// API does not know are errors), or finds the connector that serves a phone number.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiConnector", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Connector))]
public sealed class GetPolyAiConnectorCommand : PolyAiCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByPhoneNumberSet = "ByPhoneNumber";

    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
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

    /// <summary>An E.164 number; returns the connector it routes to.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByPhoneNumberSet)]
    [ValidateE164]
    public string PhoneNumber { get; set; } = "";

    /// <summary>How many batch requests run at once when more than 100 ids are asked for.</summary>
    [Parameter(ParameterSetName = ByIdSet)]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    protected override int Concurrency => ThrottleLimit;

    /// <summary>Only connectors whose name matches (wildcards allowed).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByIdSet:
                GetByIds();
                break;
            case ByPhoneNumberSet:
                if (TryCall((c, ct) => c.LookupConnectorAsync(AgentId, PhoneNumber, ct), "PhoneNumber", PhoneNumber, out var connector))
                {
                    WriteObject(connector);
                }

                break;
            default:
                List();
                break;
        }
    }

    private void List()
    {
        var pattern = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        TryStream<Connector>(
            (client, onConnectors, token) => client.ListConnectorsAsync(AgentId, onConnectors, token),
            "Agent",
            AgentId,
            connectors => WriteObject(pattern is null ? connectors : connectors.Where(c => pattern.IsMatch(c.Name)), enumerateCollection: true));
    }

    private void GetByIds()
    {
        var ids = ConnectorId.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 1)
        {
            if (TryCall((c, ct) => c.GetConnectorAsync(AgentId, ids[0], ct), "Connector", ids[0], out var connector))
            {
                WriteObject(connector);
            }

            return;
        }

        var agentId = AgentId;
        foreach (var chunk in Batches.Of(ids))
        {
            StartCall(
                (c, ct) => c.GetConnectorsAsync(agentId, chunk, ct),
                batch => WriteInRequestedOrder(chunk, batch.Found, c => c.ConnectorId, id => ErrorRecords.NotFoundInBatch("Connector", "connector", agentId, id)),
                failure => WriteFailures(failure, "Connector", chunk));
        }
    }

    protected override void EndProcessing() => CompleteRequests();
}
