using System.Management.Automation;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Publishes the agent's main branch to an environment (sandbox unless -Environment says otherwise) and writes the
/// deployment it made. The What-if and confirmation text name the version the environment runs now. Publishing
/// what the environment already runs changes nothing: a warning (DeploymentAlreadyRunning), not an error.
/// </summary>
[Cmdlet(VerbsData.Publish, "PolyAiAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Deployment))]
public sealed class PublishPolyAiAgentCommand : PolyAiReleaseCmdlet
{
    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The environment to publish to: sandbox (the default), pre-release or live.</summary>
    [Parameter(Position = 1)]
    [ValidateEnvironment]
    [ArgumentCompleter(typeof(EnvironmentCompleter))]
    public string Environment { get; set; } = Environments.Sandbox;

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        var environment = Environments.Normalize(Environment)!;
        Release(
            agentId,
            (c, ct) => ReleasePlan.ForPublishAsync(c, agentId, environment, ct),
            $"Publish main of agent '{agentId}' to {environment}.",
            (c, ct) => c.PublishAsync(agentId, environment, Message, ct));
    }
}
