using System;
using System.Collections.Generic;
using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Deletes branches of an agent, with their changes that were not merged. main is refused before anything is
/// sent. The What-if and confirmation text name the branch (read first; -WhatIf sends no DELETE).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "PolyAiBranch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemovePolyAiBranchCommand : PolyAiCmdlet
{
    private readonly HashSet<(string, string)> _seen = new();

    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>One or more branch ids (not main).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(BranchIdCompleter))]
    public string[] BranchId { get; set; } = Array.Empty<string>();

    /// <summary>Remove without asking for confirmation. -WhatIf still only shows what would happen.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool SuppressPrompt => Force;

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        foreach (var branchId in BranchId)
        {
            if (string.Equals(branchId, Branch.Main, StringComparison.OrdinalIgnoreCase))
            {
                WriteError(ErrorRecords.InvalidInput(
                    $"The branch '{branchId}' of agent '{agentId}' cannot be removed: main is the agent's own content. Remove the agent with Remove-PolyAiAgent instead.",
                    "BranchMainNotRemovable", branchId));
                continue;
            }

            if (!_seen.Add((agentId, branchId)))
            {
                WriteVerbose($"Branch '{branchId}' of agent '{agentId}' was given more than once; it is removed once.");
                continue;
            }

            var confirmed = ConfirmChange(
                branchId,
                (c, ct) => c.GetBranchAsync(agentId, branchId, ct),
                branch => $"Remove branch {(branch?.Name is { } name ? $"'{name}' ({branchId})" : $"'{branchId}'")} of agent '{agentId}' and every change on it that was not merged.",
                "This cannot be undone.");
            if (confirmed)
            {
                TryCall((c, ct) => c.DeleteBranchAsync(agentId, branchId, ct), branchId, out _);
            }
        }
    }
}
