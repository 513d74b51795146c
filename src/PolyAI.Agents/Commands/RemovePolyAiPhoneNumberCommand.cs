using System;
using System.Management.Automation;
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
public sealed class RemovePolyAiPhoneNumberCommand : PolyAiConcurrentCmdlet
{
    private readonly PendingItems<string, string> _pending = new();

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

    private protected override bool SuppressPrompt => Force;

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        foreach (var number in PhoneNumber)
        {
            if (!_pending.FirstTime(agentId, number))
            {
                WriteVerbose($"Phone number '{number}' of agent '{agentId}' was given more than once; it is removed once.");
                continue;
            }

            // Asked for now (input order); the DELETE itself is sent in EndProcessing.
            var confirmed = ConfirmChange(
                number,
                (c, ct) => c.GetPhoneNumberAsync(agentId, number, ct),
                current => current is null
                    ? $"Remove phone number '{number}' from agent '{agentId}'."
                    : $"Remove phone number '{number}' ({current.ClientEnv}, {(current.ConnectorId is null ? "not routed" : $"routed to connector '{current.ConnectorId}'")}) from agent '{agentId}'.",
                "The number is released; this cannot be undone.");
            if (confirmed)
            {
                _pending.Add(agentId, number);
            }
        }
    }

    protected override void EndProcessing()
    {
        _pending.Send(
            (agentId, number) => StartCall((c, ct) => c.DeletePhoneNumberAsync(agentId, number, ct), number, WriteObject),
            (agentId, numbers) => StartBatch((c, ct) => c.DeletePhoneNumbersAsync(agentId, numbers, ct), numbers));
        CompleteRequests();
    }
}
