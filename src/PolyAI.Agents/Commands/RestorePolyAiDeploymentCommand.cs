using System.Management.Automation;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Rolls an environment back to an earlier deployment of it: the API makes a new deployment there with that
/// deployment's version, which this writes. The What-if and confirmation text say from which version to which.
/// </summary>
[Cmdlet(VerbsData.Restore, "PolyAiDeployment", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Deployment))]
public sealed class RestorePolyAiDeploymentCommand : PolyAiDeploymentStepCmdlet
{
    protected override void ProcessRecord()
    {
        var deployment = InputObject;
        var agentId = TargetAgentId;
        var deploymentId = TargetDeploymentId;
        Release(
            deploymentId,
            (c, ct) => ReleasePlan.ForRollbackAsync(c, agentId, deploymentId, deployment, ct),
            $"Roll back to deployment {deploymentId} of agent '{agentId}'" + (deployment is null ? "." : $" ({deployment.Environment} goes back to version {deployment.Version})."),
            (c, ct) => c.RollbackAsync(agentId, deploymentId, Message, ct));
    }
}
