using System.Management.Automation;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Promotes a deployment to a later stage (the next one unless -Environment says otherwise: sandbox -> pre-release ->
/// live) and writes the deployment it made there. The What-if and confirmation text say from which version to which;
/// a promotion the API's release rules refuse (not a later stage, live before pre-release, a version the target
/// already runs) is refused before anything is sent whenever the deployments were read.
/// </summary>
[Cmdlet(VerbsData.Publish, "PolyAiDeployment", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Deployment))]
public sealed class PublishPolyAiDeploymentCommand : PolyAiDeploymentStepCmdlet
{
    /// <summary>The environment to promote to: pre-release or live; the next stage when not given. (Not taken from
    /// the pipeline: a piped deployment's own Environment is where it runs, not where it goes.)</summary>
    [Parameter]
    [Alias("TargetEnvironment")]
    [ValidateEnvironment]
    [ArgumentCompleter(typeof(EnvironmentCompleter))]
    public string? Environment { get; set; }

    protected override void ProcessRecord()
    {
        var deployment = InputObject;
        var agentId = TargetAgentId;
        var deploymentId = TargetDeploymentId;
        var target = Environments.Normalize(Environment) ?? (deployment is null ? null : Environments.Next(deployment.Environment));
        Release(
            deploymentId,
            (c, ct) => ReleasePlan.ForPromoteAsync(c, agentId, deploymentId, deployment, target, ct),
            $"Promote deployment {deploymentId} of agent '{agentId}' to {target ?? "the next stage"}.",
            (c, ct) => c.PromoteAsync(agentId, deploymentId, target, Message, ct));
    }
}
