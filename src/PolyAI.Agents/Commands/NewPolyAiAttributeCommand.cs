using System.Management.Automation;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Creates attributes in a branch. Each variant of the branch can then give the attribute a value
/// (Set-PolyAiVariant -AttributeValue); a name the branch already has is an AttributeAlreadyExists error.
/// </summary>
[Cmdlet(VerbsCommon.New, "PolyAiAttribute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Attribute))]
public sealed class NewPolyAiAttributeCommand : PolyAiBranchChangeCmdlet
{
    /// <summary>The attribute's name, unique in the branch (the key of the variants' values).</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    private protected override void ProcessChange()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        foreach (var name in Name)
        {
            var description = $"Create attribute '{name}' in branch '{branchId}' of agent '{agentId}'.";
            if (ShouldChange(description, $"{description} Continue?"))
            {
                StartCall((c, ct) => c.CreateAttributeAsync(agentId, branchId, name, ct), name, WriteObject);
            }
        }
    }

    /// <summary>What was made comes out in input order, so each output lines up with its input row.</summary>
    private protected override bool WritesInStartOrder => true;

    protected override void EndProcessing() => CompleteRequests();
}
