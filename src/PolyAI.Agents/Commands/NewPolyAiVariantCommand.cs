using System.Collections;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Creates a variant in a branch: a name and a value for some or all of the branch's attributes. A name the branch
/// already has is a VariantAlreadyExists error; a value for an attribute the branch does not have is refused by the
/// API (VariantInvalidArgument).
/// </summary>
[Cmdlet(VerbsCommon.New, "PolyAiVariant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Variant))]
public sealed class NewPolyAiVariantCommand : PolyAiBranchChangeCmdlet
{
    /// <summary>The variant's name, unique in the branch.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>Attribute name -> value, e.g. @{ site = 'Leeds'; openingHours = '08:00-18:00' }.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("AttributeValues")]
    [ValidateNotNull]
    public IDictionary? AttributeValue { get; set; }

    /// <summary>Makes the new variant the branch's default (the others stop being it).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("IsDefault")]
    public SwitchParameter Default { get; set; }

    private protected override void ProcessChange()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        var name = Name;
        if (!TryInput(() => VariantInput.Values(AttributeValue), VariantInput.InvalidErrorId, name, out var values))
        {
            return;
        }

        var created = values is null ? null : VariantValues.ForNew(values);
        var isDefault = Default.IsPresent ? true : (bool?)null;
        var description = $"Create variant '{name}' in branch '{branchId}' of agent '{agentId}'"
            + (created is { Count: > 0 } ? $" with {string.Join(", ", created.Select(v => $"{v.Key} {FieldChanges.Quote(v.Value)}"))}" : "")
            + (Default ? ", as the default." : ".");
        if (ShouldChange(description, $"{description} Continue?"))
        {
            StartCall((c, ct) => c.CreateVariantAsync(agentId, branchId, name, created, isDefault, ct), name, WriteObject);
        }
    }

    /// <summary>What was made comes out in input order, so each output lines up with its input row.</summary>
    private protected override bool WritesInStartOrder => true;

    protected override void EndProcessing() => CompleteRequests();
}
