using System.Management.Automation;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// What publish, promote and rollback share: ConfirmImpact High (they change what callers of an environment hear),
/// -Message, -Force, and a What-if built from a <see cref="ReleasePlan"/> (the active deployments are read only when
/// a message will be shown); a plan that breaks a release rule of the API is refused before anything is sent.
/// </summary>
public abstract class PolyAiReleaseCmdlet : PolyAiCmdlet
{
    /// <summary>The deployment message, kept with the deployment (Message of its output).</summary>
    [Parameter]
    [ValidateNotNull]
    public string? Message { get; set; }

    /// <summary>Release without asking for confirmation. -WhatIf still only shows what would happen.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool SuppressPrompt => Force;

    /// <summary>Asks for the release (<paramref name="plan"/> read first when a message is shown) and, when confirmed,
    /// makes it and writes the deployment the API made.</summary>
    private protected void Release(
        string target,
        System.Func<Client.PolyAiClient, System.Threading.CancellationToken, System.Threading.Tasks.Task<ReleasePlan>> plan,
        string unread,
        System.Func<Client.PolyAiClient, System.Threading.CancellationToken, System.Threading.Tasks.Task<Deployment>> release)
    {
        var confirmed = ConfirmChange(
            target,
            plan,
            read => read?.Text ?? unread,
            "Callers of that environment hear the change at once.",
            read => read.Refusal is { } refusal ? ErrorRecords.FromApi(refusal, target) : null);
        if (confirmed && TryCall(release, target, out var deployment))
        {
            WriteObject(deployment);
        }
    }
}

/// <summary>
/// A release step from an existing deployment (promote, rollback): the deployment by -AgentId and -DeploymentId (by
/// property name), or piped from Get-PolyAiDeployment (then its version and environment need no read).
/// </summary>
public abstract class PolyAiDeploymentStepCmdlet : PolyAiReleaseCmdlet
{
    private protected const string ByIdSet = "ById";
    private protected const string InputObjectSet = "InputObject";

    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The deployment.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(DeploymentIdCompleter))]
    public string DeploymentId { get; set; } = "";

    /// <summary>A deployment from Get-PolyAiDeployment (its version and environment need no read).</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public Deployment? InputObject { get; set; }

    /// <summary>The agent of the deployment, however it was given.</summary>
    private protected string TargetAgentId => InputObject?.AgentId ?? AgentId;

    private protected string TargetDeploymentId => InputObject?.DeploymentId ?? DeploymentId;
}
