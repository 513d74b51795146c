using System;
using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Deletes attributes of a branch, and with each its value in every variant. The What-if and confirmation text
/// name each attribute (read first).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "PolyAiAttribute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemovePolyAiAttributeCommand : PolyAiBranchRemoveCmdlet
{
    /// <summary>One or more attribute ids.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AttributeIdCompleter))]
    public string[] AttributeId { get; set; } = Array.Empty<string>();

    private protected override void ProcessChange()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        RemoveEach(
            AttributeId,
            "Attribute",
            (c, id, ct) => c.GetAttributeAsync(agentId, branchId, id, ct),
            (id, attribute) => $"Remove attribute {(attribute is null ? $"'{id}'" : $"'{attribute.Name}' ({id})")} from branch '{branchId}' of agent '{agentId}', with its value in every variant.",
            (c, id, ct) => c.DeleteAttributeAsync(agentId, branchId, id, ct));
    }
}
