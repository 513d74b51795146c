using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// The parameters every cmdlet that reads branch content shares: the agent and the branch, by property name (so a
/// Branch, a topic or any object with AgentId and BranchId pipes in). A read defaults to the main branch.
/// </summary>
public abstract class PolyAiBranchReadCmdlet : PolyAiCmdlet
{
    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The branch to read; main when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(BranchIdCompleter))]
    public string BranchId { get; set; } = Branch.Main;
}

/// <summary>
/// The parameters every cmdlet that changes branch content shares. A change requires -BranchId: nobody edits main
/// by accident (later versions of the API make main read-only).
/// </summary>
public abstract class PolyAiBranchChangeCmdlet : PolyAiConcurrentCmdlet
{
    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The branch to change (required).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(BranchIdCompleter))]
    public string BranchId { get; set; } = "";
}
