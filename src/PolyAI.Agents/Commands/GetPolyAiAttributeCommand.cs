using System;
using System.Management.Automation;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Lists the attributes of a branch of an agent (main when no -BranchId is given): the named slots (site, opening
/// hours) each variant gives a value. -AttributeId picks attributes from the list (an id the branch does not have is
/// an AttributeNotFound error).
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiAttribute", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Attribute))]
public sealed class GetPolyAiAttributeCommand : PolyAiBranchReadCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>One or more attribute ids.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AttributeIdCompleter))]
    public string[] AttributeId { get; set; } = Array.Empty<string>();

    /// <summary>Only attributes whose name matches (wildcards allowed).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        if (TryCall((c, ct) => c.ListAttributesAsync(agentId, branchId, ct), branchId, out var attributes))
        {
            WriteFromList(attributes, ParameterSetName == ByIdSet ? AttributeId : null, Name, ResourceKind.Attribute, a => a.AttributeId, a => a.Name);
        }
    }
}
