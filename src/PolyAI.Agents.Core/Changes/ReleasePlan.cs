using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Changes;

/// <summary>
/// What a publish, promote or rollback will do, read before it is asked for: the environment, the version it runs
/// now (its active deployment) and the version it will run; and, where the API's release rules say it will be
/// refused, why (before anything is sent). Built only when a message will be shown.
/// </summary>
internal sealed class ReleasePlan
{
    private ReleasePlan(string environment, string text, PolyAiApiException? refusal = null)
    {
        Environment = environment;
        Text = text;
        Refusal = refusal;
    }

    /// <summary>The environment that changes.</summary>
    public string Environment { get; }

    /// <summary>The What-if and confirmation text.</summary>
    public string Text { get; }

    /// <summary>The failure the API would answer with, when the change breaks one of its release rules (the same
    /// kind and error name); null when it may be sent.</summary>
    public PolyAiApiException? Refusal { get; }

    /// <summary>D3: main to <paramref name="environment"/>.</summary>
    public static async Task<ReleasePlan> ForPublishAsync(PolyAiClient client, string agentId, string environment, CancellationToken cancellationToken)
    {
        var active = await client.GetActiveDeploymentsAsync(agentId, cancellationToken).ConfigureAwait(false);
        var now = active[environment];
        return new ReleasePlan(environment, $"Publish main of agent '{agentId}' to {environment}, {RunsText(now)}; it will run main as main is now (the API gives that its version when it publishes, the same one when main has not changed).");
    }

    /// <summary>D4: <paramref name="deployment"/> (read when null) to <paramref name="target"/> (the next stage when null).</summary>
    public static async Task<ReleasePlan> ForPromoteAsync(PolyAiClient client, string agentId, string deploymentId, Deployment? deployment, string? target, CancellationToken cancellationToken)
    {
        var active = await client.GetActiveDeploymentsAsync(agentId, cancellationToken).ConfigureAwait(false);
        deployment ??= await client.FindDeploymentAsync(agentId, deploymentId, cancellationToken, active).ConfigureAwait(false);
        var to = target ?? Environments.Next(deployment.Environment);
        var what = $"Promote deployment {deployment.DeploymentId} ({deployment.Describe()}) of agent '{agentId}'";
        if (to is null || !Environments.IsLater(to, deployment.Environment))
        {
            var rule = ApiOperations.PromoteDeployment.StatusRules[400];
            return new ReleasePlan(to ?? deployment.Environment, $"{what} to {to ?? "a later stage"}.", Refused(what, rule.Kind, rule.ErrorName,
                $"Deployment {deployment.DeploymentId} runs in {deployment.Environment}; it can be promoted only to a later stage ({string.Join(", ", Environments.All.Where(e => Environments.IsLater(e, deployment.Environment)).DefaultIfEmpty("none: live is the last"))})."));
        }

        var now = active[to];
        var text = $"{what} to {to}, {RunsText(now)}.";
        if (now?.Version == deployment.Version)
        {
            return new ReleasePlan(to, text, Refused(what, ApiErrorCodes.DeploymentAlreadyPublished,
                $"{to} already runs version {deployment.Version} ({now.DeploymentId})."));
        }

        if (to == Environments.Live && deployment.Environment != Environments.PreRelease && active[Environments.PreRelease]?.Version != deployment.Version)
        {
            return new ReleasePlan(to, text, Refused(what, ApiErrorCodes.PreReleaseNotReady,
                $"Version {deployment.Version} has not been through pre-release: promote it to pre-release first (pre-release runs {active[Environments.PreRelease]?.Version ?? "nothing"})."));
        }

        return new ReleasePlan(to, text);
    }

    /// <summary>D5: the environment of <paramref name="deployment"/> (read when null) back to its version.</summary>
    public static async Task<ReleasePlan> ForRollbackAsync(PolyAiClient client, string agentId, string deploymentId, Deployment? deployment, CancellationToken cancellationToken)
    {
        var active = await client.GetActiveDeploymentsAsync(agentId, cancellationToken).ConfigureAwait(false);
        deployment ??= await client.FindDeploymentAsync(agentId, deploymentId, cancellationToken, active).ConfigureAwait(false);
        var now = active[deployment.Environment];
        var from = now is null ? "no deployment" : $"version {now.Version} (since {now.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z, {now.DeploymentId})";
        var text = $"Roll {deployment.Environment} of agent '{agentId}' back from {from} to {deployment.Describe()}"
            + (now?.Version == deployment.Version ? $": {deployment.Environment} already runs that version, so nothing would change." : ".");
        return new ReleasePlan(deployment.Environment, text);
    }

    private static PolyAiApiException Refused(string operation, ApiErrorCode code, string message) =>
        PolyAiApiException.Refused(code, operation, $"{message} Nothing was sent.");

    /// <summary>A promotion to a stage that is not later: the row's own rule for the 400 the API answers it with.</summary>
    private static PolyAiApiException Refused(string operation, PolyAiFailureKind kind, string? errorName, string message) =>
        new(kind, operation, $"{message} Nothing was sent.", ResourceKind.Deployment, errorName: errorName);

    private static string RunsText(Deployment? now) =>
        now is null ? "which runs no deployment yet" : $"which runs version {now.Version} since {now.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z ({now.DeploymentId}, by {now.CreatedBy})";
}
