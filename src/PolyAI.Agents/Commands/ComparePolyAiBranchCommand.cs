using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Compares a branch with its reference (main by default): one BranchChange per difference in the behavior rules
/// and the knowledge base (Added, Changed or Removed, with the versions before and after), nothing when they are
/// equal. This is what Merge-PolyAiBranch would apply; the objects are the plan a reviewer reads (ConvertTo-Json).
/// </summary>
[Cmdlet(VerbsData.Compare, "PolyAiBranch")]
[OutputType(typeof(BranchChange))]
public sealed class ComparePolyAiBranchCommand : PolyAiCmdlet
{
    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The branch whose changes are listed.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(BranchIdCompleter))]
    public string BranchId { get; set; } = "";

    /// <summary>The branch to compare with; main when not given.</summary>
    [Parameter(Position = 2)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(BranchIdCompleter))]
    public string ReferenceBranchId { get; set; } = Branch.Main;

    protected override void ProcessRecord()
    {
        if (TryCall((c, ct) => c.CompareBranchesAsync(AgentId, BranchId, ReferenceBranchId, ct), BranchId, out var changes))
        {
            WriteObject(changes, enumerateCollection: true);
        }
    }
}
