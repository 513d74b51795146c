using System.Management.Automation;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Rolls an environment back to an earlier deployment of it: the API makes a new deployment there with that
/// deployment's version, which this writes. The What-if and confirmation text say from which version to which.
/// </summary>
[Cmdlet(VerbsData.Restore, "PolyAiDeployment", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Deployment))]
public sealed class RestorePolyAiDeploymentCommand : PolyAiReleaseCmdlet
{
    private const string ByIdSet = "ById";
    private const string InputObjectSet = "InputObject";

    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The earlier deployment whose version its environment goes back to.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(DeploymentIdCompleter))]
    public string DeploymentId { get; set; } = "";

    /// <summary>A deployment from Get-PolyAiDeployment.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public Deployment? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        var deployment = InputObject;
        var agentId = deployment?.AgentId ?? AgentId;
        var deploymentId = deployment?.DeploymentId ?? DeploymentId;
        Release(
            deploymentId,
            (c, ct) => ReleasePlan.ForRollbackAsync(c, agentId, deploymentId, deployment, ct),
            $"Roll back to deployment {deploymentId} of agent '{agentId}'" + (deployment is null ? "." : $" ({deployment.Environment} goes back to version {deployment.Version})."),
            (c, ct) => c.RollbackAsync(agentId, deploymentId, Message, ct));
    }
}
