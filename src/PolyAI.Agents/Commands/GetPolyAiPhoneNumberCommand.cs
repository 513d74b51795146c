using System;
using System.Management.Automation;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Lists an agent's phone numbers (all, or those routed to one connector: pipe Get-PolyAiConnector in), or
/// gets numbers by their E.164 form. Numbers asked for by number are collected over the whole input and read
/// when it ends: one number of an agent with a single GET, several with the batch endpoint (100 per request);
/// numbers the agent does not have are PhoneNumberNotFound errors, in input order.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiPhoneNumber", DefaultParameterSetName = ListSet)]
[OutputType(typeof(PhoneNumber))]
public sealed class GetPolyAiPhoneNumberCommand : PolyAiCmdlet
{
    private const string ListSet = "List";
    private const string ByNumberSet = "ByNumber";

    private readonly PendingItems<string, string> _requested = new();

    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>Only the numbers routed to this connector.</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(ConnectorIdCompleter))]
    public string? ConnectorId { get; set; }

    /// <summary>One or more E.164 numbers, e.g. +442071234567.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByNumberSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Number")]
    [ValidateNotNullOrEmpty]
    [ValidateE164]
    public string[] PhoneNumber { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByNumberSet)
        {
            foreach (var number in PhoneNumber)
            {
                _requested.AddOnce(AgentId, AgentId, number, number);
            }

            return;
        }

        var connectorId = ConnectorId;
        TryStream<PhoneNumber>(
            (client, onNumbers, token) => client.ListPhoneNumbersAsync(AgentId, connectorId, onNumbers, token),
            connectorId ?? AgentId,
            numbers => WriteObject(numbers, enumerateCollection: true));
    }

    protected override void EndProcessing()
    {
        _requested.Send(
            (agentId, number) => StartCall((c, ct) => c.GetPhoneNumberAsync(agentId, number, ct), number, WriteObject),
            (agentId, numbers) => StartBatchRead(
                (c, ct) => c.GetPhoneNumbersAsync(agentId, numbers, ct), numbers, n => n.Number, number => ErrorRecords.NotFoundInBatch(ResourceKind.PhoneNumber, agentId, number)));
        CompleteRequests();
    }
}
