using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Changes a variant of a branch: its name, its attribute values, whether it is the default. -AttributeValue is
/// merged into the variant's values (the ones not named stay; $null removes one), so the variant is read first and
/// its whole set of values sent. The What-if and confirmation text list each changed value old -> new.
/// </summary>
[Cmdlet(VerbsCommon.Set, "PolyAiVariant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Variant))]
public sealed class SetPolyAiVariantCommand : PolyAiBranchChangeCmdlet
{
    /// <summary>The variant to change.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(VariantIdCompleter))]
    public string VariantId { get; set; } = "";

    /// <summary>A new name, unique in the branch.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Attribute name -> new value, merged into the variant's values; $null removes that attribute's value.</summary>
    [Parameter]
    [ValidateNotNull]
    public IDictionary? AttributeValue { get; set; }

    /// <summary>Makes the variant the branch's default (-Default:$false on the default is refused by the API: a branch
    /// with variants always has one default; make another the default instead).</summary>
    [Parameter]
    public SwitchParameter Default { get; set; }

    /// <summary>Writes the variant as the API now has it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private bool? IsDefault => MyInvocation.BoundParameters.ContainsKey(nameof(Default)) ? Default.IsPresent : null;

    protected override void BeginProcessing()
    {
        if (Name is null && AttributeValue is null && IsDefault is null)
        {
            ThrowTerminatingError(ErrorRecords.InvalidInput(
                "Set-PolyAiVariant would change nothing: give -Name, -AttributeValue or -Default.", "VariantUpdateEmpty", null));
        }

        base.BeginProcessing();
    }

    private protected override void ProcessChange()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        var variantId = VariantId;
        var name = Name;
        var isDefault = IsDefault;
        if (!TryInput(() => VariantInput.Values(AttributeValue), VariantInput.InvalidErrorId, variantId, out var changes))
        {
            return;
        }

        // New values are merged into the current ones, so a change of values always reads the variant.
        Variant? current = null;
        if (changes is not null && !TryCall((c, ct) => c.GetVariantAsync(agentId, branchId, variantId, ct), variantId, out current))
        {
            return;
        }

        var confirmed = ConfirmChange(
            variantId,
            current is null ? (c, ct) => c.GetVariantAsync(agentId, branchId, variantId, ct) : Known(current),
            shown => Describe(variantId, branchId, agentId, shown ?? current, name, changes, isDefault));
        if (!confirmed)
        {
            return;
        }

        var values = current is null || changes is null ? null : VariantValues.Merge(current.AttributeValues, changes);
        StartCall((c, ct) => c.UpdateVariantAsync(agentId, branchId, variantId, name, values, isDefault, ct), variantId, updated =>
        {
            if (PassThru)
            {
                WriteObject(updated);
            }
        });
    }

    protected override void EndProcessing() => CompleteRequests();

    private static string Describe(string variantId, string branchId, string agentId, Variant? current, string? name, IReadOnlyDictionary<string, string?>? changes, bool? isDefault)
    {
        var fields = new FieldChanges(current is not null);
        if (name is not null)
        {
            fields.Add("name", current?.Name, name);
        }

        if (isDefault is { } value)
        {
            fields.Add("isDefault", current?.IsDefault.ToString(), value.ToString());
        }

        // With -AttributeValue the variant has been read, so each value is shown old -> new (or left out when equal).
        if (current is not null && changes is not null)
        {
            foreach (var (attribute, before, after) in VariantValues.Changes(current.AttributeValues, changes))
            {
                fields.Add($"attributeValues.{attribute}", before, after);
            }
        }

        var target = current is null ? $"'{variantId}'" : $"'{current.Name}' ({variantId})";
        return $"Update variant {target} of branch '{branchId}' of agent '{agentId}': {(fields.IsEmpty ? "no value changes" : fields.ToString())}";
    }
}
