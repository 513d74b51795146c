using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Releases phone numbers from an agent. Each number is confirmed as it arrives (the What-if and prompt text
/// name its environment and connector, read first; -WhatIf sends no DELETE); they are released when the
/// input ends: one number of an agent with the single DELETE, several with the bulk DELETE (100 per request).
/// Every number given ends as exactly one PhoneNumberRemoval or one error (PhoneNumberNotFound, ...;
/// PhoneNumberRemovalUnconfirmed when a retried delete cannot tell).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "PolyAiPhoneNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(PhoneNumberRemoval))]
public sealed class RemovePolyAiPhoneNumberCommand : PolyAiBulkCmdlet
{

    private readonly List<(string AgentId, string Number)> _pending = new();
    private readonly HashSet<(string, string)> _seen = new();

    /// <summary>The agent that owns the numbers.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>One or more E.164 numbers, e.g. +442071234567.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Number")]
    [ValidateNotNullOrEmpty]
    [ValidateE164]
    public string[] PhoneNumber { get; set; } = Array.Empty<string>();

    /// <summary>Remove without asking for confirmation. -WhatIf still only shows what would happen.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }


    protected override void ProcessRecord()
    {
        foreach (var number in PhoneNumber)
        {
            if (!_seen.Add((AgentId, number)))
            {
                WriteVerbose($"Phone number '{number}' of agent '{AgentId}' was given more than once; it is removed once.");
                continue;
            }

            Confirm(AgentId, number);
        }
    }

    protected override void EndProcessing()
    {
        SendPending();
        CompleteRequests();
    }

    private void SendPending() =>
        Batches.Send(
            _pending.GroupBy(p => p.AgentId, p => p.Number, StringComparer.Ordinal),
            (agentId, number) => StartCall((c, ct) => c.DeletePhoneNumberAsync(agentId, number, ct), "PhoneNumber", number, WriteObject),
            (agentId, chunk) => StartBatch((c, ct) => c.DeletePhoneNumbersAsync(agentId, chunk, ct), chunk, "PhoneNumber"));

    /// <summary>Asks for one number now (input order); the DELETE itself is sent in EndProcessing.</summary>
    private void Confirm(string agentId, string number)
    {
        string description;
        if (ChangeWillBeShown(Force))
        {
            if (!TryCall((c, ct) => c.GetPhoneNumberAsync(agentId, number, ct), "PhoneNumber", number, out var current))
            {
                return;
            }

            var routing = current.ConnectorId is null ? "not routed" : $"routed to connector '{current.ConnectorId}'";
            description = $"Remove phone number '{number}' ({current.ClientEnv}, {routing}) from agent '{agentId}'.";
        }
        else
        {
            description = $"Remove phone number '{number}' from agent '{agentId}'.";
        }

        if (ShouldChange(description, $"{description} The number is released; this cannot be undone. Continue?", Force))
        {
            _pending.Add((agentId, number));
        }
    }
}
