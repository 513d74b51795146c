using System.Management.Automation;

namespace PolyAI.Agents.Commands;

/// <summary>Gets the behavior rules (the system prompt) of a branch of an agent; main when no -BranchId is given.</summary>
[Cmdlet(VerbsCommon.Get, "PolyAiBehavior")]
[OutputType(typeof(Behavior))]
public sealed class GetPolyAiBehaviorCommand : PolyAiBranchReadCmdlet
{
    protected override void ProcessRecord()
    {
        if (TryCall((c, ct) => c.GetBehaviorAsync(AgentId, BranchId, ct), BranchId, out var behavior))
        {
            WriteObject(behavior);
        }
    }
}
