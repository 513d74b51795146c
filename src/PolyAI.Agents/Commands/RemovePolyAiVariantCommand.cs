using System;
using System.Management.Automation;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Deletes variants of a branch. The default variant cannot be removed (DefaultVariantNotRemovable; make another
/// variant the default first): when the variant has been read for the What-if or prompt, that is known before
/// anything is sent, otherwise the API refuses it with the same error.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "PolyAiVariant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemovePolyAiVariantCommand : PolyAiBranchRemoveCmdlet
{
    /// <summary>One or more variant ids.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(VariantIdCompleter))]
    public string[] VariantId { get; set; } = Array.Empty<string>();

    private protected override void ProcessChange()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        RemoveEach(
            VariantId,
            "Variant",
            (c, id, ct) => c.GetVariantAsync(agentId, branchId, id, ct),
            (id, variant) => $"Remove variant {(variant is null ? $"'{id}'" : $"'{variant.Name}' ({id})")} from branch '{branchId}' of agent '{agentId}'.",
            (c, id, ct) => c.DeleteVariantAsync(agentId, branchId, id, ct),
            variant => variant.IsDefault ? ErrorRecords.DefaultVariantNotRemovable(variant) : null);
    }
}
