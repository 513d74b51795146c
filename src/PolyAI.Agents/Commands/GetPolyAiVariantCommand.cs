using System;
using System.Management.Automation;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Lists the variants of a branch of an agent (main when no -BranchId is given): one set of attribute values each
/// (a site such as London), one of them the default. -VariantId picks variants from the list (an id the branch
/// does not have is a VariantNotFound error).
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiVariant", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Variant))]
public sealed class GetPolyAiVariantCommand : PolyAiBranchReadCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>One or more variant ids.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(VariantIdCompleter))]
    public string[] VariantId { get; set; } = Array.Empty<string>();

    /// <summary>Only variants whose name matches (wildcards allowed).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        if (TryCall((c, ct) => c.ListVariantsAsync(agentId, branchId, ct), branchId, out var variants))
        {
            WriteFromList(variants, ParameterSetName == ByIdSet ? VariantId : null, Name, ResourceKind.Variant, v => v.VariantId, v => v.Name);
        }
    }
}
