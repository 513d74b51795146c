using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>Creates a branch of an agent: a copy of main's behavior rules and knowledge base to change, review and
/// merge back.</summary>
[Cmdlet(VerbsCommon.New, "PolyAiBranch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Branch))]
public sealed class NewPolyAiBranchCommand : PolyAiCmdlet
{
    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The branch's name, 1 to 100 characters.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateLength(1, 100)]
    public string Name { get; set; } = "";

    protected override void ProcessRecord()
    {
        var description = $"Create branch '{Name}' of agent '{AgentId}' from {Branch.Main}.";
        if (ShouldChange(description, $"{description} Continue?") && TryCall((c, ct) => c.CreateBranchAsync(AgentId, Name, ct), Name, out var branch))
        {
            WriteObject(branch);
        }
    }
}
