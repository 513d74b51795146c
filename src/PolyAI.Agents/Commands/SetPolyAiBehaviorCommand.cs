using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Replaces the behavior rules of a branch with a text (or the content of a file). The What-if and confirmation
/// text is a line diff of the rules (read first): what a reviewer needs to see.
/// </summary>
[Cmdlet(VerbsCommon.Set, "PolyAiBehavior", DefaultParameterSetName = TextSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Behavior))]
public sealed class SetPolyAiBehaviorCommand : PolyAiBranchChangeCmdlet
{
    private const string TextSet = "Text";
    private const string PathSet = "Path";

    /// <summary>The new rules, whole.</summary>
    [Parameter(Mandatory = true, Position = 2, ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Text { get; set; } = "";

    /// <summary>A file with the new rules (UTF-8).</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Writes the rules as the API now has them.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override void ProcessChange()
    {
        var text = Text;
        if (ParameterSetName == PathSet && !TryReadFile(Path, "rules", "BehaviorFileUnreadable", out text))
        {
            return;
        }

        var agentId = AgentId;
        var branchId = BranchId;
        var confirmed = ConfirmChange(
            branchId,
            (c, ct) => c.GetBehaviorAsync(agentId, branchId, ct),
            current => $"Update the behavior rules of branch '{branchId}' of agent '{agentId}': {new FieldChanges(current is not null).AddText("text", current?.Text, text)}");
        if (!confirmed)
        {
            return;
        }

        StartCall((c, ct) => c.UpdateBehaviorAsync(agentId, branchId, text, ct), branchId, updated =>
        {
            if (PassThru)
            {
                WriteObject(updated);
            }
        });
    }

    protected override void EndProcessing() => CompleteRequests();
}
