using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Renames an attribute of a branch. The variants keep their values under the new name. The What-if and
/// confirmation text show the name old -> new (the attribute is read first).
/// </summary>
[Cmdlet(VerbsCommon.Set, "PolyAiAttribute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Attribute))]
public sealed class SetPolyAiAttributeCommand : PolyAiBranchChangeCmdlet
{
    /// <summary>The attribute to rename.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AttributeIdCompleter))]
    public string AttributeId { get; set; } = "";

    /// <summary>The new name, unique in the branch.</summary>
    [Parameter(Mandatory = true, Position = 3)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>Writes the attribute as the API now has it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override void ProcessChange()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        var attributeId = AttributeId;
        var name = Name;
        var confirmed = ConfirmChange(
            attributeId,
            (c, ct) => c.GetAttributeAsync(agentId, branchId, attributeId, ct),
            current => $"Update attribute {(current is null ? $"'{attributeId}'" : $"'{current.Name}' ({attributeId})")} of branch '{branchId}' of agent '{agentId}': "
                + new FieldChanges(current is not null).Add("name", current?.Name, name));
        if (confirmed)
        {
            StartCall((c, ct) => c.RenameAttributeAsync(agentId, branchId, attributeId, name, ct), attributeId, updated =>
            {
                if (PassThru)
                {
                    WriteObject(updated);
                }
            });
        }
    }

    protected override void EndProcessing() => CompleteRequests();
}
