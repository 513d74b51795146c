using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Client;

internal sealed partial class PolyAiClient
{
    /// <summary>D1: the deployments of one environment, newest first; at most <paramref name="limit"/> when given.</summary>
    public Task<IReadOnlyList<Deployment>> ListDeploymentsAsync(string agentId, string environment, int? limit, CancellationToken cancellationToken)
    {
        var name = EnsureEnvironment(environment);
        if (limit is < 1)
        {
            throw new ArgumentException("The number of deployments to list must be at least 1.");
        }

        return Request(ApiOperations.ListDeployments, $"List the {name} deployments of agent '{agentId}'", agentId)
            .WithQuery("environment", name)
            .WithQuery("limit", limit?.ToString(CultureInfo.InvariantCulture))
            .SendAsync(response => (IReadOnlyList<Deployment>)RequiredList(response.Deployments, "deployments").Select(d => Map(d, null)).ToList(), cancellationToken);
    }

    /// <summary>D2: the active deployment of each environment, in release order; null for one that has none.</summary>
    public Task<IReadOnlyDictionary<string, Deployment?>> GetActiveDeploymentsAsync(string agentId, CancellationToken cancellationToken) =>
        Request(ApiOperations.GetActiveDeployments, $"Get the active deployments of agent '{agentId}'", agentId)
            .SendAsync(response =>
            {
                var active = Required(response.ActiveDeployments, "activeDeployments");
                return (IReadOnlyDictionary<string, Deployment?>)Environments.All.ToDictionary(
                    env => env,
                    env => active.TryGetValue(env, out var dto) && dto is not null ? Map(dto, null) : null);
            }, cancellationToken);

    /// <summary>A deployment by id: the active ones first (D2, unless <paramref name="active"/> has them), else every
    /// environment's list (D1, at once). 1.0.3 has no GET of one deployment.</summary>
    public async Task<Deployment> FindDeploymentAsync(string agentId, string deploymentId, CancellationToken cancellationToken, IReadOnlyDictionary<string, Deployment?>? active = null)
    {
        Identifier.EnsureValid(deploymentId, "deployment id");
        active ??= await GetActiveDeploymentsAsync(agentId, cancellationToken).ConfigureAwait(false);
        if (active.Values.FirstOrDefault(d => d?.DeploymentId == deploymentId) is { } found)
        {
            return found;
        }

        var lists = await Task.WhenAll(Environments.All.Select(env => ListDeploymentsAsync(agentId, env, null, cancellationToken))).ConfigureAwait(false);
        return lists.SelectMany(list => list).FirstOrDefault(d => d.DeploymentId == deploymentId)
            ?? throw NotInList(ApiOperations.ListDeployments, $"Get deployment '{deploymentId}' of agent '{agentId}'", $"Deployment '{deploymentId}' was not found in any environment of agent '{agentId}'.");
    }

    /// <summary>D3: publishes main's current content to <paramref name="environment"/>. An environment that already
    /// runs it answers 200 DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED, which is thrown as Unchanged.</summary>
    public Task<Deployment> PublishAsync(string agentId, string environment, string? message, CancellationToken cancellationToken)
    {
        var name = EnsureEnvironment(environment);
        return Request(ApiOperations.PublishAgent, $"Publish agent '{agentId}' to {name}", agentId)
            .WithBody(new PublishDeploymentBody { Environment = name, DeploymentMessage = message })
            .SendAsync(Map, cancellationToken);
    }

    /// <summary>D4: copies a deployment to <paramref name="targetEnvironment"/>, or the next stage when null.</summary>
    public Task<Deployment> PromoteAsync(string agentId, string deploymentId, string? targetEnvironment, string? message, CancellationToken cancellationToken)
    {
        var target = targetEnvironment is null ? null : EnsureEnvironment(targetEnvironment);
        return Request(ApiOperations.PromoteDeployment, $"Promote deployment '{deploymentId}' of agent '{agentId}' to {target ?? "the next stage"}", agentId, deploymentId)
            .WithBody(new PromoteDeploymentBody { TargetEnvironment = target, DeploymentMessage = message })
            .SendAsync(Map, cancellationToken);
    }

    /// <summary>D5: makes the version of an earlier deployment its environment's active one again (a new deployment).</summary>
    public Task<Deployment> RollbackAsync(string agentId, string deploymentId, string? message, CancellationToken cancellationToken) =>
        Request(ApiOperations.RollbackDeployment, $"Roll back to deployment '{deploymentId}' of agent '{agentId}'", agentId, deploymentId)
            .WithBody(new RollbackDeploymentBody { DeploymentMessage = message })
            .SendAsync(Map, cancellationToken);

    private static string EnsureEnvironment(string environment) =>
        Environments.Normalize(environment) ?? throw new ArgumentException($"'{environment}' is not a PolyAI environment: use {string.Join(", ", Environments.All)}.");

    private static Deployment Map(MutationDeploymentResponse response) =>
        Map(Required(response.Deployment, "deployment"), response.TestRunIds?.Where(id => id is not null).Select(id => id!).ToList());

    internal static Deployment Map(DeploymentDto? dto, IReadOnlyList<string>? testRunIds)
    {
        dto = Required(dto, "deployment");
        var metadata = (dto.Metadata is { ValueKind: JsonValueKind.Object } element ? Json.JsonObjectReader.ToPlain(element) : null) as IReadOnlyDictionary<string, object?>
            ?? new Dictionary<string, object?>();
        return new Deployment(
            Required(dto.AccountId, "accountId"),
            Required(dto.AgentId, "agentId"),
            Required(dto.Id, "id"),
            Required(dto.Environment, "environment"),
            Required(dto.Version, "version"),
            Required(dto.ArtifactVersion, "artifactVersion"),
            Required(dto.CreatedBy, "createdBy"),
            Timestamp(Required(dto.CreatedAt, "createdAt"), "createdAt"),
            metadata.TryGetValue("deploymentMessage", out var message) && message is string text && text.Length > 0 ? text : null,
            testRunIds ?? Array.Empty<string>(),
            metadata);
    }
}
