using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolyAI.Agents.Contract;

// Deployments (api-notes §9).

internal sealed class DeploymentDto
{
    [JsonRequired] public string? Id { get; set; }
    [JsonRequired] public string? AccountId { get; set; }
    [JsonRequired] public string? AgentId { get; set; }
    [JsonRequired] public string? Environment { get; set; }
    [JsonRequired] public string? ArtifactVersion { get; set; }
    [JsonRequired] public string? Version { get; set; }
    [JsonRequired] public string? CreatedBy { get; set; }
    [JsonRequired] public string? CreatedAt { get; set; }

    /// <summary>Free-form (the deployment message, when there is one).</summary>
    public JsonElement? Metadata { get; set; }
}

/// <summary>D1: newest first.</summary>
internal sealed class GetDeploymentsResponse
{
    [JsonRequired] public List<DeploymentDto?>? Deployments { get; set; }
}

/// <summary>D2: by environment; null for one that has none.</summary>
internal sealed class ActiveDeploymentsResponse
{
    [JsonRequired] public Dictionary<string, DeploymentDto?>? ActiveDeployments { get; set; }
}

/// <summary>D3, D4, D5.</summary>
internal sealed class MutationDeploymentResponse
{
    [JsonRequired] public DeploymentDto? Deployment { get; set; }
    public List<string?>? TestRunIds { get; set; }
}

/// <summary>D3. The body is required; {} publishes main to sandbox.</summary>
internal sealed class PublishDeploymentBody
{
    public string? DeploymentMessage { get; set; }
    public string? Environment { get; set; }
}

/// <summary>D4. Without a target, the next stage.</summary>
internal sealed class PromoteDeploymentBody
{
    public string? DeploymentMessage { get; set; }
    public string? TargetEnvironment { get; set; }
}

/// <summary>D5.</summary>
internal sealed class RollbackDeploymentBody
{
    public string? DeploymentMessage { get; set; }
}
