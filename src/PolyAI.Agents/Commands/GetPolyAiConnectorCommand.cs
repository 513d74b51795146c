using System;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Lists an agent's connectors, gets connectors by id, or finds the connector that serves a phone number. Ids
/// are collected over the whole input and read when it ends: one connector of an agent with a single GET,
/// several with the batch endpoint (100 per request); ids the API does not know are errors, in input order.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiConnector", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Connector))]
public sealed class GetPolyAiConnectorCommand : PolyAiCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByPhoneNumberSet = "ByPhoneNumber";

    private readonly PendingItems<string, string> _requested = new();

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

    private protected override int Concurrency => ThrottleLimit;

    private protected override bool WritesInStartOrder => true;

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
                foreach (var id in ConnectorId)
                {
                    _requested.AddOnce(AgentId, AgentId, id, id);
                }

                break;
            case ByPhoneNumberSet:
                if (TryCall((c, ct) => c.LookupConnectorAsync(AgentId, PhoneNumber, ct), PhoneNumber, out var connector))
                {
                    WriteObject(connector);
                }

                break;
            default:
                var pattern = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                TryStream<Connector>(
                    (client, onConnectors, token) => client.ListConnectorsAsync(AgentId, onConnectors, token),
                    AgentId,
                    connectors => WriteObject(pattern is null ? connectors : connectors.Where(c => pattern.IsMatch(c.Name)), enumerateCollection: true));
                break;
        }
    }

    protected override void EndProcessing()
    {
        _requested.Send(
            (agentId, id) => StartCall((c, ct) => c.GetConnectorAsync(agentId, id, ct), id, WriteObject),
            (agentId, ids) => StartBatchRead(
                (c, ct) => c.GetConnectorsAsync(agentId, ids, ct), ids, c => c.ConnectorId, id => ErrorRecords.NotFoundInBatch(ResourceKind.Connector, agentId, id)));
        CompleteRequests();
    }
}
