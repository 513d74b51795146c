using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Merges a branch into main. The What-if and confirmation text list what the branch changes against main (read
/// first, as Compare-PolyAiBranch does). When main changed the same item since the branch was made, the merge is a
/// BranchMergeConflict error that lists the conflicting paths; -Resolution resolves them.
/// </summary>
[Cmdlet(VerbsData.Merge, "PolyAiBranch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(BranchMerge))]
public sealed class MergePolyAiBranchCommand : PolyAiCmdlet
{
    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The branch to merge into main.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(BranchIdCompleter))]
    public string BranchId { get; set; } = "";

    /// <summary>A message recorded with the merge (the API's deploymentMessage).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Message { get; set; }

    /// <summary>How to resolve conflicting paths: hashtables (or objects) with Path and Strategy (ours, theirs or
    /// base), and optionally Value.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public object[]? Resolution { get; set; }

    /// <summary>Merge without asking for confirmation. -WhatIf still only shows what would happen.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool SuppressPrompt => Force;

    protected override void ProcessRecord()
    {
        if (!TryInput<IReadOnlyList<ConflictResolution>>(() => (Resolution ?? Array.Empty<object>()).Select(ToResolution).ToList(), "BranchMergeResolutionInvalid", Resolution, out var resolutions))
        {
            return;
        }

        var agentId = AgentId;
        var branchId = BranchId;
        if (string.Equals(branchId, Branch.Main, StringComparison.OrdinalIgnoreCase))
        {
            WriteError(ErrorRecords.InvalidInput(
                $"The branch '{branchId}' of agent '{agentId}' cannot be merged: main is what branches merge into. Merge a branch made with New-PolyAiBranch.",
                "BranchMainNotMergeable", branchId));
            return;
        }

        var confirmed = ConfirmChange<Plan>(
            branchId,
            async (c, ct) => new Plan(await c.CompareBranchesAsync(agentId, branchId, Branch.Main, ct).ConfigureAwait(false)),
            plan => $"Merge branch '{branchId}' of agent '{agentId}' into {Branch.Main}"
                + (plan is null ? "." : $": {BranchComparison.Summarize(plan.Changes)}.")
                + (resolutions.Count == 0 ? "" : $" Resolving {string.Join(", ", resolutions.Select(r => $"{string.Join("/", r.Path)} with {r.Strategy}"))}."));
        if (confirmed && TryCall((c, ct) => c.MergeBranchAsync(agentId, branchId, Message, resolutions, ct), branchId, out var merge))
        {
            WriteObject(merge);
        }
    }

    /// <summary>@{ Path = 'knowledgeBase/topics/t1/content' (or an array of segments); Strategy = 'ours'; Value = ... }.</summary>
    private static ConflictResolution ToResolution(object item)
    {
        var path = Member(item, "Path") switch
        {
            null => throw new ArgumentException("Each -Resolution needs a Path, e.g. @{ Path = 'behavior'; Strategy = 'ours' }."),
            string text => ConflictResolution.ParsePath(text),
            IEnumerable segments => segments.Cast<object?>().Select(s => s?.ToString() ?? "").ToList(),
            var other => ConflictResolution.ParsePath(other.ToString() ?? ""),
        };
        var value = Member(item, "Value");
        return new ConflictResolution(path, Member(item, "Strategy")?.ToString() ?? "", value is null ? null : PowerShellJson.ToElement(value, "-Resolution Value"));
    }

    /// <summary>A key of a hashtable, or a property of an object, by name in any casing.</summary>
    private static object? Member(object item, string name)
    {
        if ((item is PSObject wrapped ? wrapped.BaseObject : item) is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value is PSObject { BaseObject: var inner } && inner is not PSCustomObject ? inner : entry.Value;
                }
            }

            return null;
        }

        return PSObject.AsPSObject(item).Properties[name]?.Value;
    }

    private sealed class Plan(IReadOnlyList<BranchChange> changes)
    {
        public IReadOnlyList<BranchChange> Changes { get; } = changes;
    }
}
