using System.Management.Automation;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Lists the agents of the key's workspace. Its output pipes into every -AgentId:
/// Get-PolyAiAgent | Get-PolyAiConnector.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiAgent")]
[OutputType(typeof(Agent))]
public sealed class GetPolyAiAgentCommand : PolyAiCmdlet
{
    /// <summary>Only agents whose name or id matches (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    protected override void EndProcessing()
    {
        if (!TryCall((c, ct) => c.ListAgentsAsync(ct), null, out var agents))
        {
            return;
        }

        var pattern = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        foreach (var agent in agents)
        {
            if (pattern is null || pattern.IsMatch(agent.AgentName) || pattern.IsMatch(agent.AgentId))
            {
                WriteObject(agent);
            }
        }
    }
}
