using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Lists the branches of an agent (main included), or gets branches by id (ids the agent does not have are
/// BranchNotFound errors, in input order). Branches pipe into every branch-scoped cmdlet by AgentId and BranchId.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiBranch")]
[OutputType(typeof(Branch))]
public sealed class GetPolyAiBranchCommand : PolyAiCmdlet
{
    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>One or more branch ids.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(BranchIdCompleter))]
    public string[]? BranchId { get; set; }

    /// <summary>Only branches whose name matches (wildcards allowed).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        if (!TryCall((c, ct) => c.ListBranchesAsync(AgentId, ct), AgentId, out var branches))
        {
            return;
        }

        var pattern = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        bool Matches(Branch branch) => pattern is null || pattern.IsMatch(branch.Name ?? branch.BranchId);
        if (BranchId is null)
        {
            WriteObject(branches.Where(Matches), enumerateCollection: true);
            return;
        }

        foreach (var id in BranchId.Distinct(StringComparer.Ordinal))
        {
            if (branches.FirstOrDefault(b => b.BranchId == id) is { } branch)
            {
                if (Matches(branch))
                {
                    WriteObject(branch);
                }
            }
            else
            {
                WriteError(ErrorRecords.NotFoundInList(ResourceKind.Branch, $"agent '{AgentId}'", id));
            }
        }
    }
}
