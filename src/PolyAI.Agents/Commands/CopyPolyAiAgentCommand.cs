using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>Copies an agent's content (behavior rules, knowledge base, variants) into a new agent; pipe agents in
/// from Get-PolyAiAgent. The What-if text names the agent being copied (read first).</summary>
[Cmdlet(VerbsCommon.Copy, "PolyAiAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Agent))]
public sealed class CopyPolyAiAgentCommand : PolyAiCmdlet
{
    /// <summary>The agent to copy.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The new agent's name, 1 to 100 characters.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateLength(1, AgentDefinition.MaxNameLength)]
    public string NewName { get; set; } = "";

    /// <summary>The new agent's id (letters, digits and '-'); the API chooses one when not given.</summary>
    [Parameter]
    [ValidatePattern(AgentDefinition.AgentIdPattern)]
    public string? NewAgentId { get; set; }

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        var confirmed = ConfirmChange(
            agentId,
            (c, ct) => c.GetAgentAsync(agentId, ct),
            source => $"Copy agent {(source is null ? $"'{agentId}'" : $"'{source.AgentName}' ({agentId})")} to a new agent '{NewName}'{(NewAgentId is null ? "" : $" ({NewAgentId})")}.");
        if (confirmed && TryCall((c, ct) => c.DuplicateAgentAsync(agentId, NewName, NewAgentId, ct), agentId, out var copy))
        {
            WriteObject(copy);
        }
    }
}
