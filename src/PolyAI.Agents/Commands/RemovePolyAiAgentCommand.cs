using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Deletes agents, and with each everything in it: its branches, connectors and phone numbers. The What-if and
/// confirmation text name the agent and what goes with it (read first; -WhatIf sends no DELETE).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "PolyAiAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemovePolyAiAgentCommand : PolyAiCmdlet
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>One or more agent ids; from the pipeline by property name (Get-PolyAiAgent).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string[] AgentId { get; set; } = Array.Empty<string>();

    /// <summary>Remove without asking for confirmation. -WhatIf still only shows what would happen.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool SuppressPrompt => Force;

    protected override void ProcessRecord()
    {
        foreach (var agentId in AgentId)
        {
            if (!_seen.Add(agentId))
            {
                WriteVerbose($"Agent '{agentId}' was given more than once; it is removed once.");
                continue;
            }

            var confirmed = ConfirmChange<Contents>(
                agentId,
                async (c, ct) => new Contents(
                    await c.GetAgentAsync(agentId, ct).ConfigureAwait(false),
                    await c.ListConnectorsAsync(agentId, ct).ConfigureAwait(false),
                    await c.ListPhoneNumbersAsync(agentId, null, ct).ConfigureAwait(false)),
                contents => contents is null
                    ? $"Remove agent '{agentId}' and everything in it: its branches, connectors and phone numbers."
                    : $"Remove agent '{contents.Agent.AgentName}' ({agentId}) and everything in it: {Count(contents.Agent.BranchCount, "branch", "branches")}, {Count(contents.Connectors.Count, "connector", "connectors")}{Names(contents.Connectors.Select(c => c.Name))} and {Count(contents.Numbers.Count, "phone number", "phone numbers")}{Names(contents.Numbers.Select(n => n.Number))}.",
                "This cannot be undone.");
            if (confirmed)
            {
                TryCall((c, ct) => c.DeleteAgentAsync(agentId, ct), agentId, out _);
            }
        }
    }

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "" : $" ({string.Join(", ", list)})";
    }

    private sealed class Contents(Agent agent, IReadOnlyList<Connector> connectors, IReadOnlyList<PhoneNumber> numbers)
    {
        public Agent Agent { get; } = agent;

        public IReadOnlyList<Connector> Connectors { get; } = connectors;

        public IReadOnlyList<PhoneNumber> Numbers { get; } = numbers;
    }
}
